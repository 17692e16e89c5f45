package org.crisistimeline.bench.load;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * An open workload: request i is due at start + i / rate and is sent then, whether or not the earlier ones have
 * answered, and its latency counts from when it was due, not from when it could be sent. A server that stalls for a
 * second therefore shows a second of latency on every request due in it, instead of one slow request (no coordinated
 * omission).
 */
public final class OpenLoad {

    /** Sends request number {@code i}; completes with true for a success (a 2xx, a committed insert). */
    @FunctionalInterface
    public interface Request {
        CompletionStage<Boolean> send(long i);
    }

    /**
     * @param latencies of the successes, in nanoseconds from when each was due
     * @param refused due while {@code maxOutstanding} were still unanswered: not sent, counted as failures
     */
    public record Result(Histogram latencies, long due, long failed, long refused, Duration elapsed) {

        public double successesPerSecond() {
            return latencies.getTotalCount() / (elapsed.toNanos() / 1e9);
        }

        public boolean clean() {
            return failed == 0 && refused == 0;
        }
    }

    private OpenLoad() {}

    /** How many requests a run of {@link #run} sends (or refuses): one every 1/rate seconds of the duration. */
    public static long due(double ratePerSecond, Duration duration) {
        return Math.max(1, Math.round(ratePerSecond * duration.toNanos() / 1e9));
    }

    public static Result run(double ratePerSecond, Duration duration, int maxOutstanding, Request request) {
        var latencies = new ConcurrentHistogram(TimeUnit.MINUTES.toNanos(5), 3);
        var outstanding = new AtomicLong();
        var failed = new AtomicLong();
        long refused = 0;
        long due = due(ratePerSecond, duration);
        double interval = 1e9 / ratePerSecond;
        long start = System.nanoTime();
        for (long i = 0; i < due; i++) {
            long dueAt = start + Math.round(i * interval);
            long wait;
            while ((wait = dueAt - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (outstanding.get() >= maxOutstanding) {
                refused++;
                continue;
            }
            outstanding.incrementAndGet();
            CompletionStage<Boolean> answer;
            try {
                answer = request.send(i);
            } catch (RuntimeException e) {
                outstanding.decrementAndGet();
                failed.incrementAndGet();
                continue;
            }
            answer.whenComplete((ok, error) -> {
                long latency = System.nanoTime() - dueAt;
                if (error == null && Boolean.TRUE.equals(ok)) {
                    latencies.recordValue(Math.min(latency, latencies.getHighestTrackableValue()));
                } else {
                    failed.incrementAndGet();
                }
                outstanding.decrementAndGet();
            });
        }
        long drainBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (outstanding.get() > 0 && System.nanoTime() < drainBy) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new Result(latencies, due, failed.get() + outstanding.get(), refused, elapsed);
    }
}
