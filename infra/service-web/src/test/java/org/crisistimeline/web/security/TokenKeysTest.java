package org.crisistimeline.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class TokenKeysTest {

    private static final String JWK_SET_URI = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri";
    private static final String PUBLIC_KEY = "spring.security.oauth2.resourceserver.jwt.public-key-location";

    @Test
    void aKeyFilePathIsReadFromTheFileSystem() {
        var environment = mapped(new MockEnvironment().withProperty("JWT_PUBLIC_KEY", "/jwt/public.pem"));

        assertThat(environment.getProperty(PUBLIC_KEY)).isEqualTo("file:/jwt/public.pem");
        assertThat(environment.containsProperty(JWK_SET_URI)).isFalse();
    }

    @Test
    void anEmptyKeySetUriLeavesBootsKeySetDecoderOff() {
        var environment = mapped(new MockEnvironment()
                .withProperty("JWT_JWK_SET_URI", "")
                .withProperty("JWT_PUBLIC_KEY", "classpath:public.pem"));

        assertThat(environment.containsProperty(JWK_SET_URI)).isFalse();
        assertThat(environment.getProperty(PUBLIC_KEY)).isEqualTo("classpath:public.pem");
    }

    @Test
    void bootsOwnPropertyWinsOverTheVariable() {
        var environment = mapped(new MockEnvironment()
                .withProperty("JWT_JWK_SET_URI", "https://idp.example/keys")
                .withProperty(JWK_SET_URI, "https://other.example/keys"));

        assertThat(environment.getProperty(JWK_SET_URI)).isEqualTo("https://other.example/keys");
    }

    private static MockEnvironment mapped(MockEnvironment environment) {
        new TokenKeys().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
