package org.crisistimeline.command.security;

import java.util.Collection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/** The roles of the write API, each including the ones below it: admin > editor > recorder > reader. */
@Configuration
class Roles {

    static final String ADMIN = "admin";
    static final String EDITOR = "editor";
    static final String RECORDER = "recorder";
    static final String READER = "reader";

    /** Where a token lists its roles: {@code "roles": ["editor"]}. */
    static final String CLAIM = "roles";

    @Bean
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

    /** Roles as a list of names (or one space-separated string): anything else is a bad token, not a server error. */
    static JwtClaimValidator<Object> wellFormedClaim() {
        return new JwtClaimValidator<>(
                CLAIM,
                roles -> roles == null
                        || roles instanceof String
                        || (roles instanceof Collection<?> names
                                && names.stream().allMatch(String.class::isInstance)));
    }

    static JwtAuthenticationConverter fromClaim() {
        var authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }
}
