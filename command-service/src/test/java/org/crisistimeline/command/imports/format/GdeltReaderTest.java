package org.crisistimeline.command.imports.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.crisistimeline.command.imports.ImportRow;
import org.crisistimeline.command.imports.ImportRow.Citation;
import org.crisistimeline.command.imports.ImportRow.Party;
import org.crisistimeline.command.imports.RowProblem;
import org.junit.jupiter.api.Test;

class GdeltReaderTest {

    private static final Path EXPORT = Figures.fixture("gdelt-fixture.export.CSV");
    private static final Path WITH_HEADER = Figures.fixture("gdelt-fixture-header.csv");

    /** the last part of ActionGeo_FullName in the fixture, and its ISO code: the test's own knowledge */
    private static final Map<String, String> COUNTRY_NAMES = Map.ofEntries(
            Map.entry("Iraq", "IQ"),
            Map.entry("United Kingdom", "GB"),
            Map.entry("Australia", "AU"),
            Map.entry("Germany", "DE"),
            Map.entry("Russia", "RU"),
            Map.entry("South Africa", "ZA"),
            Map.entry("Ukraine", "UA"),
            Map.entry("Iran", "IR"),
            Map.entry("Ireland", "IE"),
            Map.entry("Gaza Strip", "PS"),
            Map.entry("Algeria", "DZ"),
            Map.entry("Kosovo", "XK"));

    /** the fixture's CAMEO actor country codes and their ISO codes (a region has none) */
    private static final Map<String, String> ACTOR_COUNTRIES =
            Map.of("IRQ", "IQ", "USA", "US", "GBR", "GB", "IRN", "IR", "ROM", "RO", "WSB", "PS", "AFR", "-", "", "-");

    private static final DateTimeFormatter DATE_ADDED = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final GdeltReader reader = new GdeltReader();

    @Test
    void theExportReadsToTheFiguresAnotherCsvParserFindsInIt() throws IOException {
        Figures.Read read = Figures.read(reader, Files.newInputStream(EXPORT), null);

        Figures expected = new Figures();
        Map<String, Long> actorCountries = new TreeMap<>();
        for (Map<String, String> row : independently()) {
            String type = switch (row.get("EventRootCode")) {
                case "01", "02", "03", "09", "10", "11", "12", "13" -> "STATEMENT";
                case "04", "05", "08" -> "DIPLOMACY";
                case "06", "07" -> "AGREEMENT";
                case "14" -> "PROTEST";
                case "15", "17" -> "STRATEGIC_DEVELOPMENT";
                case "16" -> "SANCTION";
                case "18", "20" -> "VIOLENCE_AGAINST_CIVILIANS";
                case "19" -> "BATTLE";
                default -> throw new AssertionError(row);
            };
            String fullName = row.get("ActionGeo_FullName");
            String country = fullName.isEmpty()
                    ? Figures.NO_PLACE
                    : COUNTRY_NAMES.get(
                            fullName.substring(fullName.lastIndexOf(", ") + 1).strip());
            LocalDate day = LocalDate.parse(row.get("SQLDATE"), DateTimeFormatter.BASIC_ISO_DATE);
            expected.add(type, row.get("EventCode"), country, day, day, "DAY", 0, 0, 0);
            for (String actor : List.of("Actor1", "Actor2")) {
                if (!row.get(actor + "Code").isEmpty()) {
                    actorCountries.merge(ACTOR_COUNTRIES.get(row.get(actor + "CountryCode")), 1L, Long::sum);
                }
            }
        }
        assertThat(read.problems()).isEmpty();
        assertThat(Figures.of(read.rows(), "EventCode")).isEqualTo(expected);
        assertThat(expected.perCountry).containsKeys(Figures.NO_PLACE, "XK", "GB", "AU", "IQ", "DE");
        assertThat(expected.perCode).containsKeys("010", "0211", "043"); // leading zeros kept

        Map<String, Long> readActorCountries = new TreeMap<>();
        read.rows().stream()
                .flatMap(r -> r.parties().stream())
                .forEach(p -> readActorCountries.merge(p.country() == null ? "-" : p.country(), 1L, Long::sum));
        assertThat(readActorCountries).isEqualTo(actorCountries);
    }

    @Test
    void aRowKeepsItsCodesVerbatimAndCitesItsSource() {
        List<ImportRow> rows = Figures.read(reader, EXPORT, null).rows();
        List<Map<String, String>> original = independently();
        List<String> lines = Figures.physicalLines(EXPORT);

        assertThat(rows).hasSameSizeAs(original);
        for (int i = 0; i < rows.size(); i++) {
            ImportRow row = rows.get(i);
            Map<String, String> columns = original.get(i);
            assertThat(lines.get((int) row.line() - 1)).startsWith(row.rowId() + "\t");
            assertThat(row.dataset()).isEqualTo("GDELT");
            assertThat(row.release()).isEqualTo("2.0");
            for (String code : List.of(
                    "EventCode",
                    "EventBaseCode",
                    "EventRootCode",
                    "QuadClass",
                    "GoldsteinScale",
                    "NumMentions",
                    "NumSources",
                    "NumArticles",
                    "AvgTone")) {
                assertThat(row.codes()).containsEntry(code, columns.get(code));
            }
            Instant added =
                    LocalDateTime.parse(columns.get("DATEADDED"), DATE_ADDED).toInstant(ZoneOffset.UTC);
            assertThat(row.citations())
                    .containsExactly(new Citation("news.example.org", columns.get("SOURCEURL"), added, null));
            if (columns.get("ActionGeo_FullName").isEmpty()) {
                assertThat(row.place()).isNull();
            } else {
                assertThat(row.place().name()).isEqualTo(columns.get("ActionGeo_FullName"));
                assertThat(row.place().precision()).isEqualTo(columns.get("ActionGeo_Type"));
                assertThat(row.place().lat()).isEqualTo(Double.valueOf(columns.get("ActionGeo_Lat")));
            }
            if (!columns.get("Actor1Code").isEmpty()) {
                assertThat(row.parties().get(0))
                        .extracting(Party::key, Party::name, Party::role)
                        .containsExactly(columns.get("Actor1Code"), columns.get("Actor1Name"), "INITIATOR");
            }
        }
        // a quote is an ordinary character in the export: the name keeps it and the row ends where its line does
        assertThat(rows)
                .anySatisfy(r -> assertThat(r.parties()).extracting(Party::name).contains("\"HARDLINERS"));
    }

    @Test
    void theZippedExportAndACsvWithAHeaderReadToTheSameRows() throws IOException {
        List<ImportRow> export = withoutLines(
                Figures.read(reader, Files.newInputStream(EXPORT), null).rows());

        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
            zip.putNextEntry(new ZipEntry("20240610123000.export.CSV"));
            zip.write(Files.readAllBytes(EXPORT));
        }
        Figures.Read fromZip = Figures.read(reader, new ByteArrayInputStream(zipped.toByteArray()), null);
        Figures.Read fromHeader = Figures.read(reader, Files.newInputStream(WITH_HEADER), "2.0");

        assertThat(fromZip.problems()).isEmpty();
        assertThat(withoutLines(fromZip.rows())).isEqualTo(export);
        assertThat(fromHeader.problems()).isEmpty();
        assertThat(withoutLines(fromHeader.rows())).isEqualTo(export);
        assertThat(fromHeader.rows().get(0).line()).isEqualTo(2);
    }

    @Test
    void brokenRowsAreReportedWithTheirLineColumnAndReasonAndTheGoodRowsAreRead() {
        Figures.Read read = Figures.read(reader, Figures.fixture("gdelt-broken.export.CSV"), null);

        assertThat(read.problems())
                .containsExactly(
                        new RowProblem(2, null, "60 fields where the format has 61"),
                        new RowProblem(3, "EventRootCode", "not a CAMEO root code (01–20): 21"),
                        new RowProblem(4, "EventRootCode", "not a CAMEO root code (01–20): 4"),
                        new RowProblem(5, "EventCode", "not a CAMEO event code under EventRootCode 18: 190"),
                        new RowProblem(6, "SQLDATE", "not a date: 20240231"),
                        new RowProblem(7, "ActionGeo_CountryCode", "unknown FIPS 10-4 country code: XX"),
                        new RowProblem(8, "Actor1CountryCode", "unknown CAMEO country code: ZZZ"),
                        new RowProblem(9, "GoldsteinScale", "not a number from -10 to 10: abc"),
                        new RowProblem(11, "DATEADDED", "not a time (yyyyMMddHHmmss): 2024061012"),
                        new RowProblem(13, "GLOBALEVENTID", "empty"),
                        new RowProblem(
                                14,
                                "ActionGeo_CountryCode",
                                "PG has no ISO 3166-1 country code, and an incident's place needs one"));
        assertThat(read.rows())
                .extracting(ImportRow::line, ImportRow::rowId)
                .containsExactly(tuple(1L, "1100000000"), tuple(12L, "2000000012"));
        assertThat(read.rows().get(1).place()).isNull(); // blank geography: no place, not a guessed one
    }

    @Test
    void printsItsSpeed() throws IOException {
        Figures.printSpeed(reader, null, new byte[0], Files.readAllBytes(EXPORT), 200);
    }

    private static List<ImportRow> withoutLines(List<ImportRow> rows) {
        return rows.stream()
                .map(r -> new ImportRow(
                        0,
                        r.dataset(),
                        r.release(),
                        r.rowId(),
                        r.type(),
                        r.dateStart(),
                        r.dateEnd(),
                        r.datePrecision(),
                        r.place(),
                        r.parties(),
                        r.summary(),
                        r.fatalities(),
                        r.citations(),
                        r.codes(),
                        r.revision()))
                .toList();
    }

    /** the export as Jackson's CSV module reads it: tab-separated, no quoting, the columns by the codebook's names */
    private static List<Map<String, String>> independently() {
        CsvSchema tabs = CsvSchema.emptySchema().withColumnSeparator('\t').withoutQuoteChar();
        try (MappingIterator<String[]> rows = new CsvMapper()
                .readerFor(String[].class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY)
                .with(tabs)
                .readValues(EXPORT.toFile())) {
            return rows.readAll().stream()
                    .map(values -> {
                        Map<String, String> row = new HashMap<>();
                        for (int i = 0; i < values.length; i++) {
                            row.put(DatasetFixtures.GDELT_COLUMNS.get(i), values[i]);
                        }
                        return row;
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
