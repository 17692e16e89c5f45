package org.crisistimeline.query.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may read and operate. Timelines, incidents, exports and streams are public unless {@code
 * crisis-timeline.security.reads-require-role} is true, when they need a token with the {@code reader} role (or any
 * role above it). The audit trail, the dead-letter endpoints and actuator endpoints other than health and metrics
 * (Prometheus too) need {@code admin}. The API description (OpenAPI, Swagger UI) is open, and so are the page's
 * static files: the page asks for a token when a read needs one.
 */
@Configuration
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfiguration {

    /**
     * No observation around every security filter, authentication and authorization of every request: nothing here
     * reads them, and even switched off by property they kept wrapping each filter. The HTTP server's own request
     * metrics stay.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain api(
            HttpSecurity http,
            ObjectProvider<JwtDecoder> jwtDecoder,
            ProblemResponses problems,
            SecuritySettings settings)
            throws Exception {
        return http.csrf(csrf -> csrf.disable()) // bearer tokens, no cookies: nothing for a forged form to ride on
                // answers preflights by Spring MVC's mappings (system/Cors): none unless origins are configured
                .cors(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(
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
                            // the page itself holds no data; it asks for a token when a read answers 401
                            .requestMatchers("/", "/index.html", "/page.js", "/page.css", "/page.js.LEGAL.txt")
                            .permitAll()
                            .requestMatchers("/actuator/**", "/api/v1/admin/**", "/api/v1/audit/**")
                            .hasRole(Roles.ADMIN);
                    if (settings.readsRequireRole()) {
                        requests.anyRequest().hasRole(Roles.READER);
                    } else {
                        requests.anyRequest().permitAll();
                    }
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(TokenValidation.configured(jwtDecoder)))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }
}
