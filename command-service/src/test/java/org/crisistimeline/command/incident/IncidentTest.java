package org.crisistimeline.command.incident;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.crisistimeline.command.system.IdAlreadyUsed;
import org.crisistimeline.command.system.InvalidField;
import org.crisistimeline.command.system.KnownAggregates;
import org.crisistimeline.command.system.RuleViolation;
import org.crisistimeline.events.incident.ActorRole;
import org.crisistimeline.events.incident.Confidence;
import org.crisistimeline.events.incident.IncidentActor;
import org.crisistimeline.events.incident.IncidentType;
import org.crisistimeline.events.incident.Location;
import org.crisistimeline.events.incident.Precision;
import org.crisistimeline.events.incident.Source;
import org.crisistimeline.events.incident.details.StatementDetails;
import org.crisistimeline.events.incident.details.StrikeDetails;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IncidentTest {

    static final Instant NOW = Instant.parse("2020-01-08T12:00:00Z");

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
                List.of(new Source("Sky News", "https://news.sky.com/story/x", Instant.parse("2020-01-07T06:00:00Z"), null)),
                Confidence.HIGH);
    }

    @Test
    void recordingAnIncidentStoresItAsRecorded() {
        fixture.givenNoPriorActivity().when(droneStrike()).expectEvents(droneStrike().toEvent());
    }

    @Test
    void recordingTheSameIncidentAgainChangesNothing() {
        fixture.given(droneStrike().toEvent()).when(droneStrike()).expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void reusingAnIncidentIdForADifferentIncidentIsRefused() {
        RecordIncident different = new RecordIncident(
                droneStrike().id(), droneStrike().crisisId(), droneStrike().type(), droneStrike().occurredAt(),
                Precision.DAY, droneStrike().location(), droneStrike().actors(), droneStrike().summary(),
                droneStrike().details(), droneStrike().sources(), droneStrike().confidence());

        fixture.given(droneStrike().toEvent()).when(different).expectException(IdAlreadyUsed.class).expectNoEvents();
    }

    @Test
    void anIncidentCannotHaveOccurredInTheFuture() {
        RecordIncident tomorrow = withOccurredAt(NOW.plusSeconds(86_400));

        fixture.givenNoPriorActivity()
                .when(tomorrow)
                .expectException(RuleViolation.class)
                .expectExceptionMessage(List.of(new InvalidField("occurredAt", "must not be in the future")).toString())
                .expectNoEvents();
    }

    @Test
    void anIncidentMayHaveOccurredUpToThisVeryMoment() {
        fixture.givenNoPriorActivity().when(withOccurredAt(NOW)).expectEvents(withOccurredAt(NOW).toEvent());
    }

    @Test
    void aSourceCannotBePublishedInTheFuture() {
        RecordIncident strike = droneStrike();
        RecordIncident fromTheFuture = new RecordIncident(
                strike.id(), strike.crisisId(), strike.type(), strike.occurredAt(), strike.occurredPrecision(),
                strike.location(), strike.actors(), strike.summary(), strike.details(),
                List.of(new Source("Sky News", "https://news.sky.com/story/x", NOW.plusSeconds(60), null)),
                strike.confidence());

        fixture.givenNoPriorActivity()
                .when(fromTheFuture)
                .expectException(RuleViolation.class)
                .expectExceptionMessage(
                        List.of(new InvalidField("sources[0].publishedAt", "must not be in the future")).toString());
    }

    @Test
    void anIncidentMustBelongToAKnownCrisis() {
        RecordIncident strike = droneStrike();
        RecordIncident elsewhere = new RecordIncident(
                strike.id(), "no-such-crisis", strike.type(), strike.occurredAt(), strike.occurredPrecision(),
                strike.location(), strike.actors(), strike.summary(), strike.details(), strike.sources(),
                strike.confidence());

        fixture.givenNoPriorActivity()
                .when(elsewhere)
                .expectException(RuleViolation.class)
                .expectExceptionMessage(List.of(new InvalidField("crisisId", "no crisis with this id")).toString())
                .expectNoEvents();
    }

    @Test
    void everyActorNamedMustBeKnownAndEachUnknownOneIsListed() {
        RecordIncident strike = droneStrike();
        RecordIncident strangers = new RecordIncident(
                strike.id(), strike.crisisId(), strike.type(), strike.occurredAt(), strike.occurredPrecision(),
                strike.location(),
                List.of(
                        new IncidentActor("nobody", ActorRole.INITIATOR),
                        new IncidentActor("united-states", ActorRole.TARGET),
                        new IncidentActor("no-one", ActorRole.VICTIM)),
                strike.summary(), strike.details(), strike.sources(), strike.confidence());

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
        RecordIncident strike = droneStrike();
        RecordIncident statement = new RecordIncident(
                "johnson-statement", strike.crisisId(), IncidentType.STATEMENT, strike.occurredAt(), Precision.DAY,
                new Location("GB", "London", null, null),
                List.of(new IncidentActor("boris-johnson", ActorRole.INITIATOR)),
                "Johnson's spokesman recalls the conventions protecting cultural heritage.",
                new StatementDetails(
                        "johnsons-spokesman", "There are international conventions in place",
                        StatementDetails.Channel.SPOKESPERSON, StatementDetails.Stance.CRITICAL),
                strike.sources(), Confidence.HIGH);

        fixture.givenNoPriorActivity()
                .when(statement)
                .expectException(RuleViolation.class)
                .expectExceptionMessage(
                        List.of(new InvalidField("details.speakerId", "no actor with this id")).toString());
    }

    private static RecordIncident withOccurredAt(Instant occurredAt) {
        RecordIncident strike = droneStrike();
        return new RecordIncident(
                strike.id(), strike.crisisId(), strike.type(), occurredAt, strike.occurredPrecision(),
                strike.location(), strike.actors(), strike.summary(), strike.details(), strike.sources(),
                strike.confidence());
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
