package org.crisistimeline.query.timeline;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.crisistimeline.query.incident.IncidentQueries;
import org.crisistimeline.query.incident.IncidentView;
import org.crisistimeline.query.system.InvalidParameters;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * A whole timeline as a file: CSV, NDJSON (the import's format), GeoJSON or TimelineJS JSON. It is written while it is read, page by page through the index
 * (each page a short query of its own), so memory does not grow with the timeline; with asOf the pages are of a fixed
 * past and the file is consistent however long it takes. A timeline larger than the maximum is refused up front,
 * rather than cut off silently.
 */
@Component
@EnableConfigurationProperties(ExportSettings.class)
class TimelineExports {

    static final MediaType CSV = MediaType.parseMediaType("text/csv; charset=utf-8");
    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    static final MediaType GEOJSON = MediaType.parseMediaType("application/geo+json");
    /** what spreadsheets need at the start of a file to read it as UTF-8 */
    private static final String BOM = "\uFEFF";

    private final TimelineQueries timelines;
    private final IncidentQueries incidents;
    private final TimelineNdjson ndjson;
    private final ObjectMapper json;
    private final long maxRows;
    private final int pageSize;

    TimelineExports(
            TimelineQueries timelines,
            IncidentQueries incidents,
            TimelineNdjson ndjson,
            ObjectMapper json,
            ExportSettings settings) {
        this.timelines = timelines;
        this.incidents = incidents;
        this.ndjson = ndjson;
        this.json = json;
        this.maxRows = settings.maxRows();
        this.pageSize = settings.pageSize();
    }

    ResponseEntity<TimelineExport> export(TimelineScope scope, String key, TimelineRequest request) {
        if (timelines.countUpTo(scope, key, request, maxRows) > maxRows) {
            throw new InvalidParameters(
                    "format",
                    "an export holds at most " + maxRows + " incidents and this timeline has more;"
                            + " narrow it with from, to or type");
        }
        String fileName = "timeline-" + scope.value() + "-" + key.replaceAll("[^A-Za-z0-9_-]", "_");
        return switch (request.format()) {
            case CSV ->
                ResponseEntity.ok()
                        .contentType(CSV)
                        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName + ".csv"))
                        .body((TimelineExport) output -> csv(scope, key, request, output));
            case TIMELINEJS ->
                ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName + ".json"))
                        .body((TimelineExport) output -> timelineJs(scope, key, request, output));
            case NDJSON ->
                ResponseEntity.ok()
                        .contentType(NDJSON)
                        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName + ".ndjson"))
                        .body((TimelineExport) output -> ndjson(scope, key, request, output));
            case GEOJSON ->
                ResponseEntity.ok()
                        .contentType(GEOJSON)
                        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName + ".geojson"))
                        .body((TimelineExport) output -> geoJson(scope, key, request, output));
            case JSON -> throw new IllegalArgumentException("a page of JSON is not an export");
        };
    }

    private void csv(TimelineScope scope, String key, TimelineRequest request, OutputStream output) throws IOException {
        Writer writer = new OutputStreamWriter(output, UTF_8);
        if (request.bom()) {
            writer.write(BOM);
        }
        writer.write(TimelineCsv.header());
        forEachPage(scope, key, request, page -> {
            for (IncidentView incident : page) {
                writer.write(TimelineCsv.row(incident));
            }
        });
        writer.flush();
    }

    /** Each crisis and actor line once, before the first incident that needs it: the import reads them in order. */
    private void ndjson(TimelineScope scope, String key, TimelineRequest request, OutputStream output)
            throws IOException {
        Writer writer = new OutputStreamWriter(output, UTF_8);
        Set<String> crisesWritten = new HashSet<>();
        Set<String> actorsWritten = new HashSet<>();
        forEachPage(scope, key, request, page -> {
            Set<String> crises = new TreeSet<>();
            Set<String> actors = new TreeSet<>();
            for (IncidentView incident : page) {
                if (crisesWritten.add(incident.crisisId())) {
                    crises.add(incident.crisisId());
                }
                incident.actors().forEach(actor -> {
                    if (actorsWritten.add(actor.actorId())) {
                        actors.add(actor.actorId());
                    }
                });
            }
            for (String line : ndjson.crises(crises)) {
                writer.write(line);
            }
            for (String line : ndjson.actors(actors)) {
                writer.write(line);
            }
            for (IncidentView incident : page) {
                writer.write(ndjson.incident(incident));
            }
        });
        writer.flush();
    }

    /** A FeatureCollection of the incidents with coordinates; an incident without them has no place on a map. */
    private void geoJson(TimelineScope scope, String key, TimelineRequest request, OutputStream output)
            throws IOException {
        try (JsonGenerator generator = json.getFactory().createGenerator(output, JsonEncoding.UTF8)) {
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            generator.writeStartObject();
            generator.writeStringField("type", "FeatureCollection");
            generator.writeArrayFieldStart("features");
            forEachPage(scope, key, request, page -> {
                for (IncidentView incident : page) {
                    if (TimelineGeoJson.located(incident)) {
                        generator.writeTree(TimelineGeoJson.feature(json, incident));
                    }
                }
            });
            generator.writeEndArray();
            generator.writeEndObject();
        }
    }

    private void timelineJs(TimelineScope scope, String key, TimelineRequest request, OutputStream output)
            throws IOException {
        try (JsonGenerator generator = json.getFactory().createGenerator(output, JsonEncoding.UTF8)) {
            // the response's stream is the container's to close
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            generator.writeStartObject();
            generator.writeFieldName("title");
            generator.writeTree(TimelineJs.title(json, title(scope, key), describe(request.view())));
            generator.writeArrayFieldStart("events");
            forEachPage(scope, key, request, page -> {
                for (IncidentView incident : page) {
                    generator.writeTree(TimelineJs.event(json, incident));
                }
            });
            generator.writeEndArray();
            generator.writeEndObject();
        }
    }

    private void forEachPage(TimelineScope scope, String key, TimelineRequest request, Page page) throws IOException {
        TimelineCursor cursor = null;
        long written = 0;
        do {
            TimelineQueries.Keys keys = timelines.keys(scope, key, request.page(cursor, pageSize));
            List<IncidentView> views =
                    incidents.views(keys.ids(), request.view().knownAt());
            // the count was checked up front; incidents recorded since do not make the file longer than promised
            List<IncidentView> allowed = views.subList(0, (int) Math.min(views.size(), maxRows - written));
            page.write(allowed);
            written += allowed.size();
            cursor = keys.next();
        } while (cursor != null && written < maxRows);
    }

    private String title(TimelineScope scope, String key) {
        String name = timelines.title(scope, key);
        return switch (scope) {
            case CRISIS -> name != null ? name : "Crisis " + key;
            case ACTOR -> name != null ? name : "Actor " + key;
            case COUNTRY -> "Country " + key.toUpperCase(Locale.ROOT);
        };
    }

    private static String describe(TimelineView view) {
        String held = view.asOf() == null ? "As held now" : "As held by Crisis Timeline at " + view.asOf();
        String known = view.knownAt() == null ? "" : ", only what had been reported by " + view.knownAt();
        String retracted = view.includeRetracted() ? ", retracted incidents included" : "";
        return held + known + retracted + ".";
    }

    private static String attachment(String fileName) {
        return ContentDisposition.attachment().filename(fileName).build().toString();
    }

    @FunctionalInterface
    private interface Page {
        void write(List<IncidentView> incidents) throws IOException;
    }
}
