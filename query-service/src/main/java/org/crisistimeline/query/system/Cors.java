package org.crisistimeline.query.system;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Cross-origin reads for pages hosted elsewhere, off unless {@code crisis-timeline.cors.allowed-origins} names the
 * origins ({@code CORS_ALLOWED_ORIGINS=https://pages.example,https://other.example}). Only reads: the admin endpoints
 * are not for browsers of other sites.
 */
@Configuration
@EnableConfigurationProperties(Cors.Settings.class)
class Cors implements WebMvcConfigurer {

    @ConfigurationProperties("crisis-timeline.cors")
    record Settings(List<String> allowedOrigins) {

        Settings {
            allowedOrigins = allowedOrigins == null
                    ? List.of()
                    : allowedOrigins.stream()
                            .filter(origin -> !origin.isBlank())
                            .toList();
        }
    }

    private final Settings settings;

    Cors(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        if (settings.allowedOrigins().isEmpty()) {
            return;
        }
        registry.addMapping("/api/v1/**")
                .allowedOrigins(settings.allowedOrigins().toArray(String[]::new))
                .allowedMethods("GET", "HEAD")
                .allowedHeaders("Authorization", "Last-Event-ID")
                .exposedHeaders("Retry-After");
    }
}
