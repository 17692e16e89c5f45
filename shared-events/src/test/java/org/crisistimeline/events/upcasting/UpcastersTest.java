package org.crisistimeline.events.upcasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import org.crisistimeline.events.CloudEventType;
import org.crisistimeline.events.EventJson;
import org.crisistimeline.events.EventType;
import org.crisistimeline.events.SampleEvents;
import org.crisistimeline.events.incident.IncidentRecorded;
import org.crisistimeline.events.incident.IncidentType;
import org.crisistimeline.events.incident.details.StrikeDetails;
import org.crisistimeline.events.schema.Schemas;
import org.junit.jupiter.api.Test;

class UpcastersTest {

    private static final CloudEventType INCIDENT_RECORDED_V1 = new CloudEventType(EventType.INCIDENT_RECORDED, 1);

    private final ObjectMapper json = EventJson.newMapper();

    @Test
    void everyOldVersionOfEveryEventHasAnUpcasterToTheNext() {
        for (EventType type : EventType.values()) {
            assertThat(Upcasters.coversEveryOldVersionOf(type)).as("%s", type).isTrue();
        }
    }

    @Test
    void theStoredSampleIsAValidIncidentRecordedV1() throws IOException {
        assertThat(Schemas.validate(INCIDENT_RECORDED_V1, storedV1Strike())).isEmpty();
    }

    @Test
    void aStoredV1StrikeIsReadAsTodaysIncidentWithItsCountAsAnEstimate() throws IOException {
        ObjectNode stored = storedV1Strike();

        ObjectNode upcast = Upcasters.toCurrent(INCIDENT_RECORDED_V1, stored);

        assertThat(Schemas.validate(CloudEventType.current(EventType.INCIDENT_RECORDED), upcast))
                .isEmpty();
        IncidentRecorded incident = json.treeToValue(upcast, IncidentRecorded.class);
        assertThat(((StrikeDetails) incident.details()).casualties())
                .isEqualTo(new StrikeDetails.Casualties(new StrikeDetails.Estimate(10, 10, 10), null));
        assertThat(incident.summary()).isEqualTo(stored.get("summary").asText());
        assertThat(stored.at("/details/casualties/killed").intValue())
                .as("the stored JSON is left as it was")
                .isEqualTo(10);
    }

    @Test
    void aV1IncidentWithoutCasualtiesIsTheSameInV2() throws IOException {
        ObjectNode vote = json.valueToTree(SampleEvents.incident(IncidentType.VOTE));
        ObjectNode strikeWithoutCasualties = storedV1Strike();
        ((ObjectNode) strikeWithoutCasualties.get("details")).remove("casualties");

        assertThat(Upcasters.toCurrent(INCIDENT_RECORDED_V1, vote)).isEqualTo(vote);
        assertThat(Upcasters.toCurrent(INCIDENT_RECORDED_V1, strikeWithoutCasualties))
                .isEqualTo(strikeWithoutCasualties);
    }

    @Test
    void theCurrentVersionIsLeftAsItIs() {
        ObjectNode current = json.valueToTree(SampleEvents.incident(IncidentType.STRIKE));

        assertThat(Upcasters.toCurrent(CloudEventType.current(EventType.INCIDENT_RECORDED), current))
                .isSameAs(current);
    }

    @Test
    void aCountThatIsNoNumberIsRefused() throws IOException {
        ObjectNode garbled = storedV1Strike();
        ((ObjectNode) garbled.at("/details/casualties")).put("killed", "ten");

        assertThatThrownBy(() -> Upcasters.toCurrent(INCIDENT_RECORDED_V1, garbled))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("casualties.killed");
    }

    @Test
    void aStoredV2IncidentKnownToTheDayIsReadWithItsCalendarDate() throws IOException {
        CloudEventType v2 = new CloudEventType(EventType.INCIDENT_RECORDED, 2);
        ObjectNode stored = stored("incident-recorded.v2.json");
        assertThat(Schemas.validate(v2, stored)).isEmpty();

        ObjectNode upcast = Upcasters.toCurrent(v2, stored);

        assertThat(Schemas.validate(CloudEventType.current(EventType.INCIDENT_RECORDED), upcast))
                .isEmpty();
        IncidentRecorded incident = json.treeToValue(upcast, IncidentRecorded.class);
        assertThat(incident.occurredOn())
                .isEqualTo(LocalDate.parse(stored.get("occurredAt").asText().substring(0, 10)));
        assertThat(incident.occurredAt())
                .isEqualTo(Instant.parse(stored.get("occurredAt").asText()));
        assertThat(incident.occurredUntil()).isNull();
        assertThat(incident.origin()).isNull();
        assertThat(json.valueToTree(incident.location()).equals(stored.get("location")))
                .as("the location reads as it was")
                .isTrue();
    }

    @Test
    void aV2IncidentKnownToTheDayButStoredWithATimeIsOnItsUtcDateAtMidnight() throws IOException {
        CloudEventType v2 = new CloudEventType(EventType.INCIDENT_RECORDED, 2);
        ObjectNode stored = stored("incident-recorded.v2.json").put("occurredAt", "2020-01-03T21:30:00Z");

        IncidentRecorded incident = json.treeToValue(Upcasters.toCurrent(v2, stored), IncidentRecorded.class);

        assertThat(incident.occurredOn()).isEqualTo(LocalDate.parse("2020-01-03"));
        assertThat(incident.occurredAt()).isEqualTo(Instant.parse("2020-01-03T00:00:00Z"));
    }

    @Test
    void aV2IncidentKnownToTheHourKeepsItsInstantAndGainsNoDate() throws IOException {
        ObjectNode hour = storedV1Strike(); // v1 and v2 agree on everything but casualties
        ObjectNode upcast = Upcasters.toCurrent(INCIDENT_RECORDED_V1, hour);

        assertThat(upcast.get("occurredAt").asText())
                .isEqualTo(hour.get("occurredAt").asText());
        assertThat(upcast.has("occurredOn")).isFalse();
    }

    @Test
    void storedV1AmendmentsAndSourcesAreValidInTheirCurrentVersionUnchanged() throws IOException {
        for (EventType type : new EventType[] {EventType.INCIDENT_AMENDED, EventType.SOURCE_ATTACHED}) {
            CloudEventType v1 = new CloudEventType(type, 1);
            ObjectNode stored = stored(v1.schemaFileName());
            assertThat(Schemas.validate(v1, stored)).as("%s", v1).isEmpty();

            ObjectNode upcast = Upcasters.toCurrent(v1, stored);

            assertThat(Schemas.validate(CloudEventType.current(type), upcast))
                    .as("%s", type)
                    .isEmpty();
            assertThat((JsonNode) json.valueToTree(json.treeToValue(upcast, type.payloadType())))
                    .as("%s reads into today's record and back to the same JSON", type)
                    .isEqualTo(stored);
        }
    }

    private ObjectNode stored(String sample) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/samples/" + sample)) {
            return (ObjectNode) json.readTree(in);
        }
    }

    private ObjectNode storedV1Strike() throws IOException {
        try (InputStream sample = getClass().getResourceAsStream("/samples/incident-recorded.v1.json")) {
            return (ObjectNode) json.readTree(sample);
        }
    }
}
