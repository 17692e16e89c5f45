package org.crisistimeline.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * The progress of an import job as a person follows it: on a terminal a bar redrawn in place, with rows per second and
 * the time left (from how much of the file the service has read); otherwise a plain line every five seconds.
 */
final class Progress {

    private static final long PLAIN_EVERY_NANOS = Duration.ofSeconds(5).toNanos();
    private static final int BAR = 30;

    private final boolean terminal;
    private final long startedNanos;
    private boolean shownPlain;
    private long lastPlainNanos;

    Progress(boolean terminal, long startedNanos) {
        this.terminal = terminal;
        this.startedNanos = startedNanos;
    }

    void show(PrintWriter out, JsonNode job, long nowNanos) {
        boolean running = job.get("state").asText().equals("RUNNING")
                || job.get("state").asText().equals("QUEUED");
        if (terminal) {
            out.print("\r" + bar(job, nowNanos - startedNanos) + (running ? "" : "\n"));
            out.flush();
        } else if (!running || !shownPlain || nowNanos - lastPlainNanos >= PLAIN_EVERY_NANOS) {
            shownPlain = true;
            lastPlainNanos = nowNanos;
            out.println(line(job, nowNanos - startedNanos));
            out.flush();
        }
    }

    /** {@code [##########          ]  33%  12,000 rows  4,100 rows/s  ETA 0:06} */
    static String bar(JsonNode job, long elapsedNanos) {
        double done = fraction(job);
        int filled = (int) Math.round(done * BAR);
        return "[" + "#".repeat(filled) + " ".repeat(BAR - filled) + "] "
                + String.format(Locale.ROOT, "%3d%%  ", Math.round(done * 100)) + line(job, elapsedNanos);
    }

    /** {@code 12,000 rows  4,100 rows/s  ETA 0:06} */
    static String line(JsonNode job, long elapsedNanos) {
        long rows = job.at("/counts/rowsRead").asLong();
        double seconds = Math.max(elapsedNanos / 1e9, 1e-3);
        double done = fraction(job);
        String eta = done <= 0 || done >= 1 ? "--:--" : clock((long) (seconds / done - seconds));
        return String.format(
                Locale.ROOT,
                "%,d rows  %,d rows/s  ETA %s  (%s)",
                rows,
                Math.round(rows / seconds),
                eta,
                job.get("state").asText().toLowerCase(Locale.ROOT));
    }

    /** The counts and the refused rows at the end. */
    static String summary(JsonNode job, int problemsShown) {
        JsonNode counts = job.get("counts");
        StringBuilder summary = new StringBuilder(String.format(
                Locale.ROOT,
                "%s%s: %,d rows read, %,d imported, %,d unchanged, %,d amended, %,d retracted, %,d refused",
                job.get("state").asText(),
                job.path("dryRun").asBoolean() ? " (dry run: nothing stored)" : "",
                counts.get("rowsRead").asLong(),
                counts.get("imported").asLong(),
                counts.get("unchanged").asLong(),
                counts.get("amended").asLong(),
                counts.get("retracted").asLong(),
                counts.get("refused").asLong()));
        if (job.hasNonNull("failure")) {
            summary.append(System.lineSeparator())
                    .append("failed: ")
                    .append(job.get("failure").asText());
        }
        int shown = 0;
        for (JsonNode problem : job.path("problems")) {
            if (shown++ == problemsShown) {
                summary.append(System.lineSeparator())
                        .append("… and more: GET ")
                        .append("/api/v1/imports/")
                        .append(job.get("id").asText());
                break;
            }
            summary.append(System.lineSeparator())
                    .append("line ")
                    .append(problem.get("line").asLong())
                    .append(
                            problem.hasNonNull("column")
                                    ? ", " + problem.get("column").asText()
                                    : "")
                    .append(": ")
                    .append(problem.get("reason").asText());
        }
        return summary.toString();
    }

    private static double fraction(JsonNode job) {
        long bytes = job.path("fileBytes").asLong();
        return bytes <= 0 ? 0 : Math.min(1.0, job.path("bytesRead").asLong() / (double) bytes);
    }

    private static String clock(long seconds) {
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
