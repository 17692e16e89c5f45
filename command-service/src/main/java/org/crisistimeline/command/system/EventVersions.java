package org.crisistimeline.command.system;

import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.crisistimeline.events.EventType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event store records each event's version, and reads older versions through the upcasters of shared-events. The
 * version is {@link EventType#version()}, stored as Axon's {@code payload_revision}: shared-events may not use Axon's
 * {@code @Revision}, so the revision is resolved from the enum instead.
 */
@Configuration
class EventVersions {

    /** Rows written before versions were recorded have no revision: {@link StoredEventUpcaster} reads them as v1. */
    @Bean
    RevisionResolver revisionResolver() {
        return payloadType -> EventType.ofPayload(payloadType)
                .map(type -> Integer.toString(type.version()))
                .orElse(null);
    }

    /** Registered with Axon's upcaster chain by the Spring Boot auto-configuration. */
    @Bean
    EventUpcaster storedEventUpcaster() {
        return new StoredEventUpcaster();
    }
}
