package org.crisistimeline.command.imports.format;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.crisistimeline.testsupport.RealInfrastructure;
import org.crisistimeline.testsupport.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * The real readers through the one import path ({@code POST /api/v1/imports}, the import jobs, the event store on
 * PostgreSQL): what the event store holds after a fixture's import, and what a data set's next release does to the
 * incidents of the one before.
 *
 * <p>An event store of its own (the test database is named after {@code spring.application.name}): the README's
 * samples imported here are imported as brand new by {@code ImportIT}, which shares the other one.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=command-service-datasets")
@ContextConfiguration(initializers = RealInfrastructure.class)
class DataSetImportIT {

    private static final String EDITOR = TestTokens.token("test-editor", "editor");
    private static final Path SAMPLES = Path.of("../infra/demo-data/samples");

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    private final ObjectMapper json = new ObjectMapper();

    /**
     * Release 1 is the README's sample, release 2 its next-release file: figures, dates and an actor changed, rows
     * dropped, a row added. Which rows changed is worked out from the two files here, column by column.
     */
    @ParameterizedTest
    @CsvSource({
        "ucdp-ged, UCDP GED, id, ucdp-ged-sample.csv, 23.1, ucdp-ged-sample-24.1.csv, 24.1,"
                + " 900005, 130, 900009, 2021-05-17, 900008, ucdp-ged-actor-90026",
        "acled, ACLED, event_id_cnty, acled-sample.csv, 2024-06-10, acled-sample-2024-06-17.csv, 2024-06-17,"
                + " SMP1001, 4, SMP1005, 2024-06-08, SMP1009, acled-actor-white-army-nuer-ethnic-militia-"
    })
    void aNextReleaseAmendsTheRowsItChangedAndRetractsTheRowsItDroppedWithTheReleaseAsReason(
            String format,
            String dataset,
            String idColumn,
            String firstFile,
            String firstRelease,
            String nextFile,
            String nextRelease,
            String recounted,
            int best,
            String redated,
            String occurredOn,
            String reassigned,
            String newActor)
            throws Exception {
        Map<String, Map<String, String>> first = rowsById(SAMPLES.resolve(firstFile), idColumn);
        Map<String, Map<String, String>> next = rowsById(SAMPLES.resolve(nextFile), idColumn);
        Set<String> kept = new TreeSet<>(first.keySet());
        kept.retainAll(next.keySet());
        Set<String> changed = kept.stream()
                .filter(id -> !first.get(id).equals(next.get(id)))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> dropped = new TreeSet<>(first.keySet());
        dropped.removeAll(next.keySet());
        Set<String> added = new TreeSet<>(next.keySet());
        added.removeAll(first.keySet());
        String crisis = format + "-releases";
        String prefix = format + "-";

        JsonNode initial =
                importFile(format, firstFile, "&crisis=" + crisis + "&createCrisis=Releases&release=" + firstRelease);
        JsonNode revised =
                importFile(format, nextFile, "&crisis=" + crisis + "&release=" + nextRelease + "&retractMissing=true");

        assertThat(initial.at("/counts/imported").asLong()).as("%s", initial).isEqualTo(first.size());
        assertThat(changed).contains(recounted, redated, reassigned);
        assertThat(dropped).isNotEmpty();
        assertThat(added).isNotEmpty();
        assertThat(revised.get("counts"))
                .as("%s", revised)
                .isEqualTo(json.readTree(("{\"rowsRead\":%d,\"imported\":%d,\"unchanged\":%d,\"amended\":%d,"
                                + "\"retracted\":%d,\"refused\":0}")
                        .formatted(
                                next.size(),
                                added.size(),
                                kept.size() - changed.size(),
                                changed.size(),
                                dropped.size())));
        String reason = dataset + " " + nextRelease;
        for (String id : changed) {
            List<Map<String, Object>> events = events(prefix + id);
            assertThat(events.get(1).get("payload_type")).as(id).asString().endsWith("IncidentAmended");
            assertThat(payload(events.get(1)).get("reason").asText()).isEqualTo(reason);
            assertThat(json.readTree((byte[]) events.get(1).get("meta_data"))
                            .get("reason")
                            .asText())
                    .as("the audit trail's reason")
                    .isEqualTo(reason);
        }
        for (String id : dropped) {
            List<Map<String, Object>> events = events(prefix + id);
            assertThat(events).hasSize(2);
            assertThat(events.get(1).get("payload_type")).as(id).asString().endsWith("IncidentRetracted");
            assertThat(payload(events.get(1)).get("reason").asText())
                    .isEqualTo(reason + ": the row is no longer in this release");
        }
        for (String id : kept) {
            if (!changed.contains(id)) {
                assertThat(events(prefix + id)).as("unchanged: %s", id).hasSize(1);
            }
        }
        for (String id : added) {
            assertThat(events(prefix + id)).as("new in the release: %s", id).hasSize(1);
        }
        assertThat(payload(events(prefix + recounted).get(1))
                        .at("/changes/details/fatalities/best")
                        .asInt())
                .isEqualTo(best);
        assertThat(payload(events(prefix + redated).get(1))
                        .at("/changes/occurredOn")
                        .asText())
                .isEqualTo(occurredOn);
        assertThat(payload(events(prefix + reassigned).get(1))
                        .at("/changes/actors")
                        .findValuesAsText("actorId"))
                .anySatisfy(actor -> assertThat(actor).startsWith(newActor));
    }

    /**
     * A 300-row fixture through the import, then what the event store holds, counted from the stored IncidentRecorded
     * events: the same figures the reader tests find in the file with another CSV parser, so nothing between reader
     * and store (ids, batches, the event's dates, places and estimates) loses or changes a row.
     */
    @ParameterizedTest
    @CsvSource({
        "ucdp-ged, ucdp-ged-fixture.csv, 23.1, type_of_violence",
        "acled, acled-fixture.csv, 2024-06-10, event_type"
    })
    void aFixtureIsStoredWithTheFiguresAnotherCsvParserFindsInTheFile(
            String format, String fixture, String release, String codeColumn) throws Exception {
        Path file = Figures.fixture(fixture);
        Figures expected = format.equals("ucdp-ged")
                ? UcdpGedReaderTest.independentFigures(file)
                : AcledReaderTest.independentFigures(file);
        String crisis = format + "-fixture";

        JsonNode job = importFile(format, file, "&crisis=" + crisis + "&createCrisis=Fixture&release=" + release);

        assertThat(job.get("counts"))
                .as("%s", job)
                .isEqualTo(json.readTree(("{\"rowsRead\":%d,\"imported\":%d,\"unchanged\":0,\"amended\":0,"
                                + "\"retracted\":0,\"refused\":0}")
                        .formatted(expected.rows, expected.rows)));
        assertThat(stored(crisis, codeColumn)).isEqualTo(expected);
        assertThat(expected.rows).isEqualTo(300);
    }

    /** The figures of the incidents stored for a crisis, from their IncidentRecorded payloads as stored. */
    private Figures stored(String crisis, String codeColumn) throws Exception {
        Figures figures = new Figures();
        List<byte[]> payloads = jdbc.queryForList(
                "SELECT payload FROM domain_event_entry WHERE type = 'Incident' AND sequence_number = 0"
                        + " AND payload_type LIKE '%.IncidentRecorded'"
                        + " AND convert_from(payload, 'UTF8')::jsonb ->> 'crisisId' = ?",
                byte[].class, crisis);
        for (byte[] payload : payloads) {
            JsonNode incident = json.readTree(payload);
            JsonNode location = incident.path("location");
            LocalDate start = LocalDate.parse(incident.get("occurredOn").asText());
            JsonNode fatalities = incident.at("/details/fatalities");
            figures.add(
                    incident.get("type").asText(),
                    incident.at("/origin/codes/" + codeColumn).asText(),
                    location.isMissingNode() || location.isNull()
                            ? Figures.NO_PLACE
                            : location.hasNonNull("country")
                                    ? location.get("country").asText()
                                    : Figures.NO_COUNTRY,
                    start,
                    incident.hasNonNull("occurredUntil")
                            ? LocalDate.parse(incident.get("occurredUntil").asText())
                            : start,
                    incident.get("occurredPrecision").asText(),
                    fatalities.path("low").asInt(0),
                    fatalities.path("best").asInt(0),
                    fatalities.path("high").asInt(0));
        }
        return figures;
    }

    /** A data set file's rows by their id, as Jackson's CSV module reads them; a HXL hashtag row is left out. */
    private static Map<String, Map<String, String>> rowsById(Path file, String idColumn) throws Exception {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper()
                .readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(file.toFile())) {
            return rows.readAll().stream()
                    .filter(row -> !row.get(idColumn).startsWith("#"))
                    .collect(Collectors.toMap(row -> row.get(idColumn), row -> row));
        }
    }

    private JsonNode importFile(String format, String file, String parameters) throws Exception {
        return importFile(format, SAMPLES.resolve(file), parameters);
    }

    private JsonNode importFile(String format, Path file, String parameters) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(EDITOR);
        headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        ResponseEntity<JsonNode> accepted = http.exchange(
                "/api/v1/imports?format=" + format + "&fileName=" + file.getFileName() + parameters,
                HttpMethod.POST,
                new HttpEntity<>(Files.readAllBytes(file), headers),
                JsonNode.class);
        assertThat(accepted.getStatusCode()).as("%s", accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        return await(accepted.getHeaders().getLocation().toString());
    }

    private JsonNode await(String status) throws InterruptedException {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(EDITOR);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = http.exchange(status, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class)
                    .getBody();
            if (List.of("SUCCEEDED", "FAILED").contains(job.get("state").asText())) {
                assertThat(job.get("state").asText()).as("%s", job).isEqualTo("SUCCEEDED");
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import did not finish in 60 s");
    }

    private List<Map<String, Object>> events(String aggregate) {
        return jdbc.queryForList(
                "SELECT payload_type, payload, meta_data FROM domain_event_entry WHERE aggregate_identifier = ?"
                        + " ORDER BY sequence_number",
                aggregate);
    }

    private JsonNode payload(Map<String, Object> event) throws Exception {
        return json.readTree(new String((byte[]) event.get("payload"), UTF_8));
    }
}
