package org.crisistimeline.command.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code crisis-timeline.audit}: the key checkpoints are signed with.
 *
 * @param signingKey a PKCS#8 PEM file with an Ed25519 private key (AUDIT_SIGNING_KEY); blank: a key made for this process
 */
@ConfigurationProperties("crisis-timeline.audit")
@Validated
record AuditSettings(String signingKey) {}
