package org.crisistimeline.command.imports;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.crisistimeline.testsupport.RealInfrastructure;
import org.crisistimeline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * Imports over HTTP on the real event store, with a test format so that no real reader is needed. Two rows make a
 * batch, so that the files here cross batches; a job's report keeps four problems.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"crisis-timeline.imports.batch-size=2", "crisis-timeline.imports.max-reported-problems=4"})
@ContextConfiguration(initializers = RealInfrastructure.class)
class ImportIT {

    private static final String EDITOR = TestTokens.token("test-editor", "editor");
    private static final String ADMIN = TestTokens.token("test-admin", "admin");
    private static final String RECORDER = TestTokens.token("test-recorder", "recorder");

    @TestConfiguration
    static class Readers {
        @Bean(PipeRows.FORMAT)
        DatasetReader pipeRows() {
            return new PipeRows();
        }
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    java.util.Map<String, DatasetReader> readers;

    private final ObjectMapper json = new ObjectMapper();
    /** row ids of this test only: the event store is shared by the tests of the run */
    private final String run = "t" + UUID.randomUUID().toString().substring(0, 8);

    private final String crisis = "crisis-" + run;

    @Test
    void everyGoodRowIsImportedAndEveryBadOneReportedWithItsLineAndColumn() throws Exception {
        String file = String.join(
                "\n",
                row("r1", "BATTLE", "2020-01-03", "2020-01-06", "WEEK", "IQ", "3,5,12", "gov:Government;is:IS"),
                row("r2", "VIOLENCE_AGAINST_CIVILIANS", "2020-01-04", "2020-01-04", "DAY", "IQ", "2,2,2", "is:IS"),
                row("r3", "EXPLOSION", "2020-02-30", "2020-02-30", "DAY", "IQ", "", "is:IS"),
                row("r4", "RIOT", "2099-01-01", "2099-01-01", "DAY", "IQ", "", "mob:Rioters"),
                row("r5", "DIPLOMACY", "2020-01-05", "2020-01-05", "DAY", "", "", "un:United Nations"),
                "too|few");

        JsonNode job = importAndWait(file, "&createCrisis=Test%20crisis&release=1");

        assertThat(job.get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("counts"))
                .isEqualTo(json.readTree(
                        "{\"rowsRead\":6,\"imported\":3,\"unchanged\":0,\"amended\":0,\"retracted\":0,\"refused\":3}"));
        assertThat(job.get("problems").findValues("line").stream().map(JsonNode::asLong))
                .containsExactly(3L, 4L, 6L);
        assertThat(job.at("/problems/0/column").asText()).isEqualTo("dateStart");
        assertThat(job.at("/problems/1/column").asText()).isEqualTo("occurredAt");
        assertThat(job.at("/problems/1/reason").asText()).isEqualTo("must not be in the future");
        // the crisis, three actors (IS named twice is registered once), three incidents
        assertThat(eventTypes(crisis)).containsExactly("Crisis");
        assertThat(count(
                        "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier LIKE 'pipe-test-actor-%'"
                                + " AND convert_from(meta_data, 'UTF8')::jsonb ->> 'importJob' = ?",
                        job.get("id").asText()))
                .isEqualTo(3);
        assertThat(eventTypes(incident("r1"))).containsExactly("Incident");
        assertThat(eventTypes(incident("r5"))).containsExactly("Incident");
        assertThat(eventTypes(incident("r3"))).isEmpty();

        JsonNode metadata = metadata(incident("r1"), 0);
        assertThat(metadata.get("principal").asText()).isEqualTo("test-editor");
        assertThat(metadata.get("importJob").asText()).isEqualTo(job.get("id").asText());
        assertThat(metadata.get("fileName").asText()).isEqualTo("rows.txt");
        assertThat(metadata.get("fileSha256").asText()).isEqualTo(sha256(file));
        assertThat(metadata.get("line").asLong()).isEqualTo(1);
        assertThat(metadata.get("previousHash").asText()).isEqualTo("0".repeat(64));
        assertThat(metadata.get("hash").asText()).hasSize(64);
        JsonNode r1 = payload(incident("r1"), 0);
        assertThat(r1.get("occurredOn").asText()).isEqualTo("2020-01-03");
        assertThat(r1.get("occurredUntil").asText()).isEqualTo("2020-01-06");
        assertThat(r1.get("occurredPrecision").asText()).isEqualTo("WEEK");
        assertThat(r1.at("/details/fatalities")).isEqualTo(json.readTree("{\"low\":3,\"best\":5,\"high\":12}"));
        assertThat(r1.at("/origin/rowId").asText()).isEqualTo(run + "-r1");
        assertThat(r1.at("/origin/codes/date_prec").asText()).isEqualTo("WEEK");
        assertThat(r1.at("/sources/0").has("url")).isFalse();
        assertThat(payload(incident("r5"), 0).has("location"))
                .as("no geography, none guessed")
                .isFalse();

        assertChainsIntact();
    }

    @Test
    void importingTheSameFileAgainStoresNothingNew() throws Exception {
        String file = String.join(
                "\n",
                row("r1", "BATTLE", "2020-01-03", "2020-01-06", "WEEK", "IQ", "3,5,12", "gov:Government;is:IS"),
                row("r2", "RIOT", "2020-01-04", "2020-01-04", "DAY", "IQ", "", "mob:Rioters"));
        importAndWait(file, "&createCrisis=Test%20crisis&release=1");

        JsonNode again = importAndWait(file, "&release=1");

        assertThat(again.get("counts"))
                .isEqualTo(json.readTree(
                        "{\"rowsRead\":2,\"imported\":0,\"unchanged\":2,\"amended\":0,\"retracted\":0,\"refused\":0}"));
        assertThat(count(
                        "SELECT count(*) FROM domain_event_entry"
                                + " WHERE convert_from(meta_data, 'UTF8')::jsonb ->> 'importJob' = ?",
                        again.get("id").asText()))
                .isZero();
        assertThat(eventTypes(incident("r1"))).hasSize(1);
    }

    @Test
    void aNewerReleaseAmendsChangedRowsAndRetractsVanishedOnesWithTheReleaseAsReason() throws Exception {
        importAndWait(
                String.join(
                        "\n",
                        row("r1", "BATTLE", "2020-01-03", "2020-01-06", "WEEK", "IQ", "3,5,12", "gov:Government"),
                        row("r2", "RIOT", "2020-01-04", "2020-01-04", "DAY", "IQ", "", "mob:Rioters"),
                        row("r3", "RIOT", "2020-01-05", "2020-01-05", "DAY", "IQ", "", "mob:Rioters")),
                "&createCrisis=Test%20crisis&release=1");

        JsonNode next = importAndWait(
                String.join(
                        "\n",
                        row("r1", "BATTLE", "2020-01-03", "2020-01-04", "DAY", "IQ", "4,6,12", "gov:Government"),
                        row("r3", "RIOT", "2020-01-05", "2020-01-05", "DAY", "IQ", "", "mob:Rioters"),
                        row("r4", "RIOT", "2020-01-07", "2020-01-07", "DAY", "IQ", "", "mob:Rioters")),
                "&release=2&retractMissing=true");

        assertThat(next.get("counts"))
                .isEqualTo(json.readTree(
                        "{\"rowsRead\":3,\"imported\":1,\"unchanged\":1,\"amended\":1,\"retracted\":1,\"refused\":0}"));
        assertThat(eventTypes(incident("r1"))).containsExactly("Incident", "Incident");
        JsonNode amendment = payload(incident("r1"), 1);
        assertThat(amendment.get("reason").asText()).isEqualTo("Pipe Test 2");
        assertThat(amendment.at("/changes/details/fatalities"))
                .isEqualTo(json.readTree("{\"low\":4,\"best\":6,\"high\":12}"));
        assertThat(amendment.at("/changes/occurredPrecision").asText()).isEqualTo("DAY");
        assertThat(amendment.at("/changes/origin/release").asText()).isEqualTo("2");
        assertThat(metadata(incident("r1"), 1).get("reason").asText()).isEqualTo("Pipe Test 2");
        assertThat(payloadType(incident("r2"), 1)).endsWith("IncidentRetracted");
        assertThat(payload(incident("r2"), 1).get("reason").asText())
                .isEqualTo("Pipe Test 2: the row is no longer in this release");

        // the imported incident loads as an aggregate: an editor corrects it through the write API
        ResponseEntity<JsonNode> corrected = exchange(
                HttpMethod.POST,
                "/api/v1/incidents/" + incident("r1") + "/amendments",
                EDITOR,
                "{\"expectedVersion\": 2, \"changes\": {\"summary\": \"Clashes at the checkpoint\"},"
                        + " \"reason\": \"the row's notes\"}");
        assertThat(corrected.getStatusCode()).as("%s", corrected.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(corrected.getBody().get("version").asLong()).isEqualTo(3);
        ResponseEntity<JsonNode> retracted = exchange(
                HttpMethod.POST,
                "/api/v1/incidents/" + incident("r2") + "/amendments",
                EDITOR,
                "{\"expectedVersion\": 2, \"changes\": {\"summary\": \"x\"}, \"reason\": \"y\"}");
        assertThat(retracted.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertChainsIntact(); // amendments and retractions chained to the stored events
    }

    @Test
    void anIdThatAppearsAgainInALaterBatchIsRefusedWithItsFirstLine() throws Exception {
        // side keys of this test alone: an actor registered by another test would not be registered again
        String file = String.join(
                "\n",
                row("d1", "BATTLE", "2020-01-03", "2020-01-03", "DAY", "IQ", "1,1,1", "dup-side:Side dup"),
                row("d2", "BATTLE", "2020-01-04", "2020-01-04", "DAY", "IQ", "1,1,1", "dup-side:Side dup"),
                row("d1", "RIOT", "2020-01-05", "2020-01-05", "DAY", "IQ", "", "dup-side:Side dup"));

        JsonNode job = importAndWait(file, "&createCrisis=Test%20crisis&release=1");

        assertThat(job.get("counts"))
                .as("%s", job)
                .isEqualTo(json.readTree(
                        "{\"rowsRead\":3,\"imported\":2,\"unchanged\":0,\"amended\":0,\"retracted\":0,\"refused\":1}"));
        assertThat(job.at("/problems/0/line").asLong()).isEqualTo(3);
        assertThat(job.at("/problems/0/reason").asText())
                .isEqualTo("the id " + incident("d1") + " appears again (first on line 1)");
        assertThat(payload(incident("d1"), 0).get("type").asText()).isEqualTo("BATTLE");
    }

    @Test
    void aRowBrokenInSeveralFieldsIsOneRowRefused() throws Exception {
        String file = String.join(
                "\n",
                row("m1", "BATTLE", "2020-01-03", "2020-01-03", "DAY", "IQ", "1,1,1", "multi-side:Side multi"),
                // in the future, and ending before it starts
                row("m2", "BATTLE", "2099-01-05", "2099-01-01", "DAY", "IQ", "1,1,1", "multi-side:Side multi"));

        JsonNode job = importAndWait(file, "&createCrisis=Test%20crisis&release=1");

        assertThat(job.get("problems").findValues("line").stream().map(JsonNode::asLong))
                .hasSizeGreaterThan(1)
                .containsOnly(2L);
        assertThat(job.get("counts"))
                .as("%s", job)
                .isEqualTo(json.readTree(
                        "{\"rowsRead\":2,\"imported\":1,\"unchanged\":0,\"amended\":0,\"retracted\":0,\"refused\":1}"));
    }

    @Test
    void theReportKeepsProblemsUpToItsLimitAndCountsEveryRefusedRow() throws Exception {
        String side = "capped-side:Side capped";
        String file = String.join(
                "\n",
                row("c1", "BATTLE", "2099-01-05", "2099-01-01", "DAY", "IQ", "1,1,1", side),
                row("c2", "BATTLE", "2099-01-05", "2099-01-05", "DAY", "IQ", "1,1,1", side),
                row("c3", "BATTLE", "2099-01-06", "2099-01-06", "DAY", "IQ", "1,1,1", side),
                row("c4", "BATTLE", "2099-01-07", "2099-01-07", "DAY", "IQ", "1,1,1", side));

        JsonNode job = importAndWait(file, "&createCrisis=Test%20crisis&release=1");

        assertThat(job.get("problems")).as("%s", job).hasSize(4);
        assertThat(job.at("/counts/refused").asLong()).isEqualTo(4);
        assertThat(job.at("/counts/rowsRead").asLong()).isEqualTo(4);
    }

    @Test
    void aBatchThatFailsEndsTheJobAndNoBatchAfterItIsAppended() throws Exception {
        // the first batch names no country, so the crisis asked for cannot be opened; the second could be
        String file = String.join(
                "\n",
                row("f1", "DIPLOMACY", "2020-01-05", "2020-01-05", "DAY", "", "", "failing-side:Side failing"),
                row("f2", "DIPLOMACY", "2020-01-06", "2020-01-06", "DAY", "", "", "failing-side:Side failing"),
                row("f3", "BATTLE", "2020-01-07", "2020-01-07", "DAY", "IQ", "1,1,1", "failing-side:Side failing"),
                row("f4", "BATTLE", "2020-01-08", "2020-01-08", "DAY", "IQ", "1,1,1", "failing-side:Side failing"));

        JsonNode job = importAndWait(file, "&createCrisis=Test%20crisis&release=1");

        assertThat(job.get("state").asText()).as("%s", job).isEqualTo("FAILED");
        assertThat(job.get("failure").asText()).contains("name no country");
        assertThat(eventTypes(crisis)).isEmpty();
        assertThat(eventTypes(incident("f3"))).isEmpty();
        assertThat(eventTypes(incident("f4"))).isEmpty();
    }

    @Test
    void aFileThatCannotBeReadToTheEndFailsTheJobAndKeepsTheBatchesBefore() throws Exception {
        // the reader gives up on line 5 (an unknown type, as a real reader gives up on a broken file)
        String file = String.join(
                "\n",
                row("r1", "BATTLE", "2020-01-05", "2020-01-05", "DAY", "IQ", "1,1,1", "reading-side:Side reading"),
                row("r2", "BATTLE", "2020-01-06", "2020-01-06", "DAY", "IQ", "1,1,1", "reading-side:Side reading"),
                row("r3", "BATTLE", "2020-01-07", "2020-01-07", "DAY", "IQ", "1,1,1", "reading-side:Side reading"),
                row("r4", "BATTLE", "2020-01-08", "2020-01-08", "DAY", "IQ", "1,1,1", "reading-side:Side reading"),
                row("r5", "UNREADABLE", "2020-01-09", "2020-01-09", "DAY", "IQ", "1,1,1", "reading-side:Side"),
                row("r6", "BATTLE", "2020-01-10", "2020-01-10", "DAY", "IQ", "1,1,1", "reading-side:Side reading"));

        JsonNode job = importAndWait(file, "&createCrisis=Test%20crisis&release=1");

        assertThat(job.get("state").asText()).as("%s", job).isEqualTo("FAILED");
        assertThat(job.get("failure").asText()).contains("UNREADABLE");
        for (String id : List.of("r1", "r2", "r3", "r4")) {
            assertThat(eventTypes(incident(id))).as(id).containsExactly("Incident");
        }
        assertThat(eventTypes(incident("r6"))).isEmpty();
        assertChainsIntact();
    }

    @Test
    void anNdjsonFileRecordsItsCrisisActorsAndIncidentsAsWrittenAndAgainNothing() throws Exception {
        String actor = "actor-" + run;
        String strike = "strike-" + run;
        String file = String.join(
                "\n",
                "{\"crisis\": {\"id\": \"%s\", \"name\": \"Test crisis\", \"countries\": [\"IQ\"], \"startedOn\": \"2020-01-03\"}}"
                        .formatted(crisis),
                "{\"actor\": {\"id\": \"%s\", \"name\": \"United States\", \"kind\": \"STATE\", \"country\": \"US\", \"aliases\": []}}"
                        .formatted(actor),
                "",
                ndjsonStrike(strike, actor),
                ndjsonStrike("other-" + run, "nobody-" + run),
                "{\"incident\": {\"id\": \"x-%s\", \"colour\": \"red\"}}".formatted(run),
                "[1, 2]");

        JsonNode job = importAndWait(file, "&format=ndjson");

        assertThat(job.get("counts"))
                .as("%s", job)
                .isEqualTo(json.readTree(
                        "{\"rowsRead\":6,\"imported\":3,\"unchanged\":0,\"amended\":0,\"retracted\":0,\"refused\":3}"));
        assertThat(job.get("problems").findValues("line").stream().map(JsonNode::asLong))
                .containsExactly(5L, 6L, 7L);
        assertThat(job.at("/problems/0/reason").asText()).isEqualTo("no actor with the id nobody-" + run);
        assertThat(job.at("/problems/1/column").asText()).isEqualTo("incident.colour");
        ObjectNode written =
                (ObjectNode) json.readTree(ndjsonStrike(strike, actor)).get("incident");
        written.set("incidentId", written.remove("id"));
        ObjectNode stored = (ObjectNode) payload(strike, 0);
        assertThat(stored.remove("occurredOn").asText())
                .as("known to the day: its date")
                .isEqualTo("2020-01-03");
        assertThat(stored).as("the line as written, under the event's names").isEqualTo(written);
        assertThat(eventTypes(crisis)).containsExactly("Crisis");
        assertThat(eventTypes(actor)).containsExactly("Actor");

        JsonNode again = importAndWait(file, "&format=ndjson");

        assertThat(again.at("/counts/unchanged").asLong()).isEqualTo(3);
        assertThat(again.at("/counts/imported").asLong()).isZero();
    }

    @Test
    void theReadmesNdjsonSampleImportsWhole() throws Exception {
        String file = java.nio.file.Files.readString(java.nio.file.Path.of("../infra/demo-data/samples/crisis.ndjson"));

        ResponseEntity<JsonNode> accepted =
                post("?format=ndjson&crisis=tehran-sample&fileName=crisis.ndjson", EDITOR, file);
        JsonNode job = await(accepted);

        assertThat(job.get("counts"))
                .as("%s", job)
                .isEqualTo(json.readTree(
                        "{\"rowsRead\":6,\"imported\":6,\"unchanged\":0,\"amended\":0,\"retracted\":0,\"refused\":0}"));
    }

    @ParameterizedTest
    @CsvSource({
        "ucdp-ged, ucdp-ged-sample.csv, 23.1",
        "acled, acled-sample.csv, 2024-06-10",
        "gdelt, gdelt-sample.export.CSV, ''"
    })
    void theReadmesDataSetSamplesImportWholeAndOnceOnly(String format, String sample, String release) throws Exception {
        byte[] file = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("../infra/demo-data/samples/" + sample));
        long rows = rowsReadBy(readers.get(format), file, release.isEmpty() ? null : release);
        String query = "?format=" + format + "&crisis=" + crisis + "-" + format + "&createCrisis=Sample&fileName="
                + sample + (release.isEmpty() ? "" : "&release=" + release);

        JsonNode first = await(post(query, EDITOR, new String(file, UTF_8)));
        JsonNode again = await(post(query, EDITOR, new String(file, UTF_8)));

        assertThat(rows).isPositive();
        assertThat(first.get("counts"))
                .as("%s", first)
                .isEqualTo(json.readTree(("{\"rowsRead\":%d,\"imported\":%d,\"unchanged\":0,\"amended\":0,"
                                + "\"retracted\":0,\"refused\":0}")
                        .formatted(rows, rows)));
        assertThat(again.at("/counts/unchanged").asLong()).as("%s", again).isEqualTo(rows);
        assertThat(again.at("/counts/imported").asLong()).isZero();
        assertChainsIntact();
    }

    @Test
    void aDataSetWhoseFilesDoNotSayTheirReleaseNeedsOne() {
        String file = "id,relid\n1,x\n";

        assertRefused(post("?format=ucdp-ged&crisis=" + crisis + "&createCrisis=x", EDITOR, file), "release");
        assertRefused(post("?format=acled&crisis=" + crisis + "&createCrisis=x", EDITOR, file), "release");
    }

    /** What the format's own reader makes of the file, counted apart from the import. */
    private static long rowsReadBy(DatasetReader reader, byte[] file, String release) throws java.io.IOException {
        var rows = new java.util.concurrent.atomic.AtomicLong();
        var problems = new java.util.ArrayList<RowProblem>();
        reader.read(new java.io.ByteArrayInputStream(file), release, row -> rows.incrementAndGet(), problems::add);
        assertThat(problems).isEmpty();
        return rows.get();
    }

    private String ndjsonStrike(String id, String actor) {
        return ("""
                {"incident": {"id": "%s", "crisisId": "%s", "type": "STRIKE", "occurredAt": "2020-01-03T00:00:00Z",\
                 "occurredPrecision": "DAY", "location": {"country": "IQ", "place": "Baghdad"},\
                 "actors": [{"actorId": "%s", "role": "INITIATOR"}], "summary": "A strike",\
                 "details": {"method": "DRONE", "target": "a convoy"},\
                 "sources": [{"publisher": "Sky News", "url": "https://news.sky.com/x", "publishedAt": "2020-01-07T06:00:00Z"}],\
                 "confidence": "HIGH"}}""").formatted(id, crisis, actor);
    }

    @Test
    void aDryRunCountsWhatAnImportWouldDoAndStoresNothing() throws Exception {
        JsonNode job = importAndWait(
                row("r1", "BATTLE", "2020-01-03", "2020-01-06", "WEEK", "IQ", "3,5,12", "gov:Government"),
                "&createCrisis=Test%20crisis&release=1&dryRun=true");

        assertThat(job.at("/counts/imported").asLong()).as("%s", job).isEqualTo(1);
        assertThat(job.get("dryRun").asBoolean()).isTrue();
        assertThat(count(
                        "SELECT count(*) FROM domain_event_entry"
                                + " WHERE convert_from(meta_data, 'UTF8')::jsonb ->> 'importJob' = ?",
                        job.get("id").asText()))
                .isZero();
        assertThat(eventTypes(crisis)).isEmpty();
        assertThat(eventTypes(incident("r1"))).isEmpty();
    }

    @Test
    void aWrongImportIsRefusedWithProblemDetailsBeforeTheFileIsRead() {
        String file = row("r1", "BATTLE", "2020-01-03", "2020-01-06", "WEEK", "IQ", "", "gov:Government");

        assertThat(post("?format=" + PipeRows.FORMAT + "&crisis=" + crisis + "&createCrisis=x", RECORDER, file)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertRefused(post("?format=shapefile&crisis=" + crisis + "&createCrisis=x", EDITOR, file), "format");
        assertRefused(post("?format=" + PipeRows.FORMAT + "&crisis=" + crisis, EDITOR, file), "crisis");
        assertRefused(
                post("?format=" + PipeRows.FORMAT + "&crisis=" + crisis + "&createCrisis=x&release=1", EDITOR, ""),
                "file");
        assertRefused(
                post("?format=" + PipeRows.FORMAT + "&crisis=no%20slug&createCrisis=x&release=1", EDITOR, file),
                "crisis");
        assertThat(exchange(HttpMethod.GET, "/api/v1/imports/" + UUID.randomUUID(), EDITOR, null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    /** The store-wide walk finds no break in this test's aggregates (other tests break theirs on purpose). */
    private void assertChainsIntact() {
        JsonNode verified =
                exchange(HttpMethod.GET, "/api/v1/audit/verify", ADMIN, null).getBody();
        assertThat(verified.get("breaks").size())
                .as("every break is listed: %s", verified)
                .isEqualTo(verified.get("breakCount").asInt());
        assertThat(verified.get("breaks").findValuesAsText("aggregateId"))
                .as("%s", verified)
                .noneMatch(id -> id.contains(run));
        assertThat(verified.get("events").asLong()).isPositive();
    }

    private void assertRefused(ResponseEntity<JsonNode> response, String field) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().at("/errors/0/field").asText()).isEqualTo(field);
    }

    private String row(
            String id,
            String type,
            String start,
            String end,
            String precision,
            String country,
            String fatalities,
            String parties) {
        return String.join(
                "|", run + "-" + id, type, start, end, precision, country, fatalities, parties, "Reuters " + start);
    }

    private String incident(String id) {
        return "pipe-test-" + run + "-" + id;
    }

    private JsonNode importAndWait(String file, String parameters) throws InterruptedException {
        String format = parameters.contains("format=") ? "" : "&format=" + PipeRows.FORMAT;
        return await(post("?crisis=" + crisis + "&fileName=rows.txt" + format + parameters, EDITOR, file));
    }

    private JsonNode await(ResponseEntity<JsonNode> accepted) throws InterruptedException {
        assertThat(accepted.getStatusCode()).as("%s", accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        String status = accepted.getHeaders().getLocation().toString();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = exchange(HttpMethod.GET, status, EDITOR, null).getBody();
            if (List.of("SUCCEEDED", "FAILED").contains(job.get("state").asText())) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import did not finish in 60 s");
    }

    private ResponseEntity<JsonNode> post(String query, String token, String body) {
        return exchange(HttpMethod.POST, "/api/v1/imports" + query, token, body);
    }

    private ResponseEntity<JsonNode> exchange(HttpMethod method, String path, String token, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        boolean importing = path.startsWith("/api/v1/imports?");
        headers.setContentType(importing ? MediaType.TEXT_PLAIN : MediaType.APPLICATION_JSON);
        return http.exchange(
                path, method, new HttpEntity<>(body == null ? null : body.getBytes(UTF_8), headers), JsonNode.class);
    }

    private List<String> eventTypes(String id) {
        return jdbc.queryForList(
                "SELECT type FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                String.class,
                id);
    }

    private long count(String sql, Object... arguments) {
        return jdbc.queryForObject(sql, Long.class, arguments);
    }

    private JsonNode payload(String id, long sequence) throws Exception {
        return json.readTree(column("payload", id, sequence));
    }

    private JsonNode metadata(String id, long sequence) throws Exception {
        return json.readTree(column("meta_data", id, sequence));
    }

    private String payloadType(String id, long sequence) {
        return jdbc.queryForObject(
                "SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?",
                String.class,
                id,
                sequence);
    }

    private byte[] column(String column, String id, long sequence) {
        return jdbc.queryForObject(
                "SELECT " + column + " FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?",
                byte[].class,
                id,
                sequence);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8)));
    }
}
