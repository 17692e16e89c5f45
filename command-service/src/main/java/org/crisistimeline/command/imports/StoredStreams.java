package org.crisistimeline.command.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crisistimeline.events.CloudEventType;
import org.crisistimeline.events.EventJson;
import org.crisistimeline.events.EventType;
import org.crisistimeline.events.incident.IncidentAmended;
import org.crisistimeline.events.incident.IncidentRecorded;
import org.crisistimeline.events.incident.IncidentRetracted;
import org.crisistimeline.events.incident.Source;
import org.crisistimeline.events.incident.SourceAttached;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the event store holds under a batch's ids, read in one query: each stream's kind and last sequence number, and
 * for an incident how it stands now (recorded, amended, sources attached, retracted), folded from its events as the
 * {@code Incident} aggregate folds them. A batch decides from this whether a row is new, unchanged or an amendment,
 * without loading an aggregate per row.
 */
@Component
class StoredStreams {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = EventJson.newMapper();

    StoredStreams(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param type the aggregate type of the stream ({@code Incident}, {@code Actor}, {@code Crisis})
     * @param lastSequence the sequence number of its last event: the next one appended is this plus one
     * @param incident for an incident, how it stands after every event; null for other kinds
     */
    record Stream(String type, long lastSequence, IncidentRecorded incident, boolean retracted) {}

    /** The streams that exist among {@code ids}; ids with none are absent from the map. */
    Map<String, Stream> read(Collection<String> ids) {
        Map<String, Stream> streams = new HashMap<>();
        if (ids.isEmpty()) {
            return streams;
        }
        jdbc.query(
                "SELECT aggregate_identifier, sequence_number, type, payload_type, payload_revision, payload"
                        + " FROM domain_event_entry WHERE aggregate_identifier = ANY (?)"
                        + " ORDER BY aggregate_identifier, sequence_number",
                row -> {
                    String id = row.getString(1);
                    Stream before = streams.get(id);
                    Stream after = fold(
                            before,
                            row.getString(3),
                            row.getLong(2),
                            row.getString(4),
                            row.getString(5),
                            row.getBytes(6));
                    streams.put(id, after);
                },
                (Object) ids.toArray(String[]::new));
        return streams;
    }

    private Stream fold(
            Stream before, String type, long sequence, String payloadType, String revision, byte[] payload) {
        String kind = before == null ? type : before.type();
        if (!"Incident".equals(kind)) {
            return new Stream(kind, sequence, null, false);
        }
        IncidentRecorded incident = before == null ? null : before.incident();
        boolean retracted = before != null && before.retracted();
        Object event = read(payloadType, revision, payload);
        if (event instanceof IncidentRecorded recorded) {
            incident = recorded;
        } else if (event instanceof IncidentAmended amended && incident != null) {
            incident = incident.amendedBy(amended.changes());
        } else if (event instanceof SourceAttached attached && incident != null) {
            List<Source> sources = new ArrayList<>(incident.sources());
            sources.add(attached.source());
            incident = incident.withSources(sources);
        } else if (event instanceof IncidentRetracted) {
            retracted = true;
        }
        return new Stream(kind, sequence, incident, retracted);
    }

    /** Only the events that change how an incident stands are read; verdicts and links count for the sequence. */
    private Object read(String payloadType, String revision, byte[] payload) {
        EventType type = java.util.Arrays.stream(new EventType[] {
                    EventType.INCIDENT_RECORDED,
                    EventType.INCIDENT_AMENDED,
                    EventType.SOURCE_ATTACHED,
                    EventType.INCIDENT_RETRACTED
                })
                .filter(candidate -> candidate.payloadType().getName().equals(payloadType))
                .findFirst()
                .orElse(null);
        if (type == null) {
            return null;
        }
        try {
            ObjectNode stored = (ObjectNode) json.readTree(payload);
            CloudEventType version = new CloudEventType(type, revision == null ? 1 : Integer.parseInt(revision));
            return json.treeToValue(
                    org.crisistimeline.events.upcasting.Upcasters.toCurrent(version, stored), type.payloadType());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
