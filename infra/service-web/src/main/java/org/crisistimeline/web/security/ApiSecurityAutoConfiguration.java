package org.crisistimeline.web.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * What both services' security has in common, on with this module: the token checks Boot's properties cannot express
 * ({@link TokenValidation}), the role hierarchy ({@link Roles}), and the shared part of the filter chain
 * ({@link BearerTokenSecurity}). Each service declares its own SecurityFilterChain: which path needs which role.
 */
@AutoConfiguration
@ConditionalOnClass({HttpSecurity.class, JwtDecoder.class})
@Import({TokenValidation.class, Roles.class})
public class ApiSecurityAutoConfiguration {

    /**
     * No observation around every security filter, authentication and authorization of every request: nothing here
     * reads them, and even switched off by property they kept wrapping each filter. The HTTP server's own request
     * metrics stay.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @ConditionalOnMissingBean
    BearerTokenSecurity bearerTokenSecurity(ObjectProvider<JwtDecoder> jwtDecoder, ObjectMapper json) {
        return new BearerTokenSecurity(jwtDecoder, new ProblemResponses(json));
    }
}
