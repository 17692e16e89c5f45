package org.crisistimeline.web.security;

import java.time.Instant;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;

/**
 * Tokens are decoded by Spring Boot's resource server from {@code spring.security.oauth2.resourceserver.jwt} in each
 * service's application.yml: the key (a JWK set URI or a PEM public key file), RS256 only, the audience and the roles
 * claim. Boot adds every validator bean declared here to the decoder it builds; these are the checks its properties
 * cannot express.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecuritySettings.class)
class TokenValidation {

    /** Spring checks {@code exp} only when present: a token without one would never expire. */
    @Bean
    OAuth2TokenValidator<Jwt> expiryRequired() {
        return new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull);
    }

    /** Boot checks the issuer only with {@code issuer-uri}, which with a key file turns into OIDC discovery instead. */
    @Bean
    OAuth2TokenValidator<Jwt> issuer(SecuritySettings settings) {
        return new JwtIssuerValidator(settings.issuer());
    }

    /** Boot's decoder, which exists only when a key is configured: without one, a start that says what to set. */
    static JwtDecoder configured(ObjectProvider<JwtDecoder> decoder) {
        return decoder.getIfAvailable(() -> {
            throw new IllegalStateException("No way to check tokens: set JWT_JWK_SET_URI to the identity provider's key"
                    + " set, or JWT_PUBLIC_KEY to a PEM public key file (infra/local/start.sh makes one)");
        });
    }
}
