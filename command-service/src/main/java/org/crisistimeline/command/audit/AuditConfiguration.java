package org.crisistimeline.command.audit;

import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration
class AuditConfiguration {

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
}
