package org.crisistimeline.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** What the fault tests share: waiting for a condition, filtering the ledgers, and the figures they print. */
final class Faults {

    private Faults() {}

    static void await(String what, Duration timeout, Callable<Boolean> condition) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.call()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            Thread.sleep(50);
        }
    }

    static Map<String, List<Long>> ofPrefix(Map<String, List<Long>> events, String prefix) {
        Map<String, List<Long>> of = new TreeMap<>();
        events.forEach((id, sequences) -> {
            if (id.startsWith(prefix)) {
                of.put(id, sequences);
            }
        });
        return of;
    }

    /** Events on the topic that the store does not hold, as "subject#sequence". */
    static List<String> extra(Map<String, Set<Long>> published, Map<String, List<Long>> stored) {
        List<String> extra = new ArrayList<>();
        published.forEach((subject, sequences) -> sequences.stream()
                .filter(sequence -> !stored.getOrDefault(subject, List.of()).contains(sequence))
                .forEach(sequence -> extra.add(subject + "#" + sequence)));
        return extra;
    }

    /** One line per fault in the test output, for the figures in docs/operations.md. */
    static void report(String fault, String format, Object... arguments) {
        System.out.println("FAULT [" + fault + "] " + format.formatted(arguments));
    }
}
