package org.crisistimeline.query.security;

import org.crisistimeline.web.security.BearerTokenSecurity;
import org.crisistimeline.web.security.Roles;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may read and operate. Timelines, incidents, exports and streams are public unless {@code
 * crisis-timeline.security.reads-require-role} is true, when they need a token with the {@code reader} role (or any
 * role above it). The audit trail, the dead-letter endpoints and actuator endpoints other than health and metrics
 * (Prometheus too) need {@code admin}. The API description (OpenAPI, Swagger UI) is open, and so are the page's
 * static files: the page asks for a token when a read needs one. The part alike in both services (stateless bearer
 * tokens, 401/403 as Problem Details, the open operational endpoints) is {@link BearerTokenSecurity}'s.
 */
@Configuration
@EnableConfigurationProperties(ReadAccessSettings.class)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, BearerTokenSecurity bearerTokens, ReadAccessSettings settings)
            throws Exception {
        return bearerTokens
                .applyTo(http)
                // answers preflights by Spring MVC's mappings (system/Cors): none unless origins are configured
                .cors(Customizer.withDefaults())
                .authorizeHttpRequests(requests -> {
                    // the page itself holds no data; it asks for a token when a read answers 401
                    requests.requestMatchers("/", "/index.html", "/page.js", "/page.css", "/page.js.LEGAL.txt")
                            .permitAll()
                            .requestMatchers("/api/v1/admin/**", "/api/v1/audit/**")
                            .hasRole(Roles.ADMIN);
                    if (settings.readsRequireRole()) {
                        requests.anyRequest().hasRole(Roles.READER);
                    } else {
                        requests.anyRequest().permitAll();
                    }
                })
                .build();
    }
}
