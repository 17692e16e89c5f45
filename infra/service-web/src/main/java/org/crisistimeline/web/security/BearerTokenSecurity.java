package org.crisistimeline.web.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The part of the filter chain both services share: stateless bearer tokens checked by Boot's resource server, 401
 * and 403 as Problem Details, health, metrics (Prometheus too) and the API description open, every other actuator
 * endpoint for {@code admin}. A service's own SecurityFilterChain starts from it and adds which path needs which role.
 */
public class BearerTokenSecurity {

    private final ObjectProvider<JwtDecoder> jwtDecoder;
    private final ProblemResponses problems;

    BearerTokenSecurity(ObjectProvider<JwtDecoder> jwtDecoder, ProblemResponses problems) {
        this.jwtDecoder = jwtDecoder;
        this.problems = problems;
    }

    /**
     * Boot's decoder, for a service that puts something in front of it. Without a configured key, a failed start that
     * says what to set.
     */
    public JwtDecoder bootsDecoder() {
        return TokenValidation.configured(jwtDecoder);
    }

    /** The shared rules, checked before the ones the service adds; tokens decoded by Boot's decoder. */
    public HttpSecurity applyTo(HttpSecurity http) throws Exception {
        return applyTo(http, bootsDecoder());
    }

    /** The shared rules, checked before the ones the service adds; tokens decoded by {@code decoder}. */
    public HttpSecurity applyTo(HttpSecurity http, JwtDecoder decoder) throws Exception {
        return http.csrf(csrf -> csrf.disable()) // bearer tokens, no cookies: nothing for a forged form to ride on
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health",
                                "/actuator/health/**",
                                "/actuator/metrics",
                                "/actuator/metrics/**",
                                "/actuator/prometheus",
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/swagger-ui.html",
                                "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole(Roles.ADMIN))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(decoder))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    }
}
