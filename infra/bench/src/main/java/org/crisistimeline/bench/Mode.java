package org.crisistimeline.bench;

import java.time.Duration;
import java.util.List;

/**
 * How long and how big: {@code quick} checks that the harness works (CI runs it, in under 3 minutes with the stack),
 * {@code full} makes the figures of docs/benchmarks.md.
 *
 * @param measure how long each throughput or latency measurement runs
 * @param warmUp run before each throughput measurement and not counted
 * @param warmUpAtMost how long a warm-up until the JIT compilers are done ({@link WarmUp}) may run: the writes before
 *     the first scenario, the imports before the counted one, the pages before the first timeline measurement
 * @param timelineSizes the read model sizes (incidents) the timeline pages are measured at
 * @param rebuildEvents events on the topic when the read model is rebuilt (topped up with generated ones)
 * @param rebuildAtMost how long the rebuild may run: its rate is then of the events it applied so far
 */
public record Mode(
        String name,
        Duration measure,
        Duration warmUp,
        Duration warmUpAtMost,
        List<Integer> timelineSizes,
        int rebuildEvents,
        Duration rebuildAtMost,
        int bulkIncidents,
        double timelineRate) {

    static final Mode QUICK = new Mode(
            "quick",
            Duration.ofSeconds(4),
            Duration.ofSeconds(2),
            Duration.ofSeconds(3),
            List.of(10_000),
            10_000,
            Duration.ofMinutes(3),
            10_000,
            50);

    static final Mode FULL = new Mode(
            "full",
            Duration.ofSeconds(20),
            Duration.ofSeconds(5),
            Duration.ofMinutes(6),
            List.of(10_000, 100_000, 1_000_000),
            1_000_000,
            Duration.ofMinutes(5),
            200_000,
            50);

    /** The largest read model this mode measures timelines at. */
    public int largestTimeline() {
        return timelineSizes.get(timelineSizes.size() - 1);
    }
}
