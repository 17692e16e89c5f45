package org.crisistimeline.events.upcasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
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

    private ObjectNode storedV1Strike() throws IOException {
        try (InputStream sample = getClass().getResourceAsStream("/samples/incident-recorded.v1.json")) {
            return (ObjectNode) json.readTree(sample);
        }
    }
}
