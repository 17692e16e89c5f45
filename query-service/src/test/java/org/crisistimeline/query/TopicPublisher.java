package org.crisistimeline.query;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.crisistimeline.events.CloudEventHeaders;
import org.crisistimeline.events.EventJson;
import org.crisistimeline.events.EventType;
import org.crisistimeline.events.Topics;
import org.crisistimeline.testsupport.TestInfrastructure;

/**
 * Publishes events to the test broker the way the command service does: key = aggregate id, value = the event JSON,
 * CloudEvents attributes as UTF-8 headers.
 */
public final class TopicPublisher {

    private static KafkaProducer<String, byte[]> producer;

    private final ObjectMapper json = EventJson.newMapper();

    /** The record of an event, as the command service would publish it. */
    public ProducerRecord<String, byte[]> record(String aggregateId, long sequence, Instant recordedAt, Record event) {
        EventType type = EventType.ofPayload(event.getClass()).orElseThrow();
        var headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(headers, CloudEventHeaders.ID, UUID.randomUUID().toString());
        header(headers, CloudEventHeaders.TYPE, type.cloudEventType());
        header(headers, CloudEventHeaders.SOURCE, CloudEventHeaders.SOURCE_VALUE);
        header(headers, CloudEventHeaders.SUBJECT, aggregateId);
        header(headers, CloudEventHeaders.TIME, recordedAt.toString());
        header(headers, CloudEventHeaders.SEQUENCE, Long.toString(sequence));
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.CONTENT_TYPE_VALUE);
        try {
            byte[] value = json.writeValueAsBytes(event);
            // an event no reader could read would hold its partition for every test after this one
            if (!event.equals(json.readValue(value, event.getClass()))) {
                throw new IllegalArgumentException("not published, it would not read back the same: " + event);
            }
            return new ProducerRecord<>(Topics.EVENTS, null, aggregateId, value, headers);
        } catch (IOException e) {
            throw new IllegalArgumentException("not published, it would not read back: " + event, e);
        }
    }

    /** Publishes the first event (sequence 0) of an aggregate, recorded at {@code recordedAt}. */
    public RecordMetadata publish(String aggregateId, Instant recordedAt, Record event) {
        return send(record(aggregateId, 0, recordedAt, event));
    }

    /** The same, stored by {@code principal}, as the command service says since events carry who stored them. */
    public RecordMetadata publish(
            String aggregateId, long sequence, Instant recordedAt, Record event, String principal) {
        ProducerRecord<String, byte[]> record = record(aggregateId, sequence, recordedAt, event);
        header((RecordHeaders) record.headers(), CloudEventHeaders.PRINCIPAL, principal);
        return send(record);
    }

    /** Publishes the event numbered {@code sequence} of an aggregate (0 for its first), recorded at {@code recordedAt}. */
    public RecordMetadata publish(String aggregateId, long sequence, Instant recordedAt, Record event) {
        return send(record(aggregateId, sequence, recordedAt, event));
    }

    public RecordMetadata send(ProducerRecord<String, byte[]> record) {
        try {
            return producer().send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused " + record, e);
        }
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(UTF_8));
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(
                    Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            TestInfrastructure.get().kafkaBootstrapServers(),
                            ProducerConfig.ACKS_CONFIG,
                            "all"),
                    new StringSerializer(),
                    new ByteArraySerializer());
            KafkaProducer<String, byte[]> created = producer;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> created.close(Duration.ofSeconds(2))));
        }
        return producer;
    }
}
