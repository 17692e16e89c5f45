package org.crisistimeline.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Load before a measurement until the services' JIT compilers are done with it. On the 2-core machine the C2 compiler
 * needs minutes of writes to compile the command service's write path, and its throughput about doubles meanwhile
 * (docs/benchmarks.md), so a fixed warm-up of 45 s measured the compilers as much as the service. Done means that over
 * one round the compiler threads of both services together used less than 5 % of a core, or that the time allowed is
 * up. Their CPU time is read from /proc: the JVM's own compilation time is elapsed time, which on a saturated machine
 * counts the compilers' waiting for a core too.
 */
public final class WarmUp {

    private static final double QUIET = 0.05;

    /** Linux's USER_HZ, the unit of a thread's CPU times in /proc. */
    private static final double TICKS_PER_SECOND = 100;

    private WarmUp() {}

    /**
     * Runs rounds of the load the measurement will put on the services until the compilers are quiet or {@code atMost}
     * has passed, and notes how long it took.
     */
    public static void untilCompiled(Context context, String what, Duration atMost, Callable<?> round)
            throws Exception {
        long start = System.nanoTime();
        double compiled = compilerSeconds(context);
        int rounds = 0;
        while (true) {
            long roundStart = System.nanoTime();
            round.call();
            rounds++;
            double now = compilerSeconds(context);
            double share = (now - compiled) / ((System.nanoTime() - roundStart) / 1e9);
            compiled = now;
            boolean quiet = share < QUIET;
            if (quiet || System.nanoTime() - start >= atMost.toNanos()) {
                context.note(String.format(
                        "%s: warmed up for %.0f s (%d rounds); the compilers used %.0f %% of a core in the last%s",
                        what,
                        (System.nanoTime() - start) / 1e9,
                        rounds,
                        100 * share,
                        quiet ? "" : ", still compiling when the time allowed was up"));
                return;
            }
        }
    }

    /** CPU seconds the compiler threads of both services have used since they started. */
    private static double compilerSeconds(Context context) throws IOException {
        return compilerSeconds(context.stack().pidOf("command-service"))
                + compilerSeconds(context.stack().pidOf("query-service"));
    }

    static double compilerSeconds(long pid) throws IOException {
        long ticks = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path thread : threads) {
                try {
                    // "C1 CompilerThre", "C2 CompilerThre": HotSpot's names, cut to 15 characters by Linux
                    if (!Files.readString(thread.resolve("comm")).contains("CompilerThre")) {
                        continue;
                    }
                    // after the command's closing parenthesis: state is field 3, utime and stime are 14 and 15
                    String stat = Files.readString(thread.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                } catch (NoSuchFileException ended) {
                    // a compiler thread that ended took its time with it
                }
            }
        }
        return ticks / TICKS_PER_SECOND;
    }
}
