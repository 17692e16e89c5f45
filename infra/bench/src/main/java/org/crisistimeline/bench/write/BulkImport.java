package org.crisistimeline.bench.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.crisistimeline.bench.Context;
import org.crisistimeline.bench.Scenario;
import org.crisistimeline.bench.WarmUp;
import org.crisistimeline.bench.data.SyntheticCrises;
import org.crisistimeline.bench.report.Figures;
import org.crisistimeline.bench.report.Row;
import org.crisistimeline.events.EventJson;

/**
 * Importing many incidents at once, file to event store, through the service's one import path: an NDJSON file of
 * generated incidents (our own format: the readers of the data set formats add their parsing to this) is uploaded to
 * {@code POST /api/v1/imports} and followed until its job ends. Against it, in the same run, the raw ceilings:
 * batched multi-row inserts and COPY of the same event JSON, 1,000 per transaction.
 */
public final class BulkImport implements Scenario {

    private static final int BATCH = 1_000;

    private final ObjectMapper json = EventJson.newMapper();

    @Override
    public String name() {
        return "bulk";
    }

    @Override
    public List<Row> run(Context context) throws Exception {
        int count = context.mode().bulkIncidents();
        // the import path is not the write path the services were warmed up with: a tenth at a time into another
        // crisis until the JIT compilers are done with it, and the read side caught up before the counted import starts
        int warmUp = Math.max(count / 10, 1_000);
        WarmUp.untilCompiled(
                context, "bulk", context.mode().warmUpAtMost(), () -> importThroughTheService(context, warmUp, 1));
        context.awaitProjectionIdle();
        double ours = importThroughTheService(context, count, 0);
        var raw = new RawEvents(context.crises());
        double batched;
        double copied;
        try (Connection events = context.stack().events()) {
            RawEvents.reset(events);
            raw.insertBatched(events, 0, Math.min(count, 5 * BATCH), BATCH); // warm-up
            RawEvents.reset(events);
            long start = System.nanoTime();
            raw.insertBatched(events, 0, count, BATCH);
            batched = count / ((System.nanoTime() - start) / 1e9);
            RawEvents.reset(events);
            start = System.nanoTime();
            raw.copy(events, 0, count, BATCH);
            copied = count / ((System.nanoTime() - start) / 1e9);
            RawEvents.reset(events);
        }
        context.note("bulk: raw " + count + " events, batched insert " + Figures.rate(batched) + ", COPY "
                + Figures.rate(copied));
        return List.of(new Row(
                "bulk import in batches of " + BATCH + " (NDJSON file, POST /api/v1/imports)",
                "incidents/s vs raw batched insert / COPY",
                Figures.rate(ours),
                Figures.rate(batched) + " / " + Figures.rate(copied),
                Figures.percent(ours, batched),
                "≥ 20,000/s and ≥ 30 % of raw",
                ours >= 20_000 && ours >= 0.3 * batched));
    }

    /**
     * Incidents per second from the start of the upload to the end of the job (every batch committed): the file is
     * written beforehand and not counted.
     */
    private double importThroughTheService(Context context, int count, int crisisIndex) throws Exception {
        String crisis = SyntheticCrises.crisisId(crisisIndex);
        Path file = Files.createTempFile("bulk-", ".ndjson");
        try {
            long first = context.claimIncidents(count);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                for (long n = first; n < first + count; n++) {
                    ObjectNode incident = json.valueToTree(context.crises().incident(n));
                    incident.set("id", incident.remove("incidentId"));
                    incident.put("crisisId", crisis); // one crisis per import; the actors of every crisis exist
                    out.write(json.writeValueAsBytes(json.createObjectNode().set("incident", incident)));
                    out.write('\n');
                }
            }
            URI imports = context.stack()
                    .commandUrl()
                    .resolve("/api/v1/imports?format=ndjson&fileName=bulk.ndjson&crisis="
                            + URLEncoder.encode(crisis, StandardCharsets.UTF_8));
            long start = System.nanoTime();
            JsonNode accepted = json.readTree(context.http()
                    .expectSuccess(
                            context.http().upload(imports, context.stack().editorToken(), file)));
            URI status =
                    context.stack().commandUrl().resolve(accepted.get("status").asText());
            JsonNode job;
            while (true) {
                job = json.readTree(context.http()
                        .expectSuccess(
                                context.http().get(status, context.stack().editorToken())));
                String state = job.get("state").asText();
                if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                    break;
                }
                Thread.sleep(50);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long imported = job.at("/counts/imported").asLong();
            if (!job.get("state").asText().equals("SUCCEEDED") || imported != count) {
                context.problem("bulk: the import stored " + imported + " of " + count + " incidents: " + job);
            }
            context.note(
                    "bulk: " + count + " incidents imported into " + crisis + " in " + String.format("%.1f s", seconds)
                            + " (upload, validation, batches of " + BATCH + " appended, hash-chained)");
            return imported / seconds;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
