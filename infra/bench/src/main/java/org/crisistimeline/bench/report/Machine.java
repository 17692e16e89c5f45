package org.crisistimeline.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What the figures depend on: the machine, the versions of the engines, the commit, and how busy the machine was. The
 * load average is there so that a reader can tell a quiet run from one beside other builds.
 */
public record Machine(
        String date,
        int cores,
        long memoryBytes,
        String jdk,
        String postgres,
        String kafka,
        String commit,
        String loadAtStart,
        String loadAtEnd) {

    public static Machine describe(String postgres, String kafka, String commit, String loadAtStart) {
        return new Machine(
                OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                Runtime.getRuntime().availableProcessors(),
                memTotal(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                postgres,
                kafka,
                commit,
                loadAtStart,
                loadAverage());
    }

    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static long memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the table says unknown
        }
        return 0;
    }

    String markdown() {
        return String.format(
                Locale.ROOT,
                "Machine: %d cores, %.1f GiB, %s; PostgreSQL %s; Kafka %s; load average %s at the start, %s at the"
                        + " end.%n",
                cores,
                memoryBytes / (1024.0 * 1024 * 1024),
                jdk,
                postgres,
                kafka,
                loadAtStart,
                loadAtEnd);
    }
}
