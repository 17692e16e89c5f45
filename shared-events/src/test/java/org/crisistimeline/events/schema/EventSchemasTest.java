package org.crisistimeline.events.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.crisistimeline.events.CloudEventType;
import org.crisistimeline.events.EventJson;
import org.crisistimeline.events.EventType;
import org.crisistimeline.events.SampleEvents;
import org.crisistimeline.events.incident.IncidentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checked-in schemas ({@code src/main/resources/schemas/}) are those of the records. When a record changes, this
 * test fails; regenerate the schemas of the current versions with
 *
 * <pre>./mvnw -B -pl shared-events test -Dtest=EventSchemasTest -DwriteSchemas</pre>
 *
 * and review the diff: a changed schema of a published version breaks consumers, so a change of shape is a new version
 * of the event (see docs/events.md). Schemas of older versions are frozen: they are never regenerated.
 */
class EventSchemasTest {

    private static final boolean WRITE = System.getProperty("writeSchemas") != null;
    private static final String HOW_TO_REGENERATE =
            "regenerate with: ./mvnw -B -pl shared-events test -Dtest=EventSchemasTest -DwriteSchemas";

    private final EventSchemaGenerator generator = new EventSchemaGenerator();
    private final ObjectMapper json = EventJson.newMapper();

    static Stream<CloudEventType> currentVersions() {
        return Stream.of(EventType.values()).map(CloudEventType::current);
    }

    @BeforeAll
    static void writeTheSchemasIfAsked() {
        if (WRITE) {
            var generator = new EventSchemaGenerator();
            currentVersions().forEach(type -> Schemas.write(type, Schemas.normalised(generator.generate(type))));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currentVersions")
    void theSchemaOfTheCurrentVersionIsTheOneOfTheRecord(CloudEventType type) {
        JsonNode generated = Schemas.normalised(generator.generate(type));

        assertThat(Schemas.file(type))
                .as("the schema of %s is checked in; %s", type, HOW_TO_REGENERATE)
                .exists();
        assertThat(JsonDifferences.between(Schemas.read(type), generated))
                .as("where the checked-in %s differs from the record; %s", Schemas.file(type), HOW_TO_REGENERATE)
                .isEmpty();
    }

    @Test
    void everyVersionOfEveryEventHasASchemaAndNoOtherFileIsThere() throws IOException {
        List<String> expected = CloudEventType.all().stream()
                .map(CloudEventType::schemaFileName)
                .toList();
        try (Stream<Path> files = Files.list(Schemas.FOLDER)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .as("older versions stay, frozen, as long as stored or published events may have them")
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void schemasAreInTheJarWhereCloudEventTypeSaysTheyAre() {
        assumeFalse(WRITE, "a schema written by this run is copied to the classes by the next build");
        for (CloudEventType type : CloudEventType.all()) {
            assertThat(getClass().getClassLoader().getResource(type.schemaResource()))
                    .as(type.schemaResource())
                    .isNotNull();
        }
    }

    @Test
    void everyEventAsWrittenIsValid() {
        for (Record event : SampleEvents.all()) {
            CloudEventType type =
                    CloudEventType.current(EventType.ofPayload(event.getClass()).orElseThrow());

            assertThat(Schemas.validate(type, json.valueToTree(event)))
                    .as("%s", event)
                    .isEmpty();
        }
    }

    @Test
    void detailsOfAnotherIncidentTypeAreRefused() {
        ObjectNode strike = incident(IncidentType.STRIKE);
        strike.set("details", json.valueToTree(SampleEvents.details(IncidentType.VOTE)));

        assertThat(Schemas.validate(incidentRecorded(), strike))
                .extracting(error -> error.getInstanceLocation().toString())
                .contains("/details");
    }

    @Test
    void detailsWithAFieldOfAnotherTypeAreRefused() {
        // protest details have no required field: only the closed shape tells them from a strike's
        ObjectNode protest = incident(IncidentType.PROTEST);
        ((ObjectNode) protest.get("details")).put("method", "DRONE");

        assertThat(Schemas.validate(incidentRecorded(), protest)).isNotEmpty();
    }

    @Test
    void anUnknownTypeAMissingFieldAndAnUnknownFieldAreRefused() {
        ObjectNode unknownType = incident(IncidentType.STRIKE).put("type", "EARTHQUAKE");
        ObjectNode noSummary = incident(IncidentType.STRIKE);
        noSummary.remove("summary");
        ObjectNode unknownField = incident(IncidentType.STRIKE).put("severity", 5);
        ObjectNode badCountry = incident(IncidentType.STRIKE);
        ((ObjectNode) badCountry.get("location")).put("country", "UK1");
        ObjectNode badTime = incident(IncidentType.STRIKE).put("occurredAt", "3 January 2020");

        for (JsonNode invalid : List.of(unknownType, noSummary, unknownField, badCountry, badTime)) {
            assertThat(Schemas.validate(incidentRecorded(), invalid))
                    .as("%s", invalid)
                    .isNotEmpty();
        }
    }

    private ObjectNode incident(IncidentType type) {
        return json.valueToTree(SampleEvents.incident(type));
    }

    private static CloudEventType incidentRecorded() {
        return CloudEventType.current(EventType.INCIDENT_RECORDED);
    }
}
