package org.crisistimeline.command.imports;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.crisistimeline.events.EventJson;
import org.crisistimeline.events.actor.ActorRegistered;
import org.crisistimeline.events.crisis.CrisisOpened;
import org.crisistimeline.events.incident.IncidentRecorded;

/**
 * Our own format: newline-delimited JSON, one object per line with one key saying what the line records, its value
 * the body the write API takes for it, with the fields an import may add:
 *
 * <pre>{@code
 * {"crisis": {"id": "iran-us-2020", "name": "…", "countries": ["IR", "IQ"], "startedOn": "2020-01-03"}}
 * {"actor": {"id": "iran", "name": "Iran", "kind": "STATE", "country": "IR", "aliases": ["Tehran"]}}
 * {"incident": {"id": "…", "crisisId": "iran-us-2020", "type": "STRIKE", "occurredAt": "…", …, "origin": {…}}}
 * }</pre>
 *
 * An incident line is {@code POST /api/v1/incidents}'s body with IncidentRecorded v3's optional fields ({@code
 * occurredOn}, {@code occurredUntil}, {@code origin}; location, details and sources may be absent as for imported
 * incidents), so that an exported crisis imports again as it was. Its actors are named by id and must exist or be
 * registered by an actor line before it. Unknown fields are refused, as by the write API.
 */
final class NdjsonLines {

    static final String FORMAT = "ndjson";

    private static final Map<String, Class<? extends Record>> KINDS =
            Map.of("crisis", CrisisOpened.class, "actor", ActorRegistered.class, "incident", IncidentRecorded.class);

    private final ObjectMapper json = EventJson.newMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    void read(InputStream file, Consumer<ImportedLine> lines, Consumer<RowProblem> problems) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(file, UTF_8), 1 << 16);
        String text;
        long line = 0;
        while ((text = reader.readLine()) != null) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            try {
                ImportedLine read = line(line, json.readTree(text));
                if (read == null) {
                    problems.accept(
                            new RowProblem(line, null, "a line is one object with one key: crisis, actor or incident"));
                } else {
                    lines.accept(read);
                }
            } catch (JsonProcessingException e) {
                problems.accept(new RowProblem(line, path(e), e.getOriginalMessage()));
            }
        }
    }

    private ImportedLine line(long line, JsonNode node) throws JsonProcessingException {
        if (!node.isObject() || node.size() != 1) {
            return null;
        }
        String kind = node.fieldNames().next();
        Class<? extends Record> type = KINDS.get(kind);
        if (type == null || !(node.get(kind) instanceof ObjectNode body) || !body.has("id")) {
            return null;
        }
        String idField = kind + "Id";
        if (body.has(idField)) {
            throw JsonMappingException.from(
                    (com.fasterxml.jackson.core.JsonParser) null, "give the id as \"id\", not \"" + idField + "\"");
        }
        body.set(idField, body.remove("id"));
        try {
            Record value = json.treeToValue(body, type);
            if (value instanceof CrisisOpened crisis) {
                return new ImportedLine.Crisis(line, crisis);
            }
            if (value instanceof ActorRegistered actor) {
                return new ImportedLine.Actor(line, actor);
            }
            return ImportedIncident.asWritten(line, (IncidentRecorded) value);
        } catch (JsonMappingException e) {
            e.prependPath(node, kind);
            throw e;
        }
    }

    private static String path(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return null;
        }
        return mapping.getPath().stream()
                .map(reference -> reference.getFieldName() != null
                        ? "." + reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }
}
