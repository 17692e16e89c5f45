package org.crisistimeline.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The event store's head of each aggregate against the read model's position of it. The positions are read first and
 * the heads after, so in a healthy system every position is at or below its head: a position beyond the head, or of an
 * aggregate the store does not hold, is a fault at once; a position below it is lag until it stays.
 *
 * @param storeAggregates aggregates in the event store
 * @param readAggregates aggregates with a position in the read model
 * @param behind applied up to an earlier event than the store's last (lag, or events lost on the way); -1 for none
 * @param ahead applied past the store's last event: the store lost events, or the read model is another store's
 * @param unknown in the read model, not in the store
 */
public record Reconciliation(
        long storeAggregates,
        long readAggregates,
        List<Difference> behind,
        List<Difference> ahead,
        List<String> unknown) {

    /** One aggregate's head in the store, with its hash (null for an event without one). */
    public record Head(long sequence, String hash) {}

    /** An aggregate whose applied position differs from its stored head. */
    public record Difference(String aggregateId, long storeSequence, String storeHash, long readSequence) {}

    public static Reconciliation of(Map<String, Head> heads, Map<String, Long> positions) {
        List<Difference> behind = new ArrayList<>();
        List<Difference> ahead = new ArrayList<>();
        for (String aggregateId : new TreeSet<>(heads.keySet())) {
            Head head = heads.get(aggregateId);
            long read = positions.getOrDefault(aggregateId, -1L);
            if (read < head.sequence()) {
                behind.add(new Difference(aggregateId, head.sequence(), head.hash(), read));
            } else if (read > head.sequence()) {
                ahead.add(new Difference(aggregateId, head.sequence(), head.hash(), read));
            }
        }
        List<String> unknown = positions.keySet().stream()
                .filter(aggregateId -> !heads.containsKey(aggregateId))
                .sorted()
                .toList();
        return new Reconciliation(heads.size(), positions.size(), behind, ahead, unknown);
    }

    /** Every aggregate of the store is applied up to its last event, and nothing else is in the read model. */
    public boolean inStep() {
        return behind.isEmpty() && !faulty();
    }

    /** Differences that no waiting mends. */
    public boolean faulty() {
        return !ahead.isEmpty() || !unknown.isEmpty();
    }

    public String summary() {
        return "%d aggregates in the store, %d in the read model: %d behind, %d ahead, %d unknown to the store"
                .formatted(storeAggregates, readAggregates, behind.size(), ahead.size(), unknown.size());
    }
}
