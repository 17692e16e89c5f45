package org.crisistimeline.command.imports.format;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.crisistimeline.command.imports.DatasetReader;
import org.crisistimeline.command.imports.ImportRow;
import org.crisistimeline.command.imports.RowProblem;

/**
 * What the tests compare after reading a fixture: counts per type, per original code, per country and per
 * year, the fatality sums, date-precision counts and multi-day ranges. The reader's figures and the ones a test
 * computes from the same file with another CSV parser are built with {@link #add}, then compared whole.
 */
final class Figures {

    static final String NO_PLACE = "(no place)";
    static final String NO_COUNTRY = "(no country)";

    long rows;
    final Map<String, Long> perType = new TreeMap<>();
    final Map<String, Long> perCode = new TreeMap<>();
    final Map<String, Long> perCountry = new TreeMap<>();
    final Map<Integer, Long> perYear = new TreeMap<>();
    final Map<String, Long> perPrecision = new TreeMap<>();
    long low;
    long best;
    long high;
    long multiDayRanges;
    long daysInRanges;

    void add(
            String type,
            String code,
            String country,
            LocalDate start,
            LocalDate end,
            String precision,
            int low,
            int best,
            int high) {
        rows++;
        perType.merge(type, 1L, Long::sum);
        perCode.merge(code, 1L, Long::sum);
        perCountry.merge(country, 1L, Long::sum);
        perYear.merge(start.getYear(), 1L, Long::sum);
        perPrecision.merge(precision, 1L, Long::sum);
        this.low += low;
        this.best += best;
        this.high += high;
        if (end.isAfter(start)) {
            multiDayRanges++;
            daysInRanges += ChronoUnit.DAYS.between(start, end) + 1;
        }
    }

    /** the reader's figures, the original code taken from {@code codeColumn} */
    static Figures of(List<ImportRow> rows, String codeColumn) {
        Figures figures = new Figures();
        for (ImportRow row : rows) {
            String country = row.place() == null
                    ? NO_PLACE
                    : row.place().country() == null ? NO_COUNTRY : row.place().country();
            ImportRow.Fatalities f = row.fatalities();
            figures.add(
                    row.type().name(),
                    row.codes().get(codeColumn),
                    country,
                    row.dateStart(),
                    row.dateEnd(),
                    row.datePrecision().name(),
                    f == null ? 0 : f.low(),
                    f == null || f.best() == null ? 0 : f.best(),
                    f == null ? 0 : f.high());
        }
        return figures;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Figures f && toString().equals(f.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return "rows " + rows + "\nper type " + perType + "\nper code " + perCode + "\nper country " + perCountry
                + "\nper year " + perYear + "\nper precision " + perPrecision + "\nlow " + low + ", best " + best
                + ", high " + high + "\nmulti-day ranges " + multiDayRanges + " covering " + daysInRanges + " days";
    }

    /** What a reader made of a file. */
    record Read(List<ImportRow> rows, List<RowProblem> problems) {}

    static Read read(DatasetReader reader, InputStream file, String release) {
        List<ImportRow> rows = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        try (file) {
            reader.read(file, release, rows::add, problems::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Read(rows, problems);
    }

    static Read read(DatasetReader reader, Path file, String release) {
        try {
            return read(reader, Files.newInputStream(file), release);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Read read(DatasetReader reader, String text, String release) {
        return read(reader, new ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), release);
    }

    static Path fixture(String name) {
        Path path = Path.of("src/test/resources/imports", name);
        if (!Files.exists(path)) {
            throw new IllegalStateException("no fixture " + path.toAbsolutePath());
        }
        return path;
    }

    /** the file's physical lines, 1-based: lines.get(n - 1) is line n */
    static List<String> physicalLines(Path file) {
        try {
            return List.of(Files.readString(file).split("\n", -1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads {@code copies} copies of a fixture's rows from memory and prints rows/s: a figure for the report, never an
     * assertion (the machine is shared).
     */
    static void printSpeed(DatasetReader reader, String release, byte[] header, byte[] body, int copies) {
        byte[] all = new byte[header.length + body.length * copies];
        System.arraycopy(header, 0, all, 0, header.length);
        for (int i = 0; i < copies; i++) {
            System.arraycopy(body, 0, all, header.length + i * body.length, body.length);
        }
        long[] count = new long[1];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= 5; round++) {
            count[0] = 0;
            long started = System.nanoTime();
            long cpuStarted = threads.getCurrentThreadCpuTime();
            try {
                reader.read(new ByteArrayInputStream(all), release, r -> count[0]++, p -> {});
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
            // CPU time too: on a shared machine the wall clock says more about the neighbours than the reader
            System.out.printf(
                    "%s round %d: %,d rows, %,.0f rows/s wall, %,.0f rows per CPU second%n",
                    reader.getClass().getSimpleName(), round, count[0], count[0] / seconds, count[0] / cpuSeconds);
        }
    }
}
