package org.crisistimeline.web.security;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code crisis-timeline.security}: what Spring Boot's resource-server properties do not cover.
 *
 * @param issuer the {@code iss} every token must carry ({@code JWT_ISSUER})
 */
@ConfigurationProperties("crisis-timeline.security")
@Validated
record SecuritySettings(@NotBlank String issuer) {}
