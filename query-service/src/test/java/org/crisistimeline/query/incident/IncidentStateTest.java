package org.crisistimeline.query.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.crisistimeline.events.EventJson;
import org.crisistimeline.events.incident.ActorRole;
import org.crisistimeline.events.incident.Confidence;
import org.crisistimeline.events.incident.IncidentActor;
import org.crisistimeline.events.incident.IncidentChanges;
import org.crisistimeline.events.incident.IncidentRecorded;
import org.crisistimeline.events.incident.IncidentType;
import org.crisistimeline.events.incident.Location;
import org.crisistimeline.events.incident.Precision;
import org.crisistimeline.events.incident.Source;
import org.crisistimeline.events.incident.details.ProtestDetails;
import org.junit.jupiter.api.Test;

class IncidentStateTest {

    private final ObjectMapper json = EventJson.newMapper();

    private final IncidentState protest = IncidentState.recorded(
            new IncidentRecorded(
                    "protest",
                    "iran-us-2020",
                    IncidentType.PROTEST,
                    Instant.parse("2020-01-05T10:00:00Z"),
                    Precision.HOUR,
                    new Location("IQ", "Tahrir Square", 33.3, 44.4),
                    List.of(new IncidentActor("protesters", ActorRole.INITIATOR)),
                    "Crowds call for US troops to leave",
                    new ProtestDetails(1000, "expel US troops"),
                    List.of(new Source(
                            "Sky News", "https://news.sky.com/x", Instant.parse("2020-01-05T12:00:00Z"), null)),
                    Confidence.MEDIUM),
            json);

    @Test
    void reportedAtIsTheEarliestSourceNotTheFirstListed() {
        List<Source> sources = List.of(
                new Source("Sky News", "https://news.sky.com/x", Instant.parse("2020-01-07T09:00:00Z"), null),
                new Source("Reuters", "https://reuters.com/y", Instant.parse("2020-01-03T01:10:00Z"), null),
                new Source("BBC", "https://bbc.co.uk/z", Instant.parse("2020-01-04T00:00:00Z"), null));

        assertThat(IncidentState.reportedAt(sources)).isEqualTo(Instant.parse("2020-01-03T01:10:00Z"));
    }

    @Test
    void incidentWithoutSourcesHasNoReportedAt() {
        assertThat(IncidentState.reportedAt(List.of())).isNull();
    }

    @Test
    void amendmentReplacesOnlyTheFieldsItSets() {
        IncidentState amended = protest.amended(
                new IncidentChanges(null, null, null, null, null, null, null, new ProtestDetails(50000, null), null),
                json);

        assertThat(amended.details()).isEqualTo(json.valueToTree(new ProtestDetails(50000, null)));
        assertThat(amended.summary()).isEqualTo(protest.summary());
        assertThat(amended.occurredAt()).isEqualTo(protest.occurredAt());
        assertThat(amended.actors()).isEqualTo(protest.actors());
        assertThat(amended.sources()).isEqualTo(protest.sources());
    }

    @Test
    void sourcePublishedEarlierMovesReportedAtEarlier() {
        IncidentState attached = protest.withSource(
                new Source("Reuters", "https://reuters.com/y", Instant.parse("2020-01-05T10:30:00Z"), null));

        assertThat(protest.reportedAt()).isEqualTo(Instant.parse("2020-01-05T12:00:00Z"));
        assertThat(attached.reportedAt()).isEqualTo(Instant.parse("2020-01-05T10:30:00Z"));
        assertThat(attached.sources()).hasSize(2);
    }

    @Test
    void latestOfDisputeAndVerificationWinsButRetractionIsFinal() {
        assertThat(protest.withStatus(IncidentStatus.DISPUTED)
                        .withStatus(IncidentStatus.VERIFIED)
                        .status())
                .isEqualTo(IncidentStatus.VERIFIED);
        assertThat(protest.withStatus(IncidentStatus.RETRACTED)
                        .withStatus(IncidentStatus.VERIFIED)
                        .status())
                .isEqualTo(IncidentStatus.RETRACTED);
    }
}
