package org.crisistimeline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.crisistimeline.bench.data.SyntheticCrises;
import org.crisistimeline.bench.load.ClosedLoad;
import org.crisistimeline.bench.rebuild.ProjectionRebuild;
import org.crisistimeline.bench.report.Machine;
import org.crisistimeline.bench.report.Report;
import org.crisistimeline.bench.report.Row;
import org.crisistimeline.bench.timeline.TimelinePages;
import org.crisistimeline.bench.write.BulkImport;
import org.crisistimeline.bench.write.FixedRateRecording;
import org.crisistimeline.bench.write.RecordThroughput;
import org.crisistimeline.events.EventJson;

/**
 * Runs the scenarios against the stack infra/bench.sh started, prints the table and writes it: a full run into
 * docs/benchmarks.md, a quick one beside the build. Exits 1 when a scenario failed or saw failed requests, so a smoke
 * run that cannot measure says so.
 *
 * <pre>java -cp 'target/bench.jar:target/lib/*' org.crisistimeline.bench.Bench --quick|--full [--only a,b] [--doc FILE]</pre>
 */
public final class Bench {

    /** In order: the rebuild stops the stack's query service, so it is last. */
    static final List<Scenario> SCENARIOS = List.of(
            new RecordThroughput(4),
            new RecordThroughput(16),
            new FixedRateRecording(),
            new BulkImport(),
            new TimelinePages(),
            new ProjectionRebuild());

    private Bench() {}

    public static void main(String[] args) throws Exception {
        Mode mode = null;
        Set<String> only = Set.of();
        Path doc = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> mode = Mode.QUICK;
                case "--full" -> mode = Mode.FULL;
                case "--only" -> only = Set.of(args[++i].split(","));
                case "--doc" -> doc = Path.of(args[++i]);
                default -> usage("unknown argument " + args[i]);
            }
        }
        if (mode == null) {
            usage("say --quick or --full");
        }
        Set<String> known = SCENARIOS.stream().map(Scenario::name).collect(Collectors.toSet());
        if (!known.containsAll(only)) {
            usage("--only takes " + String.join(",", known.stream().sorted().toList()));
        }
        Stack stack = Stack.fromEnvironment(System.getenv());
        String loadAtStart = Machine.loadAverage();
        List<Row> rows = new ArrayList<>();
        List<String> problems;
        List<String> notes;
        List<String> appendices;
        try (var http = new Http()) {
            var context =
                    new Context(mode, stack, http, new SyntheticCrises(Long.toString(System.currentTimeMillis(), 36)));
            registerCrisesAndActors(context);
            System.out.println("==> warming the services up with writes (at most "
                    + mode.warmUpAtMost().toSeconds() + " s)");
            Duration round = Duration.ofSeconds(Math.min(15, mode.warmUpAtMost().toSeconds()));
            WarmUp.untilCompiled(
                    context,
                    "writes",
                    mode.warmUpAtMost(),
                    () -> ClosedLoad.run(16, Duration.ZERO, round, (c, i) -> RecordThroughput.recordOne(context)));
            for (Scenario scenario : SCENARIOS) {
                if (!only.isEmpty() && !only.contains(scenario.name())) {
                    continue;
                }
                System.out.println("==> " + scenario.name());
                long start = System.nanoTime();
                try {
                    rows.addAll(scenario.run(context));
                } catch (Exception e) {
                    context.problem(scenario.name() + " failed: " + e);
                    e.printStackTrace();
                }
                System.out.printf("    (%.0f s)%n", (System.nanoTime() - start) / 1e9);
            }
            problems = context.problems();
            notes = context.notes();
            appendices = context.appendices();
        }
        Machine machine = Machine.describe(
                postgresVersion(stack),
                System.getenv().getOrDefault("BENCH_KAFKA_VERSION", "unknown"),
                System.getenv().getOrDefault("BENCH_COMMIT", "unknown"),
                loadAtStart);
        System.out.println();
        Report.print(rows, System.out);
        String markdown = Report.markdown(rows, machine, mode.name())
                + notes.stream().map(note -> "- " + note).collect(Collectors.joining("\n", "\nDetails:\n\n", "\n"))
                + (problems.isEmpty()
                        ? ""
                        : problems.stream()
                                .map(p -> "- " + p)
                                .collect(Collectors.joining("\n", "\nProblems:\n\n", "\n")))
                + (appendices.isEmpty() ? "" : "\n" + String.join("\n", appendices));
        // only a full run of every scenario is the latest full run; a part of one is kept beside the build
        if (doc != null && mode == Mode.FULL && only.isEmpty()) {
            Report.replaceLatestRun(doc, markdown);
            System.out.println("\nWritten to " + doc);
        } else {
            Path out = Path.of("infra/bench/target/benchmarks-" + mode.name() + ".md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, markdown, StandardCharsets.UTF_8);
            System.out.println("\nWritten to " + out);
        }
        if (!problems.isEmpty()) {
            System.err.println("\nThe run had problems:\n  " + String.join("\n  ", problems));
            System.exit(1);
        }
    }

    /** The crises and actors the generated incidents name, through the API like any editor (idempotent). */
    private static void registerCrisesAndActors(Context context) throws Exception {
        ObjectMapper json = EventJson.newMapper();
        Http http = context.http();
        String token = context.stack().editorToken();
        URI crises = context.stack().commandUrl().resolve("/api/v1/crises");
        for (var crisis : context.crises().crises()) {
            ObjectNode body = json.valueToTree(crisis);
            body.set("id", body.remove("crisisId"));
            http.expectSuccess(http.post(crises, token, json.writeValueAsBytes(body)));
        }
        URI actors = context.stack().commandUrl().resolve("/api/v1/actors");
        for (var actor : context.crises().actors()) {
            ObjectNode body = json.valueToTree(actor);
            body.set("id", body.remove("actorId"));
            http.expectSuccess(http.post(actors, token, json.writeValueAsBytes(body)));
        }
    }

    private static String postgresVersion(Stack stack) {
        try (Connection connection = stack.events();
                // the settings a write-heavy run depends on, so that figures from differently tuned servers are told
                // apart
                ResultSet version = connection
                        .createStatement()
                        .executeQuery("SELECT current_setting('server_version') || ' (shared_buffers '"
                                + " || current_setting('shared_buffers') || ', max_wal_size '"
                                + " || current_setting('max_wal_size') || ', checkpoint_timeout '"
                                + " || current_setting('checkpoint_timeout') || ', wal_compression '"
                                + " || current_setting('wal_compression') || ')'")) {
            version.next();
            return version.getString(1);
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static void usage(String problem) {
        System.err.println("bench: " + problem + "\nusage: infra/bench.sh --quick|--full [--only "
                + String.join(",", SCENARIOS.stream().map(Scenario::name).toList()) + "]");
        System.exit(2);
    }
}
