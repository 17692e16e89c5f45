package org.crisistimeline.query.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code crisis-timeline.security}, the query service's own part (the issuer is bound by the shared web edge).
 *
 * @param readsRequireRole whether every read needs a token with the reader role or above ({@code READS_REQUIRE_ROLE})
 */
@ConfigurationProperties("crisis-timeline.security")
record ReadAccessSettings(boolean readsRequireRole) {}
