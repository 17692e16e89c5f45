package org.crisistimeline.query.security;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code crisis-timeline.security}: what Spring Boot's resource-server properties do not cover.
 *
 * @param issuer the {@code iss} every token must carry ({@code JWT_ISSUER})
 * @param readsRequireRole whether every read needs a token with the reader role or above ({@code READS_REQUIRE_ROLE})
 */
@ConfigurationProperties("crisis-timeline.security")
@Validated
record SecuritySettings(@NotBlank String issuer, boolean readsRequireRole) {}
