package org.crisistimeline.command.security;

import static org.springframework.http.HttpMethod.POST;

import java.time.Clock;
import java.time.Duration;
import org.crisistimeline.web.security.BearerTokenSecurity;
import org.crisistimeline.web.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may write what. Every write needs a bearer JWT with a role: {@code recorder} records, corrects, attaches sources
 * and links; {@code editor} also disputes, verifies, retracts and manages actors and crises; {@code admin} also runs
 * operations (audit, actuator). Health, metrics (Prometheus too) and the API description (OpenAPI, Swagger UI) are
 * open: that part, stateless bearer tokens and 401/403 as Problem Details are {@link BearerTokenSecurity}'s, alike in
 * both services.
 */
@Configuration
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, BearerTokenSecurity bearerTokens) throws Exception {
        return bearerTokens
                .applyTo(http, verifiedTokens(bearerTokens.bootsDecoder()))
                .authorizeHttpRequests(requests -> requests.requestMatchers("/api/v1/audit/**")
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
                .build();
    }

    /**
     * Boot's decoder behind a memory of the tokens it verified lately ({@link VerifiedTokens}). A remembered token is
     * checked again for time alone: its signature, issuer, audience and roles are the same bytes as before.
     */
    private static JwtDecoder verifiedTokens(JwtDecoder decoder) {
        // 5 minutes: how long Spring's decoder keeps a fetched key set
        return new VerifiedTokens(decoder, new JwtTimestampValidator(), 4096, Duration.ofMinutes(5), Clock.systemUTC());
    }
}
