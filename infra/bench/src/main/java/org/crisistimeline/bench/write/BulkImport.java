package org.crisistimeline.bench.write;

import java.sql.Connection;
import java.util.List;
import org.crisistimeline.bench.Context;
import org.crisistimeline.bench.Scenario;
import org.crisistimeline.bench.report.Figures;
import org.crisistimeline.bench.report.Row;

/**
 * Importing many incidents at once. The service has no import path yet (each incident is its own request), so only
 * the raw ceilings are measured: batched multi-row inserts and COPY of the same event JSON, 1,000 per transaction.
 */
public final class BulkImport implements Scenario {

    private static final int BATCH = 1_000;

    @Override
    public String name() {
        return "bulk";
    }

    @Override
    public List<Row> run(Context context) throws Exception {
        int count = context.mode().bulkIncidents();
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
        return List.of(Row.notYet(
                "bulk import in batches of " + BATCH,
                "incidents/s vs raw batched insert / COPY",
                Figures.rate(batched) + " / " + Figures.rate(copied),
                "≥ 20,000/s and ≥ 30 % of raw",
                "no import path"));
    }
}
