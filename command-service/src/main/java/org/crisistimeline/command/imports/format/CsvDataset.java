package org.crisistimeline.command.imports.format;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.crisistimeline.command.imports.ImportRow;
import org.crisistimeline.command.imports.RowProblem;

/**
 * The reading loop the data set readers share: a CSV file in UTF-8 (a byte order mark is skipped), a record at a
 * time with the physical line it starts on (line breaks inside quoted fields count), columns found by their published
 * names in any order, extra columns ignored, an HXL hashtag row under the header skipped, each row turned into an
 * {@link ImportRow} or a {@link RowProblem}.
 */
final class CsvDataset {

    /** RFC 4180 with quoted fields; empty lines are kept as records so that line numbers stay exact */
    static final CSVFormat QUOTED_CSV =
            CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private CsvDataset() {}

    /** Turns one row into an import row; throws {@link BadValue} for what makes the row unusable. */
    interface RowMapper {
        ImportRow map(Row row);
    }

    /**
     * @param fixedHeader the column names when the file has no header row (GDELT's export), else null: the first
     *     record is the header
     * @param required the columns without which no row can be read; when the header lacks one, each is reported on
     *     the header's line and nothing is read
     */
    static void read(
            InputStream file,
            CSVFormat format,
            List<String> fixedHeader,
            Set<String> required,
            RowMapper mapper,
            Consumer<ImportRow> rows,
            Consumer<RowProblem> problems)
            throws IOException {
        // not closed here: the stream is the caller's (it may hash the file, or go on reading)
        CSVParser parser =
                CSVParser.builder().setReader(utf8(file)).setFormat(format).get();
        Iterator<CSVRecord> records = parser.iterator();
        Header header = fixedHeader == null ? null : new Header(fixedHeader, null);
        boolean firstAfterHeader = true;
        Row row = null;
        while (true) {
            long line = parser.getCurrentLineNumber() + 1;
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return;
                }
                record = records.next();
            } catch (UncheckedIOException e) {
                problems.accept(new RowProblem(line, null, unreadable(e)));
                return;
            }
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;
            }
            if (header == null) {
                Header named = new Header(record.toList(), line);
                List<String> missing =
                        required.stream().filter(c -> !named.has(c)).sorted().toList();
                for (String column : missing) {
                    problems.accept(new RowProblem(line, column, "no such column in the header"));
                }
                if (!missing.isEmpty()) {
                    return;
                }
                header = named;
                continue;
            }
            if (firstAfterHeader) {
                firstAfterHeader = false;
                if (header.line != null && isHashtagRow(record)) {
                    continue;
                }
            }
            if (record.size() != header.size()) {
                problems.accept(new RowProblem(
                        line,
                        null,
                        record.size() + " fields where " + (header.line == null ? "the format has " : "the header has ")
                                + header.size()));
                continue;
            }
            if (row == null) {
                row = new Row(header);
            }
            row.at(line, record);
            ImportRow read;
            try {
                read = mapper.map(row);
            } catch (BadValue bad) {
                problems.accept(new RowProblem(line, bad.column, bad.reason));
                continue;
            }
            rows.accept(read);
        }
    }

    private static Reader utf8(InputStream file) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(file, StandardCharsets.UTF_8), 1 << 16);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    /** HXL (the Humanitarian Exchange Language) tags columns with a row of hashtags under the header: #date+year … */
    private static boolean isHashtagRow(CSVRecord record) {
        boolean tagged = false;
        for (String value : record) {
            String v = value.strip();
            if (v.isEmpty()) {
                continue;
            }
            if (v.charAt(0) != '#') {
                return false;
            }
            tagged = true;
        }
        return tagged;
    }

    private static String unreadable(UncheckedIOException e) {
        String message = String.valueOf(
                e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        String lower = message.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("eof reached before encapsulated token finished")) {
            return "a quoted field opens here and is never closed, so the rest of the file cannot be read";
        }
        if (lower.contains("invalid char") && lower.contains("between encapsulated token and delimiter")) {
            return "text follows the closing quote of a quoted field, so the rest of the file cannot be read";
        }
        return "not readable as CSV from here on, so the rest of the file is not read: " + message;
    }

    /** The columns by name; {@code line} is where the header is, null when the format fixes the columns. */
    static final class Header {
        private final List<String> names;
        private final Map<String, Integer> index = new HashMap<>();
        final Long line;

        Header(List<String> names, Long line) {
            this.names = List.copyOf(names.stream().map(String::strip).toList());
            this.line = line;
            for (int i = 0; i < this.names.size(); i++) {
                index.putIfAbsent(this.names.get(i), i);
            }
        }

        boolean has(String column) {
            return index.containsKey(column);
        }

        int size() {
            return names.size();
        }

        List<String> names() {
            return names;
        }

        /** -1 when the file has no such column */
        int indexOf(String column) {
            Integer i = index.get(column);
            return i == null ? -1 : i;
        }
    }

    /** The current record, read by column name; a bad value throws {@link BadValue} naming its column. */
    static final class Row {
        private final Header header;
        private long line;
        private CSVRecord record;
        private Set<String> codeColumns;
        private int[] codeIndexes;

        Row(Header header) {
            this.header = header;
        }

        private void at(long line, CSVRecord record) {
            this.line = line;
            this.record = record;
        }

        long line() {
            return line;
        }

        /** @return the value stripped of surrounding white space, null when empty or the file has no such column */
        String text(String column) {
            int i = header.indexOf(column);
            if (i < 0) {
                return null;
            }
            String value = record.get(i);
            if (value.isEmpty()) {
                return null;
            }
            value = value.strip();
            return value.isEmpty() ? null : value;
        }

        String required(String column) {
            String value = text(column);
            if (value == null) {
                throw new BadValue(column, "empty");
            }
            return value;
        }

        /** a required whole number ≥ 0 (deaths, counts) */
        int count(String column) {
            return count(column, required(column));
        }

        /** an optional whole number ≥ 0, null when empty */
        Integer optionalCount(String column) {
            String value = text(column);
            return value == null ? null : count(column, value);
        }

        private static int count(String column, String value) {
            try {
                int n = Integer.parseInt(value);
                if (n >= 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // below
            }
            throw new BadValue(column, "not a whole number ≥ 0: " + value);
        }

        /** an optional decimal number, e.g. GDELT's GoldsteinScale, checked so a shifted column shows */
        Double decimal(String column, double min, double max) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                double d = Double.parseDouble(value);
                if (d >= min && d <= max) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // below
            }
            throw new BadValue(column, "not a number from " + plain(min) + " to " + plain(max) + ": " + value);
        }

        /** the values of {@code columns} that are not empty, verbatim, in the file's order */
        Map<String, String> codes(Set<String> columns) {
            if (columns != codeColumns) {
                // which of the file's columns are codes is the same for every row: found once
                List<String> names = header.names();
                int[] found = new int[names.size()];
                int n = 0;
                for (int i = 0; i < names.size(); i++) {
                    if (columns.contains(names.get(i)) && header.indexOf(names.get(i)) == i) {
                        found[n++] = i;
                    }
                }
                codeIndexes = java.util.Arrays.copyOf(found, n);
                codeColumns = columns;
            }
            Map<String, String> codes = new LinkedHashMap<>(codeIndexes.length * 2);
            for (int i : codeIndexes) {
                String value = record.get(i);
                if (!value.isEmpty()) {
                    value = value.strip();
                    if (!value.isEmpty()) {
                        codes.put(header.names().get(i), value);
                    }
                }
            }
            return codes;
        }

        /** latitude and longitude together, or neither (both null) */
        Coordinates coordinates(String latitude, String longitude) {
            Double lat = decimal(latitude, -90, 90);
            Double lon = decimal(longitude, -180, 180);
            if ((lat == null) != (lon == null)) {
                String empty = lat == null ? latitude : longitude;
                throw new BadValue(empty, "empty, though " + (lat == null ? longitude : latitude) + " is given");
            }
            return new Coordinates(lat, lon);
        }

        /**
         * @return the ISO alpha-2 code of the column's code in {@code table}; null when the column is empty or the
         *     table knows the code but ISO has none for it
         */
        String country(String column, CountryTable table) {
            String code = text(column);
            if (code == null) {
                return null;
            }
            if (!table.knows(code)) {
                throw new BadValue(column, "unknown " + table.system() + ": " + code);
            }
            return table.alpha2(code);
        }

        /** like {@link #country}, for an incident's place, which must have a country */
        String placeCountry(String column, CountryTable table) {
            String country = country(column, table);
            if (country == null && text(column) != null) {
                throw new BadValue(column, noCountry(text(column)));
            }
            return country;
        }

        static String noCountry(String code) {
            return code + " has no ISO 3166-1 country code, and an incident's place needs one";
        }

        private static String plain(double d) {
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        }
    }

    record Coordinates(Double lat, Double lon) {}

    /** yyyy-MM-dd at the start of {@code value}, or null when it does not start so */
    static LocalDate isoDate(String column, String value) {
        if (value.length() < 10 || value.charAt(4) != '-' || value.charAt(7) != '-') {
            return null;
        }
        return date(column, value, digits(value, 0, 4), digits(value, 5, 7), digits(value, 8, 10));
    }

    /** yyyyMMdd, GDELT's SQLDATE */
    static LocalDate compactDate(String column, String value) {
        if (value.length() != 8) {
            throw new BadValue(column, "not a date (yyyyMMdd): " + value);
        }
        return date(column, value, digits(value, 0, 4), digits(value, 4, 6), digits(value, 6, 8));
    }

    static LocalDate date(String column, String value, int year, int month, int day) {
        if (year < 0 || month < 0 || day < 0) {
            throw new BadValue(column, "not a date: " + value);
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new BadValue(column, "not a date: " + value);
        }
    }

    /** the decimal number in value[from, to), or -1 when a character there is no digit */
    static int digits(String value, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** What makes a row unusable: the column at fault and why, for {@link RowProblem}. */
    static final class BadValue extends RuntimeException {
        final String column;
        final String reason;

        BadValue(String column, String reason) {
            super(reason, null, false, false);
            this.column = column;
            this.reason = reason;
        }
    }
}
