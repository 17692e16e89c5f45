package org.crisistimeline.events.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import java.time.Instant;
import java.util.List;
import org.crisistimeline.events.EventJson;
import org.crisistimeline.events.incident.details.StrikeDetails;
import org.crisistimeline.events.incident.details.VoteDetails;
import org.junit.jupiter.api.Test;

class IncidentRecordedJsonTest {

    private final ObjectMapper json = EventJson.newMapper();

    private final IncidentRecorded droneStrike = new IncidentRecorded(
            "baghdad-airport-strike",
            "iran-us-2020",
            IncidentType.STRIKE,
            Instant.parse("2020-01-03T00:32:00Z"),
            Precision.MINUTE,
            new Location("IQ", "Baghdad International Airport", 33.2625, 44.2346),
            List.of(new IncidentActor("us", ActorRole.INITIATOR), new IncidentActor("soleimani", ActorRole.VICTIM)),
            "US drone strike kills Qassem Soleimani",
            new StrikeDetails(
                    StrikeDetails.Method.DRONE,
                    "convoy leaving the airport",
                    new StrikeDetails.Casualties(StrikeDetails.Estimate.exactly(10), null)),
            List.of(new Source(
                    "Sky News", "https://news.sky.com/story/x", Instant.parse("2020-01-07T09:00:00Z"), null)),
            Confidence.HIGH);

    @Test
    void detailsAreTypedByTheSiblingTypeProperty() throws Exception {
        JsonNode tree = json.readTree(json.writeValueAsString(droneStrike));

        assertThat(tree.get("type").asText()).isEqualTo("STRIKE");
        assertThat(tree.get("details").has("type")).isFalse();
        assertThat(tree.get("details").get("method").asText()).isEqualTo("DRONE");
        assertThat(tree.get("occurredAt").asText()).isEqualTo("2020-01-03T00:32:00Z");
    }

    @Test
    void readsBackWhatItWrote() throws Exception {
        String written = json.writeValueAsString(droneStrike);

        assertThat(json.readValue(written, IncidentRecorded.class)).isEqualTo(droneStrike);
    }

    @Test
    void detailsOfAnotherTypeAreReadAsThatType() throws Exception {
        String vote = json.writeValueAsString(droneStrike)
                .replace("\"STRIKE\"", "\"VOTE\"")
                .replaceAll(
                        "\"details\":\\{[^}]*\\}\\}",
                        "\"details\":{\"body\":\"Council of Representatives\",\"motion\":\"expel US troops\",\"outcome\":\"PASSED\"}");

        assertThat(json.readValue(vote, IncidentRecorded.class).details()).isInstanceOf(VoteDetails.class);
    }

    @Test
    void anUnknownTypeIsRefused() throws Exception {
        String unknown = json.writeValueAsString(droneStrike).replace("\"STRIKE\"", "\"EARTHQUAKE\"");

        assertThatThrownBy(() -> json.readValue(unknown, IncidentRecorded.class))
                .isInstanceOf(InvalidTypeIdException.class);
    }
}
