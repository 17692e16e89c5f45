package org.crisistimeline.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OpenLoadTest {

    @Test
    void aStallShowsOnEveryRequestDueDuringIt() {
        var server = Executors.newSingleThreadExecutor();
        try {
            // one server thread: request 0 takes 300 ms, the rest answer at once but queue behind it
            OpenLoad.Result result = OpenLoad.run(
                    100,
                    Duration.ofMillis(300),
                    1_000,
                    i -> CompletableFuture.supplyAsync(
                            () -> {
                                if (i == 0) {
                                    sleep(300);
                                }
                                return true;
                            },
                            server));

            assertThat(result.due()).isEqualTo(30);
            assertThat(result.clean()).isTrue();
            // measured from when each was due, the requests behind the stall waited too: about half of them 150 ms
            // or more. Measured from when each was answered by a closed-loop client, only one would be slow.
            assertThat(result.latencies().getValueAtPercentile(50)).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(100));
            assertThat(result.latencies().getMaxValue()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(290));
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void requestsAreDueOnScheduleWhetherOrNotEarlierOnesAnswered() {
        var late = new CompletableFuture<Boolean>();
        CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS).execute(() -> late.complete(true));

        OpenLoad.Result result = OpenLoad.run(
                200, Duration.ofMillis(100), 5, i -> i < 5 ? late : CompletableFuture.completedFuture(true));

        // five hang; the others are refused while five are outstanding, never waited for
        assertThat(result.due()).isEqualTo(20);
        assertThat(result.refused()).isEqualTo(15);
        assertThat(result.latencies().getTotalCount()).isEqualTo(5);
        assertThat(result.latencies().getMinValue()).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(200));
    }

    @Test
    void failuresAreCountedNotTimed() {
        OpenLoad.Result result =
                OpenLoad.run(1_000, Duration.ofMillis(20), 100, i -> CompletableFuture.completedFuture(i % 2 == 0));

        assertThat(result.failed()).isEqualTo(10);
        assertThat(result.latencies().getTotalCount()).isEqualTo(10);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
