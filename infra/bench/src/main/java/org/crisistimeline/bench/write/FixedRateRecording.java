package org.crisistimeline.bench.write;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.crisistimeline.bench.Context;
import org.crisistimeline.bench.Http;
import org.crisistimeline.bench.Scenario;
import org.crisistimeline.bench.load.OpenLoad;
import org.crisistimeline.bench.report.Figures;
import org.crisistimeline.bench.report.Row;
import org.crisistimeline.bench.stream.RawKafka;

/**
 * Incidents recorded at a fixed rate (an open workload): the latency of the 2xx, how soon each is on its country
 * timeline after its 2xx, and the memory of both services meanwhile. The raw baselines at the same rate: a JDBC
 * single-row insert of the same event, and a record produced to Kafka and consumed back.
 */
public final class FixedRateRecording implements Scenario {

    /** The rate issue 12 sets the write path's latency goals at. */
    private static final double RATE = 500;

    private static final String AT_RATE = "%,d/s".formatted((long) RATE);
    private static final int RAW_CONNECTIONS = 16;
    /**
     * Requests in flight at most, as many connections as a client would open: beyond it a request due is refused
     * (counted as failed) rather than opening yet another connection to a service that is already behind.
     */
    private static final int MAX_OUTSTANDING = 256;

    @Override
    public String name() {
        return "write-" + (long) RATE;
    }

    @Override
    public List<Row> run(Context context) throws Exception {
        context.awaitProjectionIdle();
        Duration duration = context.mode().measure();
        URI incidents = context.stack().commandUrl().resolve("/api/v1/incidents");
        String token = context.stack().recorderToken();
        var command = new ServiceMemory(
                "command service",
                context.stack().commandUrl(),
                context.stack().pidOf("command-service"),
                context.http());
        var query = new ServiceMemory(
                "query service", context.stack().queryUrl(), context.stack().pidOf("query-service"), context.http());
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        var missedSamples = new AtomicInteger();
        OpenLoad.Result ours;
        int invisible;
        Histogram visible;
        String checked;
        long first = context.claimIncidents(Math.round(RATE * (duration.toSeconds() + 1)));
        // written before the clock starts, so that the client's own JSON work does not delay the requests it times
        List<Http.Request> requests = new ArrayList<>();
        for (long n = first; n < first + OpenLoad.due(RATE, duration); n++) {
            requests.add(context.http().post(incidents, token, context.crises().recordRequest(n)));
        }
        try (var visibility = new Visibility(context.stack().query())) {
            sampler.scheduleAtFixedRate(
                    () -> {
                        try {
                            command.sample();
                            query.sample();
                        } catch (Exception e) {
                            // an overloaded service answers its metrics late too: that sample is missing, no more
                            missedSamples.incrementAndGet();
                        }
                    },
                    0,
                    250,
                    TimeUnit.MILLISECONDS);
            ours = OpenLoad.run(RATE, duration, MAX_OUTSTANDING, i -> {
                long n = first + i;
                String id = context.crises().incidentId(n);
                return context.http().sendAsync(requests.get((int) i)).thenApply(response -> {
                    if (context.succeeded(response)) {
                        visibility.acknowledged(id);
                        return true;
                    }
                    return false;
                });
            });
            sampler.shutdown();
            sampler.awaitTermination(5, TimeUnit.SECONDS);
            invisible = visibility.awaitAll(30_000);
            visible = visibility.latencies();
            checked = visibility.oneAcknowledged();
        }
        context.failures(name(), ours.failed());
        if (ours.refused() > 0) {
            context.note(String.format(
                    Locale.ROOT,
                    "%s: %,d requests not sent: due while %d were in flight (the service is behind)",
                    name(),
                    ours.refused(),
                    MAX_OUTSTANDING));
        }
        if (missedSamples.get() > 0) {
            context.note(name() + ": " + missedSamples.get() + " memory samples missed (metrics not answered in 5 s)");
        }
        if (invisible > 0) {
            context.problem(name() + ": " + invisible + " acknowledged incidents never reached the timelines");
        }
        if (checked != null) {
            checkOnTimeline(context, checked);
        }
        context.note(name() + ": REST at " + Figures.rate(RATE) + " " + Figures.latencies(ours.latencies()));
        context.note(name() + ": 2xx → visible on the timelines " + Figures.latencies(visible));

        Histogram jdbc = rawInsertsAtRate(context, duration);
        context.note(name() + ": raw JDBC insert at " + Figures.rate(RATE) + " " + Figures.latencies(jdbc));
        var kafka = new RawKafka(context.stack().kafkaBootstrap());
        kafka.createTopic("bench.raw-latency", 6);
        Histogram produced = kafka.latencyAtRate(
                "bench.raw-latency", RATE, duration, context.crises().recordRequest(first));
        context.note(
                name() + ": raw Kafka produce → consume at " + Figures.rate(RATE) + " " + Figures.latencies(produced));

        long p99 = ours.latencies().getValueAtPercentile(99);
        long visibleP50 = visible.getValueAtPercentile(50);
        long visibleP99 = visible.getValueAtPercentile(99);
        return List.of(
                new Row(
                        "record at a fixed " + AT_RATE,
                        "p99 of the 2xx vs raw insert at " + AT_RATE,
                        Figures.ms(p99) + failedOf(ours),
                        Figures.ms(jdbc.getValueAtPercentile(99)),
                        Figures.times(p99, jdbc.getValueAtPercentile(99)),
                        "< 50 ms, nothing refused",
                        ours.clean() && p99 < 50_000_000L),
                new Row(
                        "end-to-end at " + AT_RATE + ": 2xx → on the country timeline",
                        "p50 / p99 vs raw produce → consume",
                        Figures.ms(visibleP50) + " / " + Figures.ms(visibleP99),
                        Figures.ms(produced.getValueAtPercentile(50)) + " / "
                                + Figures.ms(produced.getValueAtPercentile(99)),
                        "",
                        "< 50 ms / < 250 ms",
                        invisible == 0 && visibleP50 < 50_000_000L && visibleP99 < 250_000_000L),
                memoryRow(command),
                memoryRow(query));
    }

    private static String failedOf(OpenLoad.Result result) {
        long failed = result.failed() + result.refused();
        return failed == 0 ? "" : String.format(Locale.ROOT, " (%,d of %,d failed)", failed, result.due());
    }

    private static Row memoryRow(ServiceMemory service) {
        return new Row(
                "memory of the " + service.name() + " at " + AT_RATE,
                "max heap used / max RSS",
                Figures.mib(service.maxHeap()) + " / " + Figures.mib(service.maxRss()),
                "",
                "",
                "heap ≤ 512 MiB",
                service.maxHeap() > 0 && service.maxHeap() <= 512L * 1024 * 1024);
    }

    /** The watcher reads the read model; one incident is also fetched over HTTP, as a reader would see it. */
    private static void checkOnTimeline(Context context, String id) throws Exception {
        URI incident = context.stack().queryUrl().resolve("/api/v1/incidents/" + id);
        if (!Http.success(context.http().send(context.http().get(incident)))) {
            context.problem(
                    "write-" + (long) RATE + ": " + incident + " is not readable although its event is applied");
        }
    }

    private static Histogram rawInsertsAtRate(Context context, Duration duration) throws Exception {
        var raw = new RawEvents(context.crises());
        ExecutorService pool = Executors.newFixedThreadPool(RAW_CONNECTIONS);
        List<Connection> opened = new ArrayList<>();
        try {
            try (Connection events = context.stack().events()) {
                RawEvents.reset(events);
            }
            // connected and prepared before the clock starts, as the service's pool is: opened by the first requests,
            // sixteen connections (each a process and a SCRAM handshake) made the p99 of the raw insert
            BlockingQueue<PreparedStatement> unclaimed = new ArrayBlockingQueue<>(RAW_CONNECTIONS);
            for (int c = 0; c < RAW_CONNECTIONS; c++) {
                Connection connection = context.stack().events();
                opened.add(connection);
                unclaimed.add(RawEvents.prepare(connection));
            }
            ThreadLocal<PreparedStatement> inserts = ThreadLocal.withInitial(unclaimed::remove);
            OpenLoad.Result result = OpenLoad.run(
                    RATE,
                    duration,
                    5_000,
                    i -> CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    raw.bind(inserts.get(), i);
                                    return inserts.get().executeUpdate() == 1;
                                } catch (java.sql.SQLException e) {
                                    throw new IllegalStateException(e);
                                }
                            },
                            pool));
            context.failures("write-" + (long) RATE + " (raw)", result.failed() + result.refused());
            return result.latencies();
        } finally {
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.SECONDS);
            for (Connection connection : opened) {
                connection.close();
            }
        }
    }
}
