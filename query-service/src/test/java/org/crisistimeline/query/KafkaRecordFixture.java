package org.crisistimeline.query;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.crisistimeline.events.Topics;

/** A record of the event topic kept as a fixture: key, headers (as strings) and value (as JSON). */
public record KafkaRecordFixture(String key, JsonNode headers, JsonNode value) {

    private static final ObjectMapper json = new ObjectMapper();

    public static KafkaRecordFixture read(String resource) {
        try (InputStream in = KafkaRecordFixture.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            JsonNode record = json.readTree(in);
            return new KafkaRecordFixture(record.get("key").asText(), record.get("headers"), record.get("value"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The record as it was published: the value as compact JSON text, every header as UTF-8. */
    public ProducerRecord<String, byte[]> toProducerRecord() {
        var headers = new RecordHeaders();
        headers()
                .fields()
                .forEachRemaining(header ->
                        headers.add(header.getKey(), header.getValue().asText().getBytes(UTF_8)));
        return new ProducerRecord<>(Topics.EVENTS, null, key, value.toString().getBytes(UTF_8), headers);
    }
}
