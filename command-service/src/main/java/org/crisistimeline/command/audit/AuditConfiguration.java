package org.crisistimeline.command.audit;

import java.nio.file.Path;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration
class AuditConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuditConfiguration.class);

    /**
     * Wraps the event storage engine Axon's auto-configuration makes, keeping everything it configured (schema,
     * serializers, upcasters, exception resolver), so that every appended event is chained before it is written.
     */
    @Bean
    static BeanPostProcessor hashChainingEventStorage(ObjectProvider<JdbcTemplate> jdbc) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractEventStorageEngine engine) {
                    return new HashChainingStorageEngine(
                            engine,
                            engine.getEventSerializer(),
                            (aggregateId, sequence) -> storedHash(jdbc.getObject(), aggregateId, sequence));
                }
                return bean;
            }
        };
    }

    /** Read through Spring's transaction-bound connection: the one Axon is appending with. */
    private static Optional<String> storedHash(JdbcTemplate jdbc, String aggregateId, long sequence) {
        return jdbc
                .query(
                        "SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?",
                        (row, index) -> row.getBytes(1),
                        aggregateId,
                        sequence)
                .stream()
                .findFirst()
                .map(metadata -> CanonicalJson.read(metadata).path(EventEnvelope.HASH))
                .filter(hash -> hash.isTextual())
                .map(hash -> hash.textValue());
    }

    /**
     * The service key for checkpoints: {@code crisis-timeline.audit.signing-key} names a PKCS#8 PEM file with an Ed25519
     * private key. Without one a key is generated at start-up, which is fine for tests and a local stack but makes
     * checkpoints unverifiable after a restart.
     */
    @Bean
    CheckpointSigner checkpointSigner(
            @Value("${crisis-timeline.audit.signing-key:${AUDIT_SIGNING_KEY:}}") String signingKey) {
        if (signingKey.isBlank()) {
            CheckpointSigner ephemeral = CheckpointSigner.ephemeral();
            log.warn(
                    "No audit signing key configured (AUDIT_SIGNING_KEY): checkpoints are signed with key {}, generated"
                            + " for this process only; they cannot be verified after a restart",
                    ephemeral.keyId());
            return ephemeral;
        }
        CheckpointSigner signer = CheckpointSigner.fromPem(Path.of(signingKey));
        log.info("Checkpoints are signed with audit key {} from {}", signer.keyId(), signingKey);
        return signer;
    }
}
