package org.crisistimeline.bench.rebuild;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.crisistimeline.events.CloudEventHeaders;
import org.crisistimeline.events.EventJson;
import org.crisistimeline.events.EventType;
import org.crisistimeline.events.Topics;
import org.crisistimeline.events.incident.IncidentRecorded;

/**
 * Records of the event topic as the command service publishes them (CloudEvents binary mode, key = aggregate id), for
 * incidents that were never recorded through the API: what tops a topic up to the size a rebuild is measured at.
 */
final class TopicRecords {

    private final ObjectMapper json = EventJson.newMapper();
    private final byte[] type = EventType.ofPayload(IncidentRecorded.class)
            .orElseThrow()
            .cloudEventType()
            .getBytes(UTF_8);

    ProducerRecord<String, byte[]> recorded(IncidentRecorded incident) {
        var headers = new RecordHeaders();
        headers.add(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE.getBytes(UTF_8));
        headers.add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(UTF_8));
        headers.add(CloudEventHeaders.TYPE, type);
        headers.add(CloudEventHeaders.SOURCE, CloudEventHeaders.SOURCE_VALUE.getBytes(UTF_8));
        headers.add(CloudEventHeaders.SUBJECT, incident.incidentId().getBytes(UTF_8));
        headers.add(CloudEventHeaders.TIME, Instant.now().toString().getBytes(UTF_8));
        headers.add(CloudEventHeaders.SEQUENCE, "0".getBytes(UTF_8));
        headers.add(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.CONTENT_TYPE_VALUE.getBytes(UTF_8));
        headers.add(CloudEventHeaders.PRINCIPAL, "bench".getBytes(UTF_8));
        try {
            return new ProducerRecord<>(
                    Topics.EVENTS, null, incident.incidentId(), json.writeValueAsBytes(incident), headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
