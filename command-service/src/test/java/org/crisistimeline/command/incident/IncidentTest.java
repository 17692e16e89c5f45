package org.crisistimeline.command.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.crisistimeline.command.system.IdAlreadyUsed;
import org.crisistimeline.command.system.InvalidField;
import org.crisistimeline.command.system.KnownAggregates;
import org.crisistimeline.command.system.RuleViolation;
import org.crisistimeline.events.EventJson;
import org.crisistimeline.events.incident.ActorRole;
import org.crisistimeline.events.incident.Confidence;
import org.crisistimeline.events.incident.IncidentActor;
import org.crisistimeline.events.incident.IncidentType;
import org.crisistimeline.events.incident.Location;
import org.crisistimeline.events.incident.Precision;
import org.crisistimeline.events.incident.Source;
import org.crisistimeline.events.incident.details.StrikeDetails;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IncidentTest {

    static final Instant NOW = Instant.parse("2020-01-08T12:00:00Z");

    private static final ObjectMapper json = EventJson.newMapper();

    private final AggregateTestFixture<Incident> fixture = new AggregateTestFixture<>(Incident.class);

    @BeforeEach
    void knownWorld() {
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new FixedAggregates(Map.of(
                "iran-us-2020", "Crisis",
                "united-states", "Actor",
                "qassem-soleimani", "Actor",
                "boris-johnson", "Actor")));
    }

    static RecordIncident droneStrike() {
        return new RecordIncident(
                "soleimani-killed",
                "iran-us-2020",
                IncidentType.STRIKE,
                Instant.parse("2020-01-02T22:00:00Z"),
                Precision.HOUR,
                new Location("IQ", "Baghdad International Airport", 33.2625, 44.2346),
                List.of(
                        new IncidentActor("united-states", ActorRole.INITIATOR),
                        new IncidentActor("qassem-soleimani", ActorRole.VICTIM)),
                "A US drone strike kills Qassem Soleimani as he leaves Baghdad airport.",
                new StrikeDetails(StrikeDetails.Method.DRONE, "convoy", null),
                List.of(new Source(
                        "Sky News", "https://news.sky.com/story/x", Instant.parse("2020-01-07T06:00:00Z"), null)),
                Confidence.HIGH);
    }

    @Test
    void recordingAnIncidentStoresItAsRecorded() {
        fixture.givenNoPriorActivity()
                .when(droneStrike())
                .expectEvents(droneStrike().toEvent());
    }

    @Test
    void recordingTheSameIncidentAgainChangesNothing() {
        fixture.given(droneStrike().toEvent())
                .when(droneStrike())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void reusingAnIncidentIdForADifferentIncidentIsRefused() {
        RecordIncident different = droneStrikeWith(strike -> strike.put("occurredPrecision", "DAY"));

        fixture.given(droneStrike().toEvent())
                .when(different)
                .expectException(IdAlreadyUsed.class)
                .expectNoEvents();
    }

    @Test
    void anIncidentCannotHaveOccurredInTheFuture() {
        RecordIncident tomorrow = droneStrikeWith(
                strike -> strike.put("occurredAt", NOW.plusSeconds(86_400).toString()));

        fixture.givenNoPriorActivity()
                .when(tomorrow)
                .expectException(RuleViolation.class)
                .expectExceptionMessage(broken("occurredAt", "must not be in the future"))
                .expectNoEvents();
    }

    @Test
    void anIncidentMayHaveOccurredUpToThisVeryMoment() {
        RecordIncident now = droneStrikeWith(strike -> strike.put("occurredAt", NOW.toString()));

        fixture.givenNoPriorActivity().when(now).expectEvents(now.toEvent());
    }

    @Test
    void aSourceCannotBePublishedInTheFuture() {
        RecordIncident fromTheFuture =
                droneStrikeWith(strike -> ((ObjectNode) strike.get("sources").get(0))
                        .put("publishedAt", NOW.plusSeconds(60).toString()));

        fixture.givenNoPriorActivity()
                .when(fromTheFuture)
                .expectException(RuleViolation.class)
                .expectExceptionMessage(broken("sources[0].publishedAt", "must not be in the future"));
    }

    @Test
    void anIncidentMustBelongToAKnownCrisis() {
        RecordIncident elsewhere = droneStrikeWith(strike -> strike.put("crisisId", "no-such-crisis"));

        fixture.givenNoPriorActivity()
                .when(elsewhere)
                .expectException(RuleViolation.class)
                .expectExceptionMessage(broken("crisisId", "no crisis with this id"))
                .expectNoEvents();
    }

    @Test
    void everyActorNamedMustBeKnownAndEachUnknownOneIsListed() {
        RecordIncident strangers = droneStrikeWith(strike -> {
            ArrayNode actors = strike.putArray("actors");
            actors.addObject().put("actorId", "nobody").put("role", "INITIATOR");
            actors.addObject().put("actorId", "united-states").put("role", "TARGET");
            actors.addObject().put("actorId", "no-one").put("role", "VICTIM");
        });

        fixture.givenNoPriorActivity()
                .when(strangers)
                .expectException(RuleViolation.class)
                .expectExceptionMessage(List.of(
                                new InvalidField("actors[0].actorId", "no actor with this id"),
                                new InvalidField("actors[2].actorId", "no actor with this id"))
                        .toString())
                .expectNoEvents();
    }

    @Test
    void theSpeakerOfAStatementMustBeAKnownActor() {
        RecordIncident statement = droneStrikeWith(incident -> {
            incident.put("type", "STATEMENT");
            incident.putObject("details")
                    .put("speakerId", "johnsons-spokesman")
                    .put("quote", "There are international conventions in place")
                    .put("channel", "SPOKESPERSON")
                    .put("stance", "CRITICAL");
        });

        fixture.givenNoPriorActivity()
                .when(statement)
                .expectException(RuleViolation.class)
                .expectExceptionMessage(broken("details.speakerId", "no actor with this id"));
    }

    private static String broken(String field, String message) {
        return List.of(new InvalidField(field, message)).toString();
    }

    /** The drone strike with some fields changed, the way a client would change its JSON. */
    private static RecordIncident droneStrikeWith(Consumer<ObjectNode> change) {
        try {
            ObjectNode strike = json.valueToTree(droneStrike());
            change.accept(strike);
            return json.treeToValue(strike, RecordIncident.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The aggregates that exist in the world of a test: id to type. */
    record FixedAggregates(Map<String, String> types) implements KnownAggregates {

        @Override
        public Set<String> missing(String aggregateType, Collection<String> ids) {
            Set<String> missing = new HashSet<>();
            ids.stream().filter(id -> !aggregateType.equals(types.get(id))).forEach(missing::add);
            return missing;
        }

        @Override
        public Optional<String> typeOf(String id) {
            return Optional.ofNullable(types.get(id));
        }
    }
}
