package org.crisistimeline.query.projection;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.crisistimeline.events.CloudEventHeaders;
import org.crisistimeline.events.CloudEventType;
import org.crisistimeline.events.EventJson;
import org.crisistimeline.events.upcasting.Upcasters;
import org.crisistimeline.query.event.EventEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Reads a record of the event topic (CloudEvents in binary mode) into an {@link EventEnvelope}. */
@Component
public class EventRecordReader {

    private static final Logger log = LoggerFactory.getLogger(EventRecordReader.class);

    private final ObjectMapper json = EventJson.newMapper();

    /**
     * @return the event, or empty for a type this service does not know: a newer producer may publish events that
     *     this version cannot use, and they must not stop the ones it can
     * @throws MalformedEvent when a header the read model needs is missing or garbled, the value is unreadable, or
     *     the event is of a version newer than this service knows (it waits, dead-lettered, for an upgrade)
     */
    public Optional<EventEnvelope> read(ConsumerRecord<String, byte[]> record) {
        String cloudEventType = required(record, CloudEventHeaders.TYPE);
        Optional<CloudEventType> type = cloudEventType(record, cloudEventType);
        if (type.isEmpty()) {
            log.warn(
                    "Skipping event of unknown type {} at {}-{}@{}",
                    cloudEventType,
                    record.topic(),
                    record.partition(),
                    record.offset());
            return Optional.empty();
        }
        String aggregateId = required(record, CloudEventHeaders.SUBJECT);
        long sequence = sequence(record);
        Instant recordedAt = recordedAt(record);
        return Optional.of(new EventEnvelope(
                type.get().type(),
                aggregateId,
                sequence,
                recordedAt,
                optional(record, CloudEventHeaders.PRINCIPAL),
                payload(record, type.get())));
    }

    /** A version newer than this service knows cannot be read yet, but must not be skipped: it is refused. */
    private static Optional<CloudEventType> cloudEventType(ConsumerRecord<String, byte[]> record, String value) {
        try {
            return CloudEventType.parse(value);
        } catch (CloudEventType.NewerVersion newer) {
            throw new MalformedEvent(record, newer.getMessage(), newer);
        }
    }

    private static long sequence(ConsumerRecord<String, byte[]> record) {
        String value = required(record, CloudEventHeaders.SEQUENCE);
        try {
            long sequence = Long.parseLong(value);
            if (sequence < 0) {
                throw new MalformedEvent(record, CloudEventHeaders.SEQUENCE + " is negative: " + value);
            }
            return sequence;
        } catch (NumberFormatException e) {
            throw new MalformedEvent(record, CloudEventHeaders.SEQUENCE + " is not a number: " + value, e);
        }
    }

    private static Instant recordedAt(ConsumerRecord<String, byte[]> record) {
        String value = required(record, CloudEventHeaders.TIME);
        try {
            // RFC 3339 allows any offset, not only Z
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(value, Instant::from);
        } catch (DateTimeParseException e) {
            throw new MalformedEvent(record, CloudEventHeaders.TIME + " is not an RFC 3339 time: " + value, e);
        }
    }

    /** An older version (published before the current one existed) is brought up to date first. */
    private Record payload(ConsumerRecord<String, byte[]> record, CloudEventType type) {
        if (record.value() == null) {
            throw new MalformedEvent(record, "the value is empty");
        }
        Class<? extends Record> payloadType = type.type().payloadType();
        try {
            Record payload = type.isCurrent()
                    ? json.readValue(record.value(), payloadType)
                    : json.treeToValue(Upcasters.toCurrent(type, jsonObject(record)), payloadType);
            if (payload == null) {
                throw new MalformedEvent(record, "the value is JSON null");
            }
            return payload;
        } catch (IOException | IllegalArgumentException e) {
            throw new MalformedEvent(record, "the value is not the JSON of " + type, e);
        }
    }

    private ObjectNode jsonObject(ConsumerRecord<String, byte[]> record) throws IOException {
        if (json.readTree(record.value()) instanceof ObjectNode object) {
            return object;
        }
        throw new MalformedEvent(record, "the value is not a JSON object");
    }

    private static String optional(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            return null;
        }
        String value = new String(header.value(), UTF_8).strip();
        return value.isEmpty() ? null : value;
    }

    private static String required(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            throw new MalformedEvent(record, "header " + name + " is missing");
        }
        String value = new String(header.value(), UTF_8).strip();
        if (value.isEmpty()) {
            throw new MalformedEvent(record, "header " + name + " is blank");
        }
        return value;
    }
}
