package org.crisistimeline.command.publishing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.crisistimeline.command.system.AuditTrail;
import org.crisistimeline.events.CloudEventHeaders;
import org.crisistimeline.events.EventType;
import org.crisistimeline.events.Topics;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes every stored event to Kafka: the event store is the outbox. It runs in a streaming event processor that
 * reads the store in order and keeps its position in the token table; the position of a batch is committed only after
 * Kafka acknowledged every event of the batch, so a process killed at any moment republishes instead of losing.
 * Readers deduplicate on {@code ce_id} (or the aggregate sequence) for the rare event sent twice.
 *
 * <p>It only ever moves forward from its position: {@code @DisallowReplay} makes the processor refuse a reset, and
 * would skip the events of a replay, so rebuilding anything never publishes an event again.
 */
@Component
@ProcessingGroup(EventPublisher.PROCESSING_GROUP)
@DisallowReplay
@EnableConfigurationProperties(PublishingSettings.class)
class EventPublisher {

    static final String PROCESSING_GROUP = "kafka-publisher";
    private static final String PENDING_SENDS = EventPublisher.class.getName() + ".pendingSends";

    private final KafkaTemplate<String, byte[]> kafka;
    private final Serializer serializer;
    private final Duration ackTimeout;

    EventPublisher(
            KafkaTemplate<String, byte[]> kafka,
            @Qualifier("eventSerializer") Serializer serializer,
            PublishingSettings settings) {
        this.kafka = kafka;
        this.serializer = serializer;
        this.ackTimeout = settings.ackTimeout();
    }

    @EventHandler
    void publish(EventMessage<?> event) {
        if (!(event instanceof DomainEventMessage<?> domainEvent)) {
            return; // only aggregates' events are facts of the timeline
        }
        EventType type = EventType.ofPayload(domainEvent.getPayloadType())
                .orElseThrow(() -> new IllegalStateException("No published event type for "
                        + domainEvent.getPayloadType().getName()));
        var record = new ProducerRecord<>(
                Topics.EVENTS,
                null,
                domainEvent.getAggregateIdentifier(),
                data(domainEvent),
                headers(domainEvent, type));
        pendingSends().add(kafka.send(record));
    }

    /**
     * The event's JSON as the store holds it, without reading it into its record and writing it again (that was half
     * the publisher's time): the store's serializer is the topic's mapper, and an event stored in an older version
     * comes up from the upcasters already in today's JSON.
     */
    private byte[] data(DomainEventMessage<?> event) {
        return event.serializePayload(serializer, byte[].class).getData();
    }

    private static RecordHeaders headers(DomainEventMessage<?> event, EventType type) {
        var headers = new RecordHeaders();
        headers.add(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE.getBytes(UTF_8));
        headers.add(CloudEventHeaders.ID, event.getIdentifier().getBytes(UTF_8));
        headers.add(CloudEventHeaders.TYPE, type.cloudEventType().getBytes(UTF_8));
        headers.add(CloudEventHeaders.SOURCE, CloudEventHeaders.SOURCE_VALUE.getBytes(UTF_8));
        headers.add(CloudEventHeaders.SUBJECT, event.getAggregateIdentifier().getBytes(UTF_8));
        headers.add(CloudEventHeaders.TIME, event.getTimestamp().toString().getBytes(UTF_8));
        headers.add(
                CloudEventHeaders.SEQUENCE,
                Long.toString(event.getSequenceNumber()).getBytes(UTF_8));
        headers.add(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.CONTENT_TYPE_VALUE.getBytes(UTF_8));
        // the client address stays in the event store: subscribers learn who and why, not from where
        addIfPresent(headers, CloudEventHeaders.PRINCIPAL, event.getMetaData().get(AuditTrail.PRINCIPAL));
        addIfPresent(headers, CloudEventHeaders.REQUEST_ID, event.getMetaData().get(AuditTrail.REQUEST_ID));
        addIfPresent(headers, CloudEventHeaders.REASON, event.getMetaData().get(AuditTrail.REASON));
        // tamper evidence: the event's link in its aggregate's hash chain (see the audit package)
        addIfPresent(headers, CloudEventHeaders.HASH, event.getMetaData().get("hash"));
        return headers;
    }

    private static void addIfPresent(RecordHeaders headers, String name, Object value) {
        if (value != null) {
            headers.add(name, value.toString().getBytes(UTF_8));
        }
    }

    /**
     * The sends of the current batch. Sending is asynchronous so a batch goes out in one round trip; before the
     * batch's unit of work commits (and with it the processor's new position) every send must be acknowledged.
     */
    private List<CompletableFuture<?>> pendingSends() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING_SENDS, key -> {
            List<CompletableFuture<?>> sends = new ArrayList<>();
            batch.onPrepareCommit(unitOfWork -> awaitAcknowledgements(sends));
            return sends;
        });
    }

    private void awaitAcknowledgements(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new EventNotPublished("Kafka did not acknowledge the batch; its position is not advanced", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventNotPublished("Interrupted while waiting for Kafka", e);
        }
    }

    static class EventNotPublished extends RuntimeException {
        EventNotPublished(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
