package org.crisistimeline.command.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration
@EnableConfigurationProperties(AuditSettings.class)
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
                            positions -> storedHashes(jdbc.getObject(), positions));
                }
                return bean;
            }
        };
    }

    /** Read through Spring's transaction-bound connection (the one Axon is appending with), all in one query. */
    private static Map<String, String> storedHashes(JdbcTemplate jdbc, Map<String, Long> positions) {
        String[] aggregates = positions.keySet().toArray(String[]::new);
        Long[] sequences = Arrays.stream(aggregates).map(positions::get).toArray(Long[]::new);
        Map<String, String> hashes = new HashMap<>();
        jdbc.query(
                "SELECT e.aggregate_identifier, e.meta_data FROM domain_event_entry e"
                        + " JOIN unnest(?::varchar[], ?::bigint[]) AS p (aggregate_identifier, sequence_number)"
                        + " ON e.aggregate_identifier = p.aggregate_identifier"
                        + " AND e.sequence_number = p.sequence_number",
                row -> {
                    JsonNode hash = CanonicalJson.read(row.getBytes(2)).path(EventEnvelope.HASH);
                    if (hash.isTextual()) {
                        hashes.put(row.getString(1), hash.textValue());
                    }
                },
                aggregates,
                sequences);
        return hashes;
    }

    /**
     * The service key for checkpoints: {@code crisis-timeline.audit.signing-key} names a PKCS#8 PEM file with an Ed25519
     * private key. Without one a key is generated at start-up, which is fine for tests and a local stack but makes
     * checkpoints unverifiable after a restart.
     */
    @Bean
    CheckpointSigner checkpointSigner(AuditSettings settings) {
        if (settings.signingKey() == null || settings.signingKey().isBlank()) {
            CheckpointSigner ephemeral = CheckpointSigner.ephemeral();
            log.warn(
                    "No audit signing key configured (AUDIT_SIGNING_KEY): checkpoints are signed with key {}, generated"
                            + " for this process only; they cannot be verified after a restart",
                    ephemeral.keyId());
            return ephemeral;
        }
        CheckpointSigner signer = CheckpointSigner.fromPem(Path.of(settings.signingKey()));
        log.info("Checkpoints are signed with audit key {} from {}", signer.keyId(), settings.signingKey());
        return signer;
    }
}
