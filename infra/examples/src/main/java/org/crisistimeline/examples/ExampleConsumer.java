package org.crisistimeline.examples;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.crisistimeline.events.CloudEventHeaders;
import org.crisistimeline.events.CloudEventType;
import org.crisistimeline.events.EventJson;
import org.crisistimeline.events.Topics;
import org.crisistimeline.events.actor.ActorRegistered;
import org.crisistimeline.events.crisis.CrisisOpened;
import org.crisistimeline.events.incident.IncidentRecorded;
import org.crisistimeline.events.upcasting.Upcasters;

/**
 * Follows the Crisis Timeline event stream as a downstream service would, written from docs/events.md with plain
 * kafka-clients, Jackson and the shared-events jar: it picks the record by {@code ce_type}, brings older versions up to
 * date, skips types it does not know and drops redeliveries by ({@code ce_subject}, {@code ce_sequence}).
 *
 * <pre>java -jar infra/examples/target/example-consumer.jar [--bootstrap-server localhost:9092] [--group my-service]
 *     [--exit-when-idle]</pre>
 */
public final class ExampleConsumer {

    /** One event as read: its CloudEvents attributes, the value as it came, and the value as today's record. */
    public record Received(
            String type, String id, String subject, long sequence, Instant time, JsonNode value, Record event) {}

    private static final ObjectMapper json = EventJson.newMapper();

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"); // Kafka's client logs a lot at INFO
        List<String> arguments = List.of(args);
        String servers = option(arguments, "--bootstrap-server").orElse("localhost:9092");
        String group = option(arguments, "--group").orElse("example-consumer");
        Duration idle = arguments.contains("--exit-when-idle") ? Duration.ofSeconds(5) : null;
        consume(servers, group, idle, event -> System.out.println(describe(event)));
    }

    /**
     * Reads the topic from the group's position (from the start for a new group) and hands each new event over.
     *
     * @param exitWhenIdle return after this long without a record; null to read for ever
     */
    public static void consume(String servers, String group, Duration exitWhenIdle, Consumer<Received> handler) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                servers,
                ConsumerConfig.GROUP_ID_CONFIG,
                group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed");
        // a real service keeps this with its own data, in the same transaction: here it is only in memory
        Map<String, Long> lastSequence = new HashMap<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.EVENTS));
            Instant lastRecord = Instant.now();
            while (exitWhenIdle == null || Instant.now().isBefore(lastRecord.plus(exitWhenIdle))) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (consumer.assignment().isEmpty()) {
                    lastRecord = Instant.now(); // still joining the group: idle only counts once it reads
                }
                for (ConsumerRecord<String, byte[]> record : records) {
                    lastRecord = Instant.now();
                    read(record)
                            .filter(event -> lastSequence.getOrDefault(event.subject(), -1L) < event.sequence())
                            .ifPresent(event -> {
                                lastSequence.put(event.subject(), event.sequence());
                                handler.accept(event);
                            });
                }
            }
        }
    }

    /** @return the event, or empty for a type this consumer does not know (a newer producer may add types) */
    static Optional<Received> read(ConsumerRecord<String, byte[]> record) {
        String ceType = header(record, CloudEventHeaders.TYPE);
        // throws for a newer version of a known type: such an event must not be skipped, upgrade shared-events
        Optional<CloudEventType> type = CloudEventType.parse(ceType);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode value = json.readTree(record.value());
            ObjectNode current = Upcasters.toCurrent(type.get(), (ObjectNode) value);
            Record event = json.treeToValue(current, type.get().type().payloadType());
            return Optional.of(new Received(
                    ceType,
                    header(record, CloudEventHeaders.ID),
                    header(record, CloudEventHeaders.SUBJECT),
                    Long.parseLong(header(record, CloudEventHeaders.SEQUENCE)),
                    Instant.parse(header(record, CloudEventHeaders.TIME)),
                    value,
                    event));
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable " + ceType + " at offset " + record.offset(), e);
        }
    }

    static String describe(Received received) {
        String what = received.event().toString();
        if (received.event() instanceof IncidentRecorded incident) {
            what = incident.type() + " on " + incident.occurredAt() + ": " + incident.summary();
        } else if (received.event() instanceof ActorRegistered actor) {
            what = actor.kind() + " " + actor.name();
        } else if (received.event() instanceof CrisisOpened crisis) {
            what = "crisis " + crisis.name();
        }
        return received.time() + " " + received.type() + " " + received.subject() + "#" + received.sequence() + " "
                + what;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }

    private static Optional<String> option(List<String> arguments, String name) {
        int at = arguments.indexOf(name);
        return at >= 0 && at + 1 < arguments.size() ? Optional.of(arguments.get(at + 1)) : Optional.empty();
    }

    private ExampleConsumer() {}
}
