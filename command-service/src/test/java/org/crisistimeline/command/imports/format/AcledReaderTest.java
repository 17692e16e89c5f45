package org.crisistimeline.command.imports.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crisistimeline.command.imports.ImportRow;
import org.crisistimeline.command.imports.ImportRow.Citation;
import org.crisistimeline.command.imports.ImportRow.Fatalities;
import org.crisistimeline.command.imports.ImportRow.Party;
import org.crisistimeline.command.imports.RowProblem;
import org.junit.jupiter.api.Test;

class AcledReaderTest {

    private static final Path FIXTURE = Figures.fixture("acled-fixture.csv");

    /** the fixture's country names as ACLED writes them, and their ISO codes: the test's own knowledge */
    private static final Map<String, String> COUNTRY_NAMES = Map.ofEntries(
            Map.entry("Iraq", "IQ"),
            Map.entry("Yemen", "YE"),
            Map.entry("Afghanistan", "AF"),
            Map.entry("Nigeria", "NG"),
            Map.entry("Burkina Faso", "BF"),
            Map.entry("Democratic Republic of Congo", "CD"),
            Map.entry("United Kingdom", "GB"),
            Map.entry("Australia", "AU"),
            Map.entry("Ukraine", "UA"),
            Map.entry("Palestine", "PS"),
            Map.entry("South Sudan", "SS"),
            Map.entry("Kosovo", "XK"));

    private static final DateTimeFormatter SPELLED_OUT = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final AcledReader reader = new AcledReader();

    @Test
    void theFixtureReadsToTheFiguresAnotherCsvParserFindsInIt() throws IOException {
        Figures.Read read = Figures.read(reader, Files.newInputStream(FIXTURE), "2024-06-10");

        Figures expected = independentFigures(FIXTURE);
        assertThat(read.problems()).isEmpty();
        assertThat(Figures.of(read.rows(), "event_type")).isEqualTo(expected);
        assertThat(expected.perType).hasSize(6);
        assertThat(expected.perPrecision).containsKeys("DAY", "WEEK", "MONTH");
    }

    /**
     * The figures of an ACLED file as Jackson's CSV module reads it and this test maps it, apart from the reader: what
     * the reader, and the import after it, must come to. The original code is {@code event_type}.
     */
    static Figures independentFigures(Path file) {
        Figures expected = new Figures();
        for (Map<String, String> row : independently(file)) {
            String type = switch (row.get("event_type")) {
                case "Battles" -> "BATTLE";
                case "Violence against civilians" -> "VIOLENCE_AGAINST_CIVILIANS";
                case "Explosions/Remote violence" -> "EXPLOSION";
                case "Riots" -> "RIOT";
                case "Protests" -> "PROTEST";
                case "Strategic developments" -> "STRATEGIC_DEVELOPMENT";
                default -> throw new AssertionError(row);
            };
            String precision = switch (row.get("time_precision")) {
                case "1" -> "DAY";
                case "2" -> "WEEK";
                case "3" -> "MONTH";
                default -> throw new AssertionError(row);
            };
            String written = row.get("event_date");
            LocalDate date = written.contains(" ") ? LocalDate.parse(written, SPELLED_OUT) : LocalDate.parse(written);
            int fatalities = Integer.parseInt(row.get("fatalities"));
            expected.add(
                    type,
                    row.get("event_type"),
                    COUNTRY_NAMES.get(row.get("country")),
                    date,
                    date,
                    precision,
                    fatalities,
                    fatalities,
                    fatalities);
        }
        return expected;
    }

    @Test
    void aRowKeepsItsIdentityCodesAndRevisionVerbatim() {
        List<ImportRow> rows = Figures.read(reader, FIXTURE, "2024-06-10").rows();
        List<Map<String, String>> original = independently();
        List<String> lines = Figures.physicalLines(FIXTURE);

        assertThat(rows).hasSameSizeAs(original);
        for (int i = 0; i < rows.size(); i++) {
            ImportRow row = rows.get(i);
            Map<String, String> columns = original.get(i);
            assertThat(lines.get((int) row.line() - 1)).startsWith(row.rowId() + ",");
            assertThat(row.rowId()).isEqualTo(columns.get("event_id_cnty"));
            assertThat(row.release()).isEqualTo("2024-06-10");
            assertThat(row.revision()).isEqualTo(columns.get("timestamp"));
            assertThat(row.summary()).isEqualTo(columns.get("notes"));
            assertThat(row.codes())
                    .containsEntry("sub_event_type", columns.get("sub_event_type"))
                    .containsEntry("disorder_type", columns.get("disorder_type"))
                    .containsEntry("iso", columns.get("iso"))
                    .containsEntry("geo_precision", columns.get("geo_precision"))
                    .containsEntry("interaction", columns.get("interaction"))
                    .doesNotContainKey("population_best");
            assertThat(row.place().admin1()).isEqualTo(columns.get("admin1"));
            assertThat(row.place().name()).isEqualTo(columns.get("location"));
            assertThat(row.place().precision()).isEqualTo(columns.get("geo_precision"));
            assertThat(row.parties().get(0))
                    .isEqualTo(new Party(columns.get("actor1"), columns.get("actor1"), null, "INITIATOR"));
        }
        assertThat(rows).anySatisfy(row -> assertThat(row.summary()).contains("\n"));
    }

    @Test
    void brokenRowsAreReportedWithTheirLineColumnAndReasonAndTheGoodRowsAreRead() {
        Figures.Read read = Figures.read(reader, Figures.fixture("acled-broken.csv"), "2024-06-10");

        assertThat(read.problems())
                .containsExactly(
                        new RowProblem(3, "event_type", "not an ACLED event type: Battle"),
                        new RowProblem(4, "event_date", "not a date: 31 June 2024"),
                        new RowProblem(5, "event_date", "not a date (2024-06-10 or 10 June 2024): 2024/06/10"),
                        new RowProblem(6, "year", "2023, but event_date is in 2024"),
                        new RowProblem(7, "time_precision", "not an ACLED time precision (1–3): 4"),
                        new RowProblem(8, "iso", "unknown ISO 3166-1 numeric code: 999"),
                        new RowProblem(9, "fatalities", "not a whole number ≥ 0: many"),
                        new RowProblem(13, "longitude", "empty, though latitude is given"),
                        new RowProblem(14, null, "19 fields where the header has 18"),
                        new RowProblem(
                                15,
                                null,
                                "text follows the closing quote of a quoted field, so the rest of the file cannot be"
                                        + " read"));
        assertThat(read.rows())
                .extracting(ImportRow::line, ImportRow::rowId)
                .containsExactly(tuple(2L, "IRQ1"), tuple(10L, "AFG9"));

        ImportRow clash = read.rows().get(0);
        assertThat(clash.citations())
                .containsExactly(
                        new Citation("Reuters", null, null, null), new Citation("Al Sumaria", null, null, null));
        assertThat(clash.fatalities()).isEqualTo(new Fatalities(3, 3, 3));
        ImportRow protest = read.rows().get(1);
        assertThat(protest.dateStart()).isEqualTo(LocalDate.of(2024, 3, 3));
        assertThat(protest.datePrecision()).isEqualTo(ImportRow.DatePrecision.WEEK);
        assertThat(protest.place().country()).isEqualTo("AF"); // iso 4, without ISO's leading zeros
        assertThat(protest.parties())
                .extracting(Party::name, Party::role)
                .containsExactly(
                        tuple("Protesters (Afghanistan)", "INITIATOR"),
                        tuple("Students (Afghanistan)", "PARTICIPANT"),
                        tuple("Teachers (Afghanistan)", "PARTICIPANT"));
    }

    @Test
    void printsItsSpeed() throws IOException {
        String text = Files.readString(FIXTURE);
        int body = text.indexOf('\n') + 1;
        Figures.printSpeed(
                reader,
                "2024-06-10",
                text.substring(0, body).getBytes(StandardCharsets.UTF_8),
                text.substring(body).getBytes(StandardCharsets.UTF_8),
                200);
    }

    private static List<Map<String, String>> independently() {
        return independently(FIXTURE);
    }

    static List<Map<String, String>> independently(Path file) {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper()
                .readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(file.toFile())) {
            return rows.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
