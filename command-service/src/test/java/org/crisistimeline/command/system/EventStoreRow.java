package org.crisistimeline.command.system;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.jdbc.core.JdbcTemplate;

/** A row of {@code domain_event_entry} kept as a fixture: JSON columns, with payload and meta_data as JSON values. */
public record EventStoreRow(
        String eventIdentifier,
        String aggregateIdentifier,
        long sequenceNumber,
        String type,
        String timeStamp,
        String payloadType,
        String payloadRevision,
        JsonNode payload,
        JsonNode metaData) {

    private static final ObjectMapper json = new ObjectMapper();

    /** @param resource on the test class path, e.g. {@code /samples/incident-recorded.v1.event-store-row.json} */
    public static EventStoreRow read(String resource) {
        try (InputStream in = EventStoreRow.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            JsonNode row = json.readTree(in);
            return new EventStoreRow(
                    row.get("event_identifier").asText(),
                    row.get("aggregate_identifier").asText(),
                    row.get("sequence_number").asLong(),
                    row.get("type").asText(),
                    row.get("time_stamp").asText(),
                    row.get("payload_type").asText(),
                    row.get("payload_revision").isNull()
                            ? null
                            : row.get("payload_revision").asText(),
                    row.get("payload"),
                    row.get("meta_data"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The payload as the BYTEA column holds it: compact JSON text in UTF-8. */
    public byte[] payloadBytes() {
        return payload.toString().getBytes(UTF_8);
    }

    public byte[] metaDataBytes() {
        return metaData.toString().getBytes(UTF_8);
    }

    /** Stores the row as it was written then, unless it is there already (the tests share one database). */
    public void insertInto(JdbcTemplate jdbc) {
        jdbc.update(
                """
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                                time_stamp, payload_type, payload_revision, payload, meta_data)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """,
                eventIdentifier,
                aggregateIdentifier,
                sequenceNumber,
                type,
                timeStamp,
                payloadType,
                payloadRevision,
                payloadBytes(),
                metaDataBytes());
    }
}
