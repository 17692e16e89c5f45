package org.crisistimeline.command.security;

import static org.springframework.http.HttpMethod.POST;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may write what. Every write needs a bearer JWT with a role: {@code recorder} records, corrects, attaches sources
 * and links; {@code editor} also disputes, verifies, retracts and manages actors and crises; {@code admin} also runs
 * operations (audit, actuator). Health and metrics are open.
 */
@Configuration
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, JwtDecoder jwtDecoder, ProblemResponses problems) throws Exception {
        return http.csrf(csrf -> csrf.disable()) // bearer tokens, no cookies: nothing for a forged form to ride on
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health", "/actuator/health/**", "/actuator/metrics", "/actuator/metrics/**")
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        .requestMatchers("/actuator/**", "/api/v1/audit/**")
                        .hasRole(Roles.ADMIN)
                        .requestMatchers(
                                POST,
                                "/api/v1/incidents/*/dispute",
                                "/api/v1/incidents/*/verify",
                                "/api/v1/incidents/*/retraction",
                                "/api/v1/actors",
                                "/api/v1/actors/**",
                                "/api/v1/crises",
                                "/api/v1/crises/**",
                                "/api/v1/imports")
                        .hasRole(Roles.EDITOR)
                        .requestMatchers("/api/v1/imports/**")
                        .hasRole(Roles.EDITOR)
                        .requestMatchers(
                                POST,
                                "/api/v1/incidents",
                                "/api/v1/incidents/*/amendments",
                                "/api/v1/incidents/*/sources",
                                "/api/v1/incidents/*/links")
                        .hasRole(Roles.RECORDER)
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(Roles.fromClaim()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }
}
