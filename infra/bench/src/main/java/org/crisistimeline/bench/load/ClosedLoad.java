package org.crisistimeline.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * A closed workload: {@code clients} threads, each sending its next request as soon as the last one answered. It
 * answers "how many per second at this concurrency", the throughput figure; latency is measured at a fixed rate with
 * {@link OpenLoad}. A warm-up runs first and is not counted (the JIT, the pools, the caches).
 */
public final class ClosedLoad {

    /** One request by client {@code client}; true for a success. */
    @FunctionalInterface
    public interface Call {
        boolean call(int client, long i) throws Exception;
    }

    public record Result(long successes, long failures, Duration elapsed, Histogram latencies) {
        public double perSecond() {
            return successes / (elapsed.toNanos() / 1e9);
        }
    }

    private ClosedLoad() {}

    public static Result run(int clients, Duration warmUp, Duration duration, Call call) throws InterruptedException {
        var counter = new AtomicLong();
        if (!warmUp.isZero()) {
            measure(clients, warmUp, call, counter);
        }
        return measure(clients, duration, call, counter);
    }

    private static Result measure(int clients, Duration duration, Call call, AtomicLong counter)
            throws InterruptedException {
        var latencies = new ConcurrentHistogram(TimeUnit.MINUTES.toNanos(5), 3);
        var successes = new AtomicLong();
        var failures = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            var thread = new Thread(
                    () -> {
                        while (System.nanoTime() < end) {
                            long sent = System.nanoTime();
                            boolean ok;
                            try {
                                ok = call.call(client, counter.getAndIncrement());
                            } catch (Exception e) {
                                ok = false;
                            }
                            if (ok) {
                                successes.incrementAndGet();
                                latencies.recordValue(
                                        Math.min(System.nanoTime() - sent, latencies.getHighestTrackableValue()));
                            } else {
                                failures.incrementAndGet();
                            }
                        }
                    },
                    "client-" + c);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Result(successes.get(), failures.get(), Duration.ofNanos(System.nanoTime() - start), latencies);
    }
}
