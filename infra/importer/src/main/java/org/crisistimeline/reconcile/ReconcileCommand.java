package org.crisistimeline.reconcile;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Compares the event store with the read model, aggregate by aggregate, and says where they differ. */
@Command(
        name = "reconcile.sh",
        mixinStandardHelpOptions = true,
        description = "Compares each aggregate's last stored event with the read model's applied position.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:in step: every aggregate applied up to its last stored event",
            "1:aggregates behind after --wait (lag or lost events)",
            "2:wrong command line",
            "3:a service did not answer, or refused the token",
            "4:faults: positions past the store's head, or aggregates the store does not hold"
        })
public final class ReconcileCommand implements Callable<Integer> {

    private static final int LISTED = 20;

    @Option(names = "--command-url", defaultValue = "${env:CRISIS_TIMELINE_COMMAND_URL:-http://localhost:8081}")
    URI commandUrl;

    @Option(names = "--query-url", defaultValue = "${env:CRISIS_TIMELINE_QUERY_URL:-http://localhost:8082}")
    URI queryUrl;

    @Option(
            names = "--wait",
            paramLabel = "SECONDS",
            defaultValue = "0",
            description = "compare again every second for this long while aggregates are behind (lag settles)")
    long waitSeconds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = new PrintWriter(System.out, true);
        String token = System.getenv("CRISIS_TIMELINE_TOKEN");
        if (token == null || token.isBlank()) {
            out.println("CRISIS_TIMELINE_TOKEN must hold an admin token");
            return 2;
        }
        var source = new ReconciliationSource(commandUrl, queryUrl, token);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(waitSeconds));
        Reconciliation reconciliation;
        try {
            reconciliation = source.read();
            while (!reconciliation.inStep()
                    && !reconciliation.faulty()
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(1000);
                reconciliation = source.read();
            }
        } catch (java.io.IOException unreachable) {
            out.println(unreachable.getMessage());
            return 3;
        }
        out.println(reconciliation.summary());
        reconciliation.ahead().stream().limit(LISTED).forEach(d -> out.println("ahead   " + line(d)));
        reconciliation.unknown().stream().limit(LISTED).forEach(id -> out.println("unknown " + id));
        reconciliation.behind().stream().limit(LISTED).forEach(d -> out.println("behind  " + line(d)));
        return reconciliation.faulty() ? 4 : reconciliation.inStep() ? 0 : 1;
    }

    private static String line(Reconciliation.Difference difference) {
        return "%s: stored up to %d (hash %s), applied up to %d"
                .formatted(
                        difference.aggregateId(),
                        difference.storeSequence(),
                        difference.storeHash(),
                        difference.readSequence());
    }

    public static void main(String[] arguments) {
        System.exit(new CommandLine(new ReconcileCommand()).execute(arguments));
    }
}
