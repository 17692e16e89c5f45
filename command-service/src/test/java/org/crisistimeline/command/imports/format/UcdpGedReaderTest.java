package org.crisistimeline.command.imports.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.crisistimeline.command.imports.ImportRow;
import org.crisistimeline.command.imports.ImportRow.Citation;
import org.crisistimeline.command.imports.ImportRow.Party;
import org.crisistimeline.command.imports.RowProblem;
import org.junit.jupiter.api.Test;

class UcdpGedReaderTest {

    private static final Path FIXTURE = Figures.fixture("ucdp-ged-fixture.csv");

    /** the fixture's country names as UCDP writes them, and their ISO codes: the test's own knowledge */
    private static final Map<String, String> COUNTRY_NAMES = Map.ofEntries(
            Map.entry("Iraq", "IQ"),
            Map.entry("Syria", "SY"),
            Map.entry("Afghanistan", "AF"),
            Map.entry("Yemen (North Yemen)", "YE"),
            Map.entry("Serbia (Yugoslavia)", "RS"),
            Map.entry("Russia (Soviet Union)", "RU"),
            Map.entry("DR Congo (Zaire)", "CD"),
            Map.entry("Nigeria", "NG"),
            Map.entry("Burkina Faso", "BF"),
            Map.entry("Ivory Coast", "CI"),
            Map.entry("United Kingdom", "GB"),
            Map.entry("Kosovo", "XK"));

    private final UcdpGedReader reader = new UcdpGedReader();

    @Test
    void theFixtureReadsToTheFiguresAnotherCsvParserFindsInIt() throws IOException {
        Figures.Read read = Figures.read(reader, Files.newInputStream(FIXTURE), "23.1");

        Figures expected = independentFigures(FIXTURE);
        assertThat(read.problems()).isEmpty();
        assertThat(Figures.of(read.rows(), "type_of_violence")).isEqualTo(expected);
        // the traps are in the fixture, so the comparison covers them
        assertThat(expected.perPrecision).containsKeys("DAY", "WEEK", "MONTH", "YEAR");
        assertThat(expected.perCountry).containsKey("XK");
        assertThat(expected.multiDayRanges).isPositive();
    }

    /**
     * The figures of a GED file as Jackson's CSV module reads it and this test maps it, apart from the reader: what
     * the reader, and the import after it, must come to. The original code is {@code type_of_violence}.
     */
    static Figures independentFigures(Path file) {
        Figures expected = new Figures();
        for (Map<String, String> row : independently(file)) {
            String type = switch (row.get("type_of_violence")) {
                case "1", "2" -> "BATTLE";
                case "3" -> "VIOLENCE_AGAINST_CIVILIANS";
                default -> throw new AssertionError(row);
            };
            String precision = switch (row.get("date_prec")) {
                case "1" -> "DAY";
                case "2", "3" -> "WEEK";
                case "4" -> "MONTH";
                case "5" -> "YEAR";
                default -> throw new AssertionError(row);
            };
            expected.add(
                    type,
                    row.get("type_of_violence"),
                    COUNTRY_NAMES.get(row.get("country")),
                    LocalDate.parse(row.get("date_start").substring(0, 10)),
                    LocalDate.parse(row.get("date_end").substring(0, 10)),
                    precision,
                    Integer.parseInt(row.get("low")),
                    Integer.parseInt(row.get("best")),
                    Integer.parseInt(row.get("high")));
        }
        return expected;
    }

    @Test
    void eachRowKnowsThePhysicalLineItStartsOnThoughQuotedFieldsBreakLines() {
        List<String> lines = Figures.physicalLines(FIXTURE);
        List<ImportRow> rows = Figures.read(reader, FIXTURE, "23.1").rows();

        assertThat(lines).hasSizeGreaterThan(rows.size() + 2); // the fixture has line breaks inside quoted fields
        assertThat(rows)
                .allSatisfy(row -> assertThat(lines.get((int) row.line() - 1)).startsWith(row.rowId() + ","));
        assertThat(rows.get(0).line()).isEqualTo(3); // under the header and its HXL hashtag row
    }

    @Test
    void aRowKeepsItsIdentityAndCodesVerbatimAndItsTextInUtf8() {
        List<ImportRow> rows = Figures.read(reader, FIXTURE, "23.1").rows();
        List<Map<String, String>> original = independently(FIXTURE);

        for (int i = 0; i < rows.size(); i++) {
            ImportRow row = rows.get(i);
            Map<String, String> columns = original.get(i);
            assertThat(row.dataset()).isEqualTo("UCDP GED");
            assertThat(row.release()).isEqualTo("23.1");
            assertThat(row.rowId()).isEqualTo(columns.get("id"));
            assertThat(row.codes())
                    .containsEntry("conflict_new_id", columns.get("conflict_new_id"))
                    .containsEntry("dyad_new_id", columns.get("dyad_new_id"))
                    .containsEntry("side_a_new_id", columns.get("side_a_new_id"))
                    .containsEntry("where_prec", columns.get("where_prec"))
                    .containsEntry("country_id", columns.get("country_id"))
                    .doesNotContainKey("analyst_note");
            assertThat(row.place().name()).isEqualTo(columns.get("where_coordinates"));
            assertThat(row.place().admin1()).isEqualTo(columns.get("adm_1"));
            assertThat(row.place().precision()).isEqualTo(columns.get("where_prec"));
            assertThat(row.parties().get(0))
                    .isEqualTo(new Party(
                            columns.get("side_a_new_id"),
                            columns.get("side_a"),
                            row.parties().get(0).country(),
                            "INITIATOR"));
            assertThat(row.parties().get(1).role()).isEqualTo("TARGET");
            assertThat(row.citations())
                    .containsExactly(
                            new Citation(columns.get("source_article"), null, null, columns.get("source_headline")));
        }
        assertThat(rows).anySatisfy(row -> assertThat(row.place().admin1()).isEqualTo("Ḩalab governorate"));
        assertThat(rows)
                .anySatisfy(
                        row -> assertThat(row.citations().get(0).publisher()).contains("\n"));
    }

    @Test
    void aByteOrderMarkWindowsLineEndingsAndBlankLinesKeepTheLineNumbersExact() {
        String csv =
                "\uFEFFid,type_of_violence,country_id,date_prec,date_start,date_end,best,low,high,source_article\r\n"
                        + "1,1,645,1,2017-06-25,2017-06-25,1,1,1,\"two\r\nlines\"\r\n"
                        + "\r\n"
                        + "2,1,645,1,2017-06-25,2017-06-25,1,1,1,one line\r\n"
                        + "3,9,645,1,2017-06-25,2017-06-25,1,1,1,one line\r\n";
        Figures.Read read = Figures.read(reader, csv, "23.1");

        assertThat(read.rows())
                .extracting(ImportRow::rowId, ImportRow::line)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("1", 2L), org.assertj.core.groups.Tuple.tuple("2", 5L));
        assertThat(read.rows().get(0).citations().get(0).publisher()).isEqualTo("two\r\nlines");
        assertThat(read.problems()).extracting(RowProblem::line).containsExactly(6L);
    }

    @Test
    void sideACountryComesFromGwnoaUnlessItNamesAnAlliance() {
        String csv = """
                id,type_of_violence,country_id,date_prec,date_start,date_end,best,low,high,side_a_new_id,side_a,gwnoa
                1,1,645,1,2017-06-25,2017-06-25,1,1,1,745,Government of Iraq,645
                2,1,645,1,2017-06-25,2017-06-25,1,1,1,999,Government of United States of America,"2, 200"
                """;
        List<ImportRow> rows = Figures.read(reader, csv, "23.1").rows();

        assertThat(rows.get(0).parties()).containsExactly(new Party("745", "Government of Iraq", "IQ", "INITIATOR"));
        assertThat(rows.get(1).parties().get(0).country()).isNull();
    }

    @Test
    void iso3GivesTheCountryWhereTheReleaseHasIt() {
        String csv = """
                id,type_of_violence,country_id,iso3,date_prec,date_start,date_end,best,low,high
                1,1,645,IRQ,1,2017-06-25,2017-06-25,1,1,1
                2,1,345,,1,2017-06-25,2017-06-25,1,1,1
                3,1,645,XYZ,1,2017-06-25,2017-06-25,1,1,1
                """;
        Figures.Read read = Figures.read(reader, csv, "19.1");

        assertThat(read.rows()).extracting(r -> r.place().country()).containsExactly("IQ", "RS");
        assertThat(read.problems()).containsExactly(new RowProblem(4, "iso3", "unknown ISO 3166-1 alpha-3 code: XYZ"));
    }

    @Test
    void brokenRowsAreReportedWithTheirLineColumnAndReasonAndTheGoodRowsAreRead() {
        Figures.Read read = Figures.read(reader, Figures.fixture("ucdp-ged-broken.csv"), "23.1");

        assertThat(read.problems())
                .containsExactly(
                        new RowProblem(3, "type_of_violence", "not 1 (state-based), 2 (non-state) or 3 (one-sided): 4"),
                        new RowProblem(6, "date_start", "not a date: 2020-02-30"),
                        new RowProblem(7, "date_end", "before date_start 2020-03-10: 2020-03-08"),
                        new RowProblem(8, "best", "best 2 is not between low 3 and high 5"),
                        new RowProblem(9, "country_id", "unknown Gleditsch-Ward state number: 999"),
                        new RowProblem(10, null, "3 fields where the header has 16"),
                        new RowProblem(11, "id", "empty"),
                        new RowProblem(12, "latitude", "not a number from -90 to 90: 95"),
                        new RowProblem(13, "date_prec", "not a UCDP date precision (1–5): 7"),
                        new RowProblem(16, "low", "not a whole number ≥ 0: -3"),
                        new RowProblem(
                                17,
                                null,
                                "a quoted field opens here and is never closed, so the rest of the file cannot be"
                                        + " read"));
        assertThat(read.rows())
                .extracting(ImportRow::line, ImportRow::rowId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2L, "9001"),
                        org.assertj.core.groups.Tuple.tuple(4L, "9003"),
                        org.assertj.core.groups.Tuple.tuple(15L, "9012"));
        ImportRow kosovo = read.rows().get(2);
        assertThat(kosovo.place().country())
                .isEqualTo("XK"); // Gleditsch-Ward 347: ISO has no code, XK is the usual one
        assertThat(kosovo.datePrecision()).isEqualTo(ImportRow.DatePrecision.YEAR);
        assertThat(kosovo.dateEnd()).isEqualTo(LocalDate.of(2019, 12, 31));
    }

    @Test
    void aHeaderWithoutARequiredColumnIsReportedOnItsLineAndNothingIsRead() {
        String csv = "id,type_of_violence,date_start,date_end,best,low,high\n1,1,2017-06-25,2017-06-25,1,1,1\n";
        Figures.Read read = Figures.read(reader, csv, "23.1");

        assertThat(read.rows()).isEmpty();
        assertThat(read.problems())
                .containsExactly(
                        new RowProblem(1, "country_id", "no such column in the header"),
                        new RowProblem(1, "date_prec", "no such column in the header"));
    }

    @Test
    void theReleaseMustBeNamedForAGedFileDoesNotSayIt() {
        assertThatThrownBy(() ->
                        reader.read(new java.io.ByteArrayInputStream(new byte[0]), null, row -> {}, problem -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("release");
    }

    @Test
    void printsItsSpeed() throws IOException {
        byte[] all = Files.readAllBytes(FIXTURE);
        String text = new String(all, java.nio.charset.StandardCharsets.UTF_8);
        int body = text.indexOf('\n', text.indexOf('\n') + 1) + 1; // after the header and the HXL row
        byte[] header = text.substring(0, body).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] rows = text.substring(body).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Figures.printSpeed(reader, "23.1", header, rows, 200);
    }

    /** the fixture as Jackson's CSV module reads it, the HXL row left out */
    static List<Map<String, String>> independently(Path file) {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper()
                .readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(file.toFile())) {
            return rows.readAll().stream()
                    .filter(r -> !r.get("id").startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
