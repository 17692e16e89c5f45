package org.crisistimeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.crisistimeline.examples.ExampleConsumer;
import org.crisistimeline.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The newcomer's path, end to end: both service jars as processes on real PostgreSQL and Kafka, the demo crisis loaded
 * by the same script the local stack runs, and the timelines the README promises.
 */
class DemoCrisisIT {

    private static final ObjectMapper json = new ObjectMapper();
    private static final Path DEMO_LOADER = DemoStack.DEMO_LOADER;
    private static final PublishedSchemas schemas = new PublishedSchemas(Path.of(System.getProperty("schemasDir")));

    private static DemoStack stack;

    @BeforeAll
    static void startBothServicesAndLoadTheDemoCrisis() throws Exception {
        stack = DemoStack.start("e2e");
    }

    @AfterAll
    static void stopServices() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theUkTimelineListsTheEmbassyStaffReductionsAndTheStatementsOfJohnsonAndRaab() throws Exception {
        List<String> gb = incidentIds(get("/api/v1/timelines/countries/GB"));

        assertThat(gb)
                .contains(
                        "uk-embassy-staff-reduced-tehran",
                        "uk-embassy-staff-reduced-baghdad",
                        "johnson-distances-from-trump-cultural-sites",
                        "raab-cultural-sites-protected");
    }

    @Test
    void theIraqTimelineListsTheDroneStrikeAtBaghdadAirportAndTheParliamentVote() throws Exception {
        List<String> iq = incidentIds(get("/api/v1/timelines/countries/IQ"));

        assertThat(iq).contains("soleimani-killed-baghdad-airport", "iraqi-parliament-votes-to-expel-us-troops");
        assertThat(iq.indexOf("soleimani-killed-baghdad-airport"))
                .isLessThan(iq.indexOf("iraqi-parliament-votes-to-expel-us-troops"));
    }

    @Test
    void theCrisisTimelineHoldsEveryDemoIncidentButTheRetractedOneInTheOrderTheyHappened() throws Exception {
        JsonNode items = get("/api/v1/timelines/crises/iran-us-2020?limit=500").get("items");
        long demoIncidents = Files.readAllLines(DEMO_LOADER.resolveSibling("iran-us-2020/incidents.ndjson")).stream()
                .filter(line -> !line.isBlank())
                .count();

        // uk-embassy-tehran-closed is retracted by iran-us-2020/changes.ndjson
        assertThat(items).hasSize((int) demoIncidents - 1);
        assertThat(incidentIds(get("/api/v1/timelines/crises/iran-us-2020?limit=500")))
                .doesNotContain("uk-embassy-tehran-closed");
        List<Instant> occurred = new ArrayList<>();
        items.forEach(item -> occurred.add(Instant.parse(item.get("occurredAt").asText())));
        assertThat(occurred).isSorted();
    }

    @Test
    void anIncidentIsShownWithItsActorsByNameAndItsSource() throws Exception {
        JsonNode strike = get("/api/v1/incidents/soleimani-killed-baghdad-airport");

        assertThat(strike.get("type").asText()).isEqualTo("STRIKE");
        // recorded, then a later source and a verification (iran-us-2020/changes.ndjson)
        assertThat(strike.get("version").asInt()).isEqualTo(3);
        assertThat(strike.get("actors").findValuesAsText("name")).contains("Qassem Soleimani", "United States");
        assertThat(strike.get("sources").get(0).get("publisher").asText()).isEqualTo("Sky News");
        // reportedAt is the earliest source: the Department of Defense statement attached later predates Sky News
        assertThat(strike.get("reportedAt").asText()).isEqualTo("2020-01-03T02:46:00Z");
    }

    /**
     * docs/exports.md's promise about the demo: the strike, 22:00 UTC on 2 January, is exported on 3 January, the date
     * in Baghdad, because the demo data gives its occurredOn.
     */
    @Test
    void theCsvExportHasTheStrikeOnTheThirdOfJanuaryItsDateInBaghdad() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(stack.queryService.baseUrl()
                                        + "/api/v1/timelines/crises/iran-us-2020?format=csv"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> lines = response.body().lines().toList();
        List<String> columns = List.of(lines.get(0).split(","));
        String strike = lines.stream()
                .filter(line -> line.startsWith("soleimani-killed-baghdad-airport,"))
                .findFirst()
                .orElseThrow();
        // the columns before event_date hold no separators for this incident (it has no origin)
        List<String> cells = List.of(strike.split(",", -1));

        assertThat(cells.get(columns.indexOf("event_date"))).isEqualTo("2020-01-03");
        assertThat(cells.get(columns.indexOf("occurred_at"))).isEqualTo("2020-01-02T22:00:00Z");
    }

    /**
     * The done-when of the event contract (issue 6): a subscriber that knows only docs/events.md and the schemas reads
     * the demo crisis off the topic, and every message is valid against the schema its ce_type names.
     */
    @Test
    void theExampleConsumerReadsTheWholeDemoCrisisAndEveryMessageMatchesItsSchema() throws Exception {
        List<ExampleConsumer.Received> received = new ArrayList<>();

        ExampleConsumer.consume(
                TestInfrastructure.get().kafkaBootstrapServers(),
                "e2e-example-" + UUID.randomUUID(),
                Duration.ofSeconds(5),
                received::add);

        assertThat(received).hasSize(demoEvents());
        for (ExampleConsumer.Received event : received) {
            assertThat(schemas.validate(event.type(), event.value()))
                    .as("%s %s#%d", event.type(), event.subject(), event.sequence())
                    .isEmpty();
        }
        assertThat(received)
                .extracting(ExampleConsumer.Received::subject)
                .contains("iran-us-2020", "qassem-soleimani", "soleimani-killed-baghdad-airport");
    }

    /** The same with nothing of ours at all: kcat, the documented command line, and the schema files. */
    @Test
    void kcatReadsTheWholeDemoCrisisAndEveryMessageMatchesItsSchema() throws Exception {
        assumeTrue(
                kcatIsInstalled() || "true".equals(System.getenv("CI")),
                "kcat is not installed (apt-get install kcat); CI installs it");
        Process kcat = new ProcessBuilder(
                        "kcat",
                        "-C",
                        "-b",
                        TestInfrastructure.get().kafkaBootstrapServers(),
                        "-t",
                        "crisis-timeline.events.v1",
                        "-o",
                        "beginning",
                        "-e",
                        "-q",
                        "-J")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        List<String> lines = new String(kcat.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertThat(kcat.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(kcat.exitValue()).isZero();

        Map<String, JsonNode> bySubjectAndSequence = new java.util.HashMap<>();
        for (String line : lines) {
            JsonNode message = json.readTree(line);
            Map<String, String> headers = new java.util.HashMap<>();
            JsonNode pairs = message.get("headers");
            for (int i = 0; i + 1 < pairs.size(); i += 2) {
                headers.put(pairs.get(i).asText(), pairs.get(i + 1).asText());
            }
            JsonNode value = json.readTree(message.get("payload").asText());
            assertThat(headers)
                    .containsEntry("ce_specversion", "1.0")
                    .containsEntry("content-type", "application/json");
            assertThat(message.get("key").asText()).isEqualTo(headers.get("ce_subject"));
            assertThat(schemas.validate(headers.get("ce_type"), value))
                    .as("%s at offset %s", headers.get("ce_type"), message.get("offset"))
                    .isEmpty();
            // at least once: a message may come twice, (ce_subject, ce_sequence) tells
            bySubjectAndSequence.put(headers.get("ce_subject") + "#" + headers.get("ce_sequence"), value);
        }
        assertThat(bySubjectAndSequence).hasSize(demoEvents());
    }

    /** The crisis, its actors and its incidents: one event each. */
    private static int demoEvents() throws Exception {
        Path data = DEMO_LOADER.resolveSibling("iran-us-2020");
        // the crisis, each actor and incident, and each change (a source, a verdict, a correction, a retraction or a
        // link stores exactly one event the first time; loading again stores none)
        return 1
                + lines(data.resolve("actors.ndjson"))
                + lines(data.resolve("incidents.ndjson"))
                + lines(data.resolve("changes.ndjson"));
    }

    private static int lines(Path ndjson) throws Exception {
        return (int) Files.readAllLines(ndjson).stream()
                .filter(line -> !line.isBlank())
                .count();
    }

    private static boolean kcatIsInstalled() {
        try {
            return new ProcessBuilder("kcat", "-V").start().waitFor(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void loadingTheDemoCrisisAgainChangesNothing() throws Exception {
        JsonNode before = get("/api/v1/timelines/crises/iran-us-2020?limit=500");

        stack.loadDemoCrisis();

        assertThat(get("/api/v1/timelines/crises/iran-us-2020?limit=500")).isEqualTo(before);
    }

    /**
     * The crisis exported as our own NDJSON holds each incident as the demo recorded it (those it never changed with
     * every field the demo sent, as sent), and imported back changes nothing: every line unchanged, and the export
     * after it is the same, byte for byte.
     */
    @Test
    void theNdjsonExportHoldsEachIncidentAsRecordedAndImportedBackChangesNothing() throws Exception {
        String exported = stack.text("/api/v1/timelines/crises/iran-us-2020?format=ndjson");
        Map<String, JsonNode> exportedIncidents = new HashMap<>();
        for (String line : exported.lines().toList()) {
            JsonNode incident = json.readTree(line).get("incident");
            if (incident != null) {
                exportedIncidents.put(incident.get("id").asText(), incident);
            }
        }
        Set<String> changed = new HashSet<>();
        for (String line : Files.readAllLines(DEMO_LOADER.resolveSibling("iran-us-2020/changes.ndjson"))) {
            if (!line.isBlank()) {
                changed.add(json.readTree(line).get("path").asText().split("/")[4]); // /api/v1/incidents/ID/…
            }
        }
        int compared = 0;
        for (String line : Files.readAllLines(DEMO_LOADER.resolveSibling("iran-us-2020/incidents.ndjson"))) {
            JsonNode recorded = line.isBlank() ? null : json.readTree(line);
            if (recorded != null && !changed.contains(recorded.get("id").asText())) {
                assertContains(
                        exportedIncidents.get(recorded.get("id").asText()),
                        recorded,
                        recorded.get("id").asText());
                compared++;
            }
        }

        JsonNode counts = stack.importNdjson("iran-us-2020", exported);

        assertThat(compared).isGreaterThan(10);
        assertThat(counts.get("unchanged").asLong()).isEqualTo(exported.lines().count());
        assertThat(counts.get("imported").asLong()
                        + counts.get("amended").asLong()
                        + counts.get("refused").asLong())
                .as("%s", counts)
                .isZero();
        assertThat(stack.text("/api/v1/timelines/crises/iran-us-2020?format=ndjson"))
                .isEqualTo(exported);
    }

    /** Every field of {@code expected}, nested ones too, is in {@code actual} with the same value. */
    private static void assertContains(JsonNode actual, JsonNode expected, String path) {
        assertThat(actual).as(path).isNotNull();
        if (expected.isObject()) {
            expected.fields()
                    .forEachRemaining(field ->
                            assertContains(actual.get(field.getKey()), field.getValue(), path + "." + field.getKey()));
        } else if (expected.isArray()) {
            assertThat(actual.size()).as(path).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertContains(actual.get(i), expected.get(i), path + "[" + i + "]");
            }
        } else {
            assertThat(actual).as(path).isEqualTo(expected);
        }
    }

    private static JsonNode get(String path) throws Exception {
        return stack.get(path);
    }

    private static List<String> incidentIds(JsonNode timeline) {
        return timeline.get("items").findValuesAsText("incidentId");
    }
}
