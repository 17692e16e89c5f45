package org.crisistimeline.bench.rebuild;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.crisistimeline.bench.Context;
import org.crisistimeline.bench.Scenario;
import org.crisistimeline.bench.report.Figures;
import org.crisistimeline.bench.report.Row;
import org.crisistimeline.bench.stream.RawKafka;
import org.crisistimeline.events.Topics;

/**
 * A read model rebuilt from scratch: a second query service on an empty database and a new consumer group reads the
 * whole event topic (the events recorded by the earlier scenarios, topped up with generated ones to the mode's size).
 * Its rate is counted from its first applied event until every event is applied and the service is ready (its
 * query indexes, deferred during the rebuild, built again), so the JVM's start is not in it. The raw baselines:
 * a plain consumer reading the same topic, and a sequential JDBC read of the event store.
 *
 * <p>Runs last: it stops the stack's own query service first, which would otherwise apply the top-up beside it.
 */
public final class ProjectionRebuild implements Scenario {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Override
    public String name() {
        return "rebuild";
    }

    @Override
    public List<Row> run(Context context) throws Exception {
        stopQueryService(context);
        var kafka = new RawKafka(context.stack().kafkaBootstrap());
        long onTopic = recordsOnTopic(kafka);
        int wanted = context.mode().rebuildEvents();
        if (onTopic < wanted) {
            long first = context.claimIncidents(wanted - onTopic);
            var records = new TopicRecords();
            double rate = kafka.produce(
                    Topics.EVENTS,
                    wanted - onTopic,
                    i -> records.recorded(context.crises().incident(first + i)));
            context.note(String.format(
                    Locale.ROOT,
                    "rebuild: topped the topic up from %,d to %,d events (plain producer, acks=all: %s)",
                    onTopic,
                    wanted,
                    Figures.rate(rate)));
            onTopic = recordsOnTopic(kafka);
        }
        RawKafka.Read topic = kafka.readAll(Topics.EVENTS);
        double store = readStore(context);
        Rebuilt ours = rebuild(context, onTopic);
        context.note(String.format(
                Locale.ROOT,
                "rebuild: %,d of %,d events applied, the last %.1f s after the first (%.1f s from the JVM's start);"
                        + " raw topic read %,d in %.1f s",
                ours.total(),
                onTopic,
                ours.seconds(),
                ours.sinceStart(),
                topic.records(),
                topic.seconds()));
        String partly = "";
        if (ours.total() < onTopic) {
            partly = String.format(
                    Locale.ROOT,
                    " (%,d applied in the %d min it may run)",
                    ours.total(),
                    context.mode().rebuildAtMost().toMinutes());
        }
        return List.of(new Row(
                String.format(Locale.ROOT, "projection rebuild from scratch (%,d events)", onTopic),
                "events/s vs raw read of the topic / the event store",
                Figures.rate(ours.perSecond()) + partly,
                Figures.rate(topic.perSecond()) + " / " + Figures.rate(store),
                Figures.percent(ours.perSecond(), topic.perSecond()),
                "≥ 50,000/s",
                ours.perSecond() >= 50_000));
    }

    private static long recordsOnTopic(RawKafka kafka) {
        try (KafkaConsumer<String, byte[]> consumer = kafka.consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.EVENTS).stream()
                    .map(info -> new TopicPartition(Topics.EVENTS, info.partition()))
                    .toList();
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            return partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
        }
    }

    /** Every event of the store in order, as Axon's streaming processors read it; events per second. */
    private static double readStore(Context context) throws SQLException {
        try (Connection events = context.stack().events()) {
            events.setAutoCommit(false);
            try (Statement read = events.createStatement()) {
                read.setFetchSize(1_000);
                long start = System.nanoTime();
                long count = 0;
                try (ResultSet rows = read.executeQuery("SELECT global_index, event_identifier, aggregate_identifier,"
                        + " sequence_number, time_stamp, payload_type, payload, meta_data"
                        + " FROM domain_event_entry ORDER BY global_index")) {
                    while (rows.next()) {
                        rows.getBytes(7);
                        rows.getBytes(8);
                        count++;
                    }
                }
                events.commit();
                return count / ((System.nanoTime() - start) / 1e9);
            }
        }
    }

    private static void stopQueryService(Context context) throws InterruptedException {
        ProcessHandle.of(context.stack().pidOf("query-service")).ifPresent(service -> {
            service.destroy();
            service.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        });
    }

    /** @param applied after the first seen, which the rate counts; {@code total} counts them all */
    private record Rebuilt(long total, long applied, double seconds, double sinceStart) {
        double perSecond() {
            return seconds <= 0 ? 0 : applied / seconds;
        }
    }

    private static Rebuilt rebuild(Context context, long events) throws Exception {
        var stack = context.stack();
        Path log = stack.runDir().resolve("rebuild-query-service.log");
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), stack.marker()));
        // the options of the stack's services (bench.sh: the heap, and with --profile the flight recording)
        command.addAll(List.of(System.getenv()
                .getOrDefault("SERVICE_JAVA_OPTS", "-Xmx512m -XX:+UseParallelGC")
                .trim()
                .split("\\s+")));
        command.addAll(List.of("-jar", stack.queryServiceJar().toString()));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("SERVER_PORT", Integer.toString(stack.rebuildPort()));
        env.put("POSTGRES_URL", stack.rebuildJdbcUrl());
        env.put("POSTGRES_USER", stack.dbUser());
        env.put("POSTGRES_PASSWORD", stack.dbPassword());
        env.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrap());
        env.put("KAFKA_CONSUMER_GROUP", "bench-rebuild-" + System.currentTimeMillis());
        env.put("JWT_PUBLIC_KEY", stack.jwtPublicKey());
        env.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        long started = System.nanoTime();
        Process service = builder.start();
        try (Connection rebuilt = waitForSchema(context, service, log)) {
            long firstAt = 0;
            long appliedAtFirst = 0;
            long applied = 0;
            long deadline = System.nanoTime() + context.mode().rebuildAtMost().toNanos();
            try (PreparedStatement head = rebuilt.prepareStatement("SELECT coalesce(max(position), 0) FROM event_log");
                    PreparedStatement count = rebuilt.prepareStatement("SELECT count(*) FROM event_log")) {
                while (System.nanoTime() < deadline) {
                    if (!service.isAlive()) {
                        throw new IllegalStateException("the rebuilding query service exited; see " + log);
                    }
                    applied = single(head);
                    if (applied > 0 && firstAt == 0) {
                        firstAt = System.nanoTime();
                        appliedAtFirst = single(count);
                    }
                    // positions may skip a number (a rolled-back transaction): the count decides; and a read model
                    // rebuilt is done when it is ready, its indexes built (DeferredIndexes)
                    if (applied >= events && (applied = single(count)) >= events && ready(stack.rebuildPort())) {
                        break;
                    }
                    Thread.sleep(100);
                }
                applied = single(count);
            }
            long end = System.nanoTime();
            return new Rebuilt(applied, applied - appliedAtFirst, (end - firstAt) / 1e9, (end - started) / 1e9);
        } finally {
            service.destroy();
            if (!service.waitFor(30, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
    }

    private static boolean ready(int port) throws InterruptedException {
        try {
            return HTTP.send(
                                    HttpRequest.newBuilder(URI.create(
                                                    "http://localhost:" + port + "/actuator/health/readiness"))
                                            .timeout(Duration.ofSeconds(5))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static long single(PreparedStatement query) throws SQLException {
        try (ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Waits until the new service has migrated its database (event_log exists). */
    private static Connection waitForSchema(Context context, Process service, Path log)
            throws SQLException, InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the rebuilding query service exited; see " + log);
            }
            Connection connection = context.stack().connect(context.stack().rebuildJdbcUrl());
            try (ResultSet table = connection.createStatement().executeQuery("SELECT to_regclass('event_log')")) {
                table.next();
                if (table.getString(1) != null) {
                    return connection;
                }
            }
            connection.close();
            Thread.sleep(100);
        }
        throw new IllegalStateException("the rebuilding query service did not create its schema in 2 min; see " + log);
    }
}
