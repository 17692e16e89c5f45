package org.crisistimeline.bench.write;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.crisistimeline.bench.Context;
import org.crisistimeline.bench.Scenario;
import org.crisistimeline.bench.load.ClosedLoad;
import org.crisistimeline.bench.report.Figures;
import org.crisistimeline.bench.report.Row;

/**
 * Incidents recorded per second through {@code POST /api/v1/incidents} by {@code clients} clients, each sending the
 * next as soon as the last was answered, against plain JDBC single-row inserts of the same event JSON with
 * synchronous commit on as many connections.
 */
public final class RecordThroughput implements Scenario {

    private final int clients;

    public RecordThroughput(int clients) {
        this.clients = clients;
    }

    @Override
    public String name() {
        return "write-" + clients;
    }

    /** Records the next incident of the run; true for a 2xx. */
    public static boolean recordOne(Context context) throws Exception {
        URI incidents = context.stack().commandUrl().resolve("/api/v1/incidents");
        long n = context.claimIncidents(1);
        return context.succeeded(context.http()
                .send(context.http()
                        .post(
                                incidents,
                                context.stack().recorderToken(),
                                context.crises().recordRequest(n))));
    }

    @Override
    public List<Row> run(Context context) throws Exception {
        URI incidents = context.stack().commandUrl().resolve("/api/v1/incidents");
        String token = context.stack().recorderToken();
        context.awaitProjectionIdle();
        ClosedLoad.Result ours =
                ClosedLoad.run(clients, context.mode().warmUp(), context.mode().measure(), (c, i) -> {
                    long n = context.claimIncidents(1);
                    return context.succeeded(context.http()
                            .send(context.http()
                                    .post(incidents, token, context.crises().recordRequest(n))));
                });
        context.failures(name(), ours.failures());
        context.note(name() + ": REST " + Figures.latencies(ours.latencies()));
        // what the 2xx left to do: publishing to Kafka and projecting happen after the answer
        context.note(String.format(
                "%s: the read side had applied the last of them %.1f s after the last answer",
                name(), context.awaitProjectionIdle().toMillis() / 1e3));

        var raw = new RawEvents(context.crises());
        List<Connection> connections = new ArrayList<>();
        List<PreparedStatement> inserts = new ArrayList<>();
        try {
            try (Connection events = context.stack().events()) {
                RawEvents.reset(events);
            }
            for (int c = 0; c < clients; c++) {
                Connection connection = context.stack().events();
                connections.add(connection);
                inserts.add(RawEvents.prepare(connection));
            }
            ClosedLoad.Result jdbc = ClosedLoad.run(
                    clients, context.mode().warmUp(), context.mode().measure(), (c, i) -> {
                        PreparedStatement insert = inserts.get(c);
                        raw.bind(insert, i);
                        return insert.executeUpdate() == 1;
                    });
            context.failures(name() + " (raw)", jdbc.failures());
            context.note(name() + ": raw JDBC " + Figures.latencies(jdbc.latencies()));
            return List.of(new Row(
                    "record incidents via REST, " + clients + " clients",
                    "incidents/s vs raw single-row JDBC insert",
                    Figures.rate(ours.perSecond()),
                    Figures.rate(jdbc.perSecond()),
                    Figures.percent(ours.perSecond(), jdbc.perSecond()),
                    "≥ 50 % of raw",
                    ours.perSecond() >= 0.5 * jdbc.perSecond()));
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }
}
