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
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.crisistimeline.command.system.IdAlreadyUsed;
import org.crisistimeline.command.system.InvalidField;
import org.crisistimeline.command.system.KnownAggregates;
import org.crisistimeline.command.system.NoLongerAccepting;
import org.crisistimeline.command.system.RuleViolation;
import org.crisistimeline.command.system.StaleVersion;
import org.crisistimeline.events.EventJson;
import org.crisistimeline.events.actor.ActorKind;
import org.crisistimeline.events.actor.ActorRegistered;
import org.crisistimeline.events.incident.ActorRole;
import org.crisistimeline.events.incident.Confidence;
import org.crisistimeline.events.incident.IncidentActor;
import org.crisistimeline.events.incident.IncidentAmended;
import org.crisistimeline.events.incident.IncidentChanges;
import org.crisistimeline.events.incident.IncidentDisputed;
import org.crisistimeline.events.incident.IncidentLinked;
import org.crisistimeline.events.incident.IncidentRetracted;
import org.crisistimeline.events.incident.IncidentType;
import org.crisistimeline.events.incident.IncidentVerified;
import org.crisistimeline.events.incident.LinkRelation;
import org.crisistimeline.events.incident.Location;
import org.crisistimeline.events.incident.Precision;
import org.crisistimeline.events.incident.Source;
import org.crisistimeline.events.incident.SourceAttached;
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
        fixture.registerInjectableResource(new FixedAggregates(
                Map.of(
                        "iran-us-2020", "Crisis",
                        "united-states", "Actor",
                        "qassem-soleimani", "Actor",
                        "boris-johnson", "Actor",
                        "british-embassy-strike", "Incident"),
                Map.of(
                        "mr johnson", Set.of("boris-johnson"),
                        "soleimani", Set.of("qassem-soleimani"),
                        "the general", Set.of("qassem-soleimani", "some-other-general"))));
    }

    static RecordIncident droneStrike() {
        return new RecordIncident(
                "soleimani-killed",
                "iran-us-2020",
                IncidentType.STRIKE,
                Instant.parse("2020-01-02T22:00:00Z"),
                Precision.HOUR,
                null,
                null,
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
                .when(again(droneStrike()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void reusingAnIncidentIdForADifferentIncidentIsRefused() {
        RecordIncident different = droneStrikeWith(strike -> strike.put("occurredPrecision", "DAY"));

        fixture.given(droneStrike().toEvent())
                .when(again(different))
                .expectException(IdAlreadyUsed.class)
                .expectNoEvents();
    }

    @Test
    void anIdWhoseEventsAreAnotherAggregatesCannotBeLoadedAsAnIncident() {
        var actor = new ActorRegistered("soleimani-killed", "Someone", ActorKind.PERSON, "IQ", List.of());

        fixture.given(actor)
                .when(again(droneStrike()))
                .expectException(IncompatibleAggregateException.class)
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
                                new InvalidField("actors[0].actorId", "no actor with this id or name"),
                                new InvalidField("actors[2].actorId", "no actor with this id or name"))
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
                .expectExceptionMessage(broken("details.speakerId", "no actor with this id or name"));
    }

    @Test
    void anActorMayBeNamedByAnAliasAndIsStoredByItsId() {
        RecordIncident byAlias =
                droneStrikeWith(strike -> ((ObjectNode) strike.get("actors").get(1)).put("actorId", "Soleimani"));

        fixture.givenNoPriorActivity().when(byAlias).expectEvents(droneStrike().toEvent());
    }

    @Test
    void aNameOfSeveralActorsIsRefused() {
        RecordIncident ambiguous =
                droneStrikeWith(strike -> ((ObjectNode) strike.get("actors").get(1)).put("actorId", "the general"));

        fixture.givenNoPriorActivity()
                .when(ambiguous)
                .expectException(RuleViolation.class)
                .expectExceptionMessage(broken(
                        "actors[1].actorId", "names several actors (qassem-soleimani, some-other-general); use an id"))
                .expectNoEvents();
    }

    static IncidentChanges summaryChange(String summary) {
        return new IncidentChanges(null, null, null, null, null, null, summary, null, null);
    }

    @Test
    void aCorrectionIsStoredWithItsReason() {
        fixture.given(droneStrike().toEvent())
                .when(new AmendIncident("soleimani-killed", 1, summaryChange("A US drone strike kills two."), "typo"))
                .expectEvents(
                        new IncidentAmended("soleimani-killed", summaryChange("A US drone strike kills two."), "typo"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void aCorrectionAgainstAStaleVersionIsRefusedWithTheCurrentVersion() {
        fixture.given(droneStrike().toEvent(), new IncidentVerified("soleimani-killed", "confirmed"))
                .when(new AmendIncident("soleimani-killed", 1, summaryChange("Other."), "typo"))
                .expectException(StaleVersion.class)
                .expectException(hasCurrentVersion(2))
                .expectNoEvents();
    }

    @Test
    void aCorrectionMustSetAField() {
        fixture.given(droneStrike().toEvent())
                .when(new AmendIncident(
                        "soleimani-killed",
                        1,
                        new IncidentChanges(null, null, null, null, null, null, null, null, null),
                        "nothing"))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aCorrectionThatChangesNothingIsRefused() {
        fixture.given(droneStrike().toEvent())
                .when(new AmendIncident(
                        "soleimani-killed", 1, summaryChange(droneStrike().summary()), "same"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(broken("changes", "changes nothing: every field already has this value"));
    }

    @Test
    void aCorrectedIncidentMustStillKeepTheRules() {
        IncidentChanges future =
                new IncidentChanges(null, null, NOW.plusSeconds(3600), null, null, null, null, null, null);

        fixture.given(droneStrike().toEvent())
                .when(new AmendIncident("soleimani-killed", 1, future, "later"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(broken("changes.occurredAt", "must not be in the future"));
    }

    @Test
    void aRetractedIncidentAcceptsNoCorrection() {
        fixture.given(droneStrike().toEvent(), new IncidentRetracted("soleimani-killed", "duplicate"))
                .when(new AmendIncident("soleimani-killed", 2, summaryChange("Other."), "typo"))
                .expectException(NoLongerAccepting.class)
                .expectNoEvents();
    }

    @Test
    void aRetractedIncidentAcceptsNoSourceDisputeOrLink() {
        var retracted = List.of(droneStrike().toEvent(), new IncidentRetracted("soleimani-killed", "duplicate"));

        fixture.given(retracted)
                .when(new AttachSource("soleimani-killed", laterSource()))
                .expectException(NoLongerAccepting.class);
        fixture.given(retracted)
                .when(new AssessIncident("soleimani-killed", AssessIncident.Verdict.DISPUTED, "doubt"))
                .expectException(NoLongerAccepting.class);
        fixture.given(retracted)
                .when(new LinkIncident("soleimani-killed", "british-embassy-strike", LinkRelation.CAUSED_BY))
                .expectException(NoLongerAccepting.class);
        fixture.given(retracted)
                .when(new RetractIncident("soleimani-killed", 2, "again"))
                .expectException(NoLongerAccepting.class);
    }

    @Test
    void aRetractionNeedsTheCurrentVersionAndAReasonIsKept() {
        fixture.given(droneStrike().toEvent())
                .when(new RetractIncident("soleimani-killed", 1, "did not happen"))
                .expectEvents(new IncidentRetracted("soleimani-killed", "did not happen"));
        fixture.given(droneStrike().toEvent())
                .when(new RetractIncident("soleimani-killed", 0, "did not happen"))
                .expectException(StaleVersion.class);
    }

    static Source laterSource() {
        return new Source("Reuters", "https://example.org/reuters", Instant.parse("2020-01-03T01:30:00Z"), null);
    }

    @Test
    void attachingASourceStoresIt() {
        fixture.given(droneStrike().toEvent())
                .when(new AttachSource("soleimani-killed", laterSource()))
                .expectEvents(new SourceAttached("soleimani-killed", laterSource()))
                .expectResultMessagePayload(2L);
    }

    @Test
    void attachingTheSameSourceAgainChangesNothing() {
        fixture.given(droneStrike().toEvent(), new SourceAttached("soleimani-killed", laterSource()))
                .when(new AttachSource("soleimani-killed", laterSource()))
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void anotherSourceUnderAnAttachedUrlIsRefused() {
        Source sameUrl = new Source("Reuters", laterSource().url(), Instant.parse("2020-01-04T00:00:00Z"), null);

        fixture.given(droneStrike().toEvent(), new SourceAttached("soleimani-killed", laterSource()))
                .when(new AttachSource("soleimani-killed", sameUrl))
                .expectException(IdAlreadyUsed.class);
    }

    @Test
    void aSourceToAttachCannotBePublishedInTheFuture() {
        Source future = new Source("Reuters", "https://example.org/future", NOW.plusSeconds(1), null);

        fixture.given(droneStrike().toEvent())
                .when(new AttachSource("soleimani-killed", future))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void anIncidentCanBeDisputedAndThenVerified() {
        fixture.given(droneStrike().toEvent(), new IncidentDisputed("soleimani-killed", "one source"))
                .when(new AssessIncident("soleimani-killed", AssessIncident.Verdict.VERIFIED, "three sources"))
                .expectEvents(new IncidentVerified("soleimani-killed", "three sources"));
    }

    @Test
    void theSameVerdictForTheSameReasonAgainChangesNothing() {
        fixture.given(droneStrike().toEvent(), new IncidentVerified("soleimani-killed", "three sources"))
                .when(new AssessIncident("soleimani-killed", AssessIncident.Verdict.VERIFIED, "three sources"))
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void anIncidentLinksToAnotherKnownIncidentOnce() {
        var link = new IncidentLinked("soleimani-killed", "british-embassy-strike", LinkRelation.CAUSED_BY);

        fixture.given(droneStrike().toEvent())
                .when(new LinkIncident("soleimani-killed", "british-embassy-strike", LinkRelation.CAUSED_BY))
                .expectEvents(link);
        fixture.given(droneStrike().toEvent(), link)
                .when(new LinkIncident("soleimani-killed", "british-embassy-strike", LinkRelation.CAUSED_BY))
                .expectNoEvents();
    }

    @Test
    void anIncidentCannotLinkToAnUnknownIncidentOrToItself() {
        fixture.given(droneStrike().toEvent())
                .when(new LinkIncident("soleimani-killed", "no-such-incident", LinkRelation.RESPONDS_TO))
                .expectException(RuleViolation.class);
        fixture.given(droneStrike().toEvent())
                .when(new LinkIncident("soleimani-killed", "soleimani-killed", LinkRelation.SAME_AS))
                .expectException(RuleViolation.class);
    }

    @Test
    void anIncidentNobodyRecordedCannotBeCorrected() {
        fixture.givenNoPriorActivity()
                .when(new AmendIncident("nobody-recorded-this", 1, summaryChange("x"), "x"))
                .expectException(AggregateNotFoundException.class);
    }

    private static org.hamcrest.Matcher<StaleVersion> hasCurrentVersion(long version) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(StaleVersion stale) {
                return stale.currentVersion() == version;
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("a stale version with current version " + version);
            }
        };
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

    /** The aggregates that exist in the world of a test: id to type, and actors' names to their ids. */
    record FixedAggregates(Map<String, String> types, Map<String, Set<String>> names) implements KnownAggregates {

        FixedAggregates(Map<String, String> types) {
            this(types, Map.of());
        }

        @Override
        public Set<String> actorsNamed(String name) {
            return names.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), Set.of());
        }

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

    /** As the service sends it once the first attempt found the id taken (AggregateWrites). */
    private static CommandMessage<RecordIncident> again(RecordIncident command) {
        return new GenericCommandMessage<>(new GenericMessage<>(command), RecordIncident.AGAIN);
    }
}
