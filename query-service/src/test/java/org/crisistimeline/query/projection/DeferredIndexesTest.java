package org.crisistimeline.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.crisistimeline.query.event.EventEnvelope;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

/**
 * The rebuild's faster route, against a real PostgreSQL: an empty read model with a long topic ahead drops the
 * indexes only queries use, is not ready until it has built them again, and then holds the rows and indexes of a read model that kept them all
 * along.
 */
class DeferredIndexesTest {

    private static final String INDEXES =
            "SELECT indexname || ': ' || indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1";

    private final List<EventEnvelope> history = ReadModelBatchTest.history(new Random(1991), 40, 12);

    @Test
    void anEmptyReadModelBuildsItsQueryIndexesAfterCatchingUpAndEndsAsTheLivePathLeavesIt() {
        List<String> liveRows;
        List<String> liveIndexes;
        try (var live = ReadModelDatabase.create()) {
            history.forEach(live.readModel()::apply);
            liveRows = live.rows();
            liveIndexes = live.jdbc().queryForList(INDEXES, String.class);
        }
        try (var rebuilt = ReadModelDatabase.create()) {
            var indexes = new DeferredIndexes(rebuilt.jdbc(), rebuilt.transaction(), () -> 1_000_000);

            indexes.deferIfEmpty();

            assertThat(rebuilt.jdbc().queryForList(INDEXES, String.class))
                    .hasSize(liveIndexes.size() - 6)
                    .noneMatch(index -> index.startsWith("timeline_entry_history:"));
            assertThat(indexes.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

            for (int from = 0; from < history.size(); from += 100) {
                rebuilt.readModel().applyAll(history.subList(from, Math.min(history.size(), from + 100)));
            }
            indexes.build();

            assertThat(indexes.health().getStatus()).isEqualTo(Status.UP);
            assertThat(rebuilt.jdbc().queryForList(INDEXES, String.class)).isEqualTo(liveIndexes);
            assertThat(rebuilt.rows()).isEqualTo(liveRows);
        }
    }

    /**
     * The consumers go on applying while one of them builds: a batch that wrote the timelines before the build began
     * and writes the event log after it must not deadlock with a build that has locked the event log already.
     */
    @Test
    void aBuildWaitsForABatchInTheMiddleOfItsTablesWithoutADeadlock() throws Exception {
        try (var rebuilt = ReadModelDatabase.create();
                Connection consumer = rebuilt.jdbc().getDataSource().getConnection()) {
            var indexes = new DeferredIndexes(rebuilt.jdbc(), rebuilt.transaction(), () -> 1_000_000);
            indexes.deferIfEmpty();
            consumer.setAutoCommit(false);
            try (Statement batch = consumer.createStatement()) {
                batch.execute("""
                        INSERT INTO timeline_entry_version (scope, scope_key, occurred_at, incident_id, version, type,
                                                            valid_from, retracted)
                        VALUES ('crisis', 'iran-us-2020', now(), 'strike-1', 1, 'STRIKE', now(), false)
                        """);

                CompletableFuture<Void> build = CompletableFuture.runAsync(indexes::build);
                awaitAWaitForALock(rebuilt);
                batch.execute("""
                        INSERT INTO event_log (event_type, aggregate_id, sequence, recorded_at, countries, actors, types)
                        VALUES ('IncidentRecorded', 'strike-1', 0, now(), '{}', '{}', '{}')
                        """);
                consumer.commit();

                build.get(30, TimeUnit.SECONDS);
            }
            assertThat(indexes.health().getStatus()).isEqualTo(Status.UP);
        }
    }

    private static void awaitAWaitForALock(ReadModelDatabase database) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Boolean.TRUE.equals(database.jdbc().queryForObject("""
                SELECT EXISTS (SELECT 1 FROM pg_stat_activity
                               WHERE datname = current_database() AND wait_event_type = 'Lock')
                """, Boolean.class))) {
            assertThat(System.nanoTime())
                    .as("the build waiting for the batch's lock")
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void anEmptyReadModelWithAShortTopicAheadKeepsItsIndexes() {
        try (var database = ReadModelDatabase.create()) {
            List<String> before = database.jdbc().queryForList(INDEXES, String.class);
            var indexes = new DeferredIndexes(
                    database.jdbc(), database.transaction(), () -> DeferredIndexes.WORTH_DEFERRING - 1);

            indexes.deferIfEmpty();

            assertThat(database.jdbc().queryForList(INDEXES, String.class)).isEqualTo(before);
            assertThat(indexes.health().getStatus()).isEqualTo(Status.UP);
        }
    }

    @Test
    void aReadModelWithEventsKeepsItsIndexes() {
        try (var database = ReadModelDatabase.create()) {
            List<String> before = database.jdbc().queryForList(INDEXES, String.class);
            database.readModel().apply(history.get(0));
            var indexes = new DeferredIndexes(database.jdbc(), database.transaction(), () -> 1_000_000);

            indexes.deferIfEmpty();

            assertThat(database.jdbc().queryForList(INDEXES, String.class)).isEqualTo(before);
            assertThat(indexes.health().getStatus()).isEqualTo(Status.UP);
        }
    }
}
