package org.crisistimeline.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class TokenDefaultsTest {

    private static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

    @Test
    void bothServicesCheckTheSameAlgorithmAudienceRolesAndIssuerByDefault() {
        var environment = withDefaults(new MockEnvironment());

        assertThat(environment.getProperty(JWT + "jws-algorithms")).isEqualTo("RS256");
        assertThat(environment.getProperty(JWT + "audiences")).isEqualTo("crisis-timeline");
        assertThat(environment.getProperty(JWT + "authorities-claim-name")).isEqualTo("roles");
        assertThat(environment.getProperty(JWT + "authority-prefix")).isEqualTo("ROLE_");
        assertThat(environment.getProperty("crisis-timeline.security.issuer")).isEqualTo("crisis-timeline-local");
    }

    @Test
    void theVariablesAndAServicesOwnSettingsWin() {
        var environment = withDefaults(new MockEnvironment()
                .withProperty("JWT_AUDIENCE", "newsroom")
                .withProperty("JWT_ISSUER", "https://idp.example")
                .withProperty(JWT + "authorities-claim-name", "groups"));

        assertThat(environment.getProperty(JWT + "audiences")).isEqualTo("newsroom");
        assertThat(environment.getProperty("crisis-timeline.security.issuer")).isEqualTo("https://idp.example");
        assertThat(environment.getProperty(JWT + "authorities-claim-name")).isEqualTo("groups");
    }

    private static MockEnvironment withDefaults(MockEnvironment environment) {
        new TokenDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
