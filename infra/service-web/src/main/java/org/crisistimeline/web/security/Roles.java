package org.crisistimeline.web.security;

import java.util.Collection;
import java.util.Objects;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;

/**
 * The roles of the API, each including the ones below it: admin > editor > recorder > reader. A token lists them
 * in its {@code roles} claim, which Boot turns into {@code ROLE_} authorities (each service's application.yml). Which
 * path needs which role is each service's own SecurityConfiguration.
 */
@Configuration(proxyBeanMethods = false)
public class Roles {

    public static final String ADMIN = "admin";
    public static final String EDITOR = "editor";
    public static final String RECORDER = "recorder";
    public static final String READER = "reader";

    @Bean
    @ConditionalOnMissingBean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(ADMIN)
                .implies(EDITOR)
                .role(EDITOR)
                .implies(RECORDER)
                .role(RECORDER)
                .implies(READER)
                .build();
    }

    /**
     * Roles as a list of names (or one space-separated string), in the claim Boot's authorities converter reads
     * ({@code authorities-claim-name}): anything else would make the converter fail with a 500; it is a bad token.
     */
    @Bean
    OAuth2TokenValidator<Jwt> wellFormedRoles(OAuth2ResourceServerProperties resourceServer) {
        String claim = Objects.requireNonNull(
                resourceServer.getJwt().getAuthoritiesClaimName(),
                "spring.security.oauth2.resourceserver.jwt.authorities-claim-name must name the claim of the roles");
        return new JwtClaimValidator<Object>(
                claim,
                roles -> roles == null
                        || roles instanceof String
                        || (roles instanceof Collection<?> names
                                && names.stream().allMatch(String.class::isInstance)));
    }
}
