package org.crisistimeline.command.crisis;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.crisistimeline.command.system.IdAlreadyUsed;
import org.crisistimeline.command.system.RuleViolation;
import org.crisistimeline.events.actor.ActorKind;
import org.crisistimeline.events.actor.ActorRegistered;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CrisisTest {

    private final AggregateTestFixture<Crisis> fixture = new AggregateTestFixture<>(Crisis.class);

    private final OpenCrisis iranUs = new OpenCrisis(
            "iran-us-2020",
            "Iran–US crisis",
            "After the killing of Qassem Soleimani",
            List.of("IR", "IQ", "US", "GB"),
            LocalDate.parse("2020-01-03"));

    @BeforeEach
    void today() {
        fixture.registerInjectableResource(Clock.fixed(Instant.parse("2020-01-08T12:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void openingACrisisStoresIt() {
        fixture.givenNoPriorActivity().when(iranUs).expectEvents(iranUs.toEvent());
    }

    @Test
    void openingTheSameCrisisAgainChangesNothing() {
        fixture.given(iranUs.toEvent())
                .when(again(iranUs))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void reusingACrisisIdForAnotherCrisisIsRefused() {
        var renamed = new OpenCrisis(iranUs.id(), "Gulf crisis", null, iranUs.countries(), iranUs.startedOn());

        fixture.given(iranUs.toEvent())
                .when(again(renamed))
                .expectException(IdAlreadyUsed.class)
                .expectNoEvents();
    }

    @Test
    void anIdWhoseEventsAreAnotherAggregatesCannotBeLoadedAsACrisis() {
        var actor = new ActorRegistered("iran-us-2020", "Someone", ActorKind.PERSON, "IR", List.of());

        fixture.given(actor)
                .when(again(iranUs))
                .expectException(IncompatibleAggregateException.class)
                .expectNoEvents();
    }

    @Test
    void aCrisisCannotStartInTheFuture() {
        var tomorrow = new OpenCrisis("next", "Next crisis", null, List.of("IR"), LocalDate.parse("2020-01-09"));

        fixture.givenNoPriorActivity()
                .when(tomorrow)
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    /** As the service sends it once the first attempt found the id taken (AggregateWrites). */
    private static CommandMessage<OpenCrisis> again(OpenCrisis command) {
        return new GenericCommandMessage<>(new GenericMessage<>(command), OpenCrisis.AGAIN);
    }
}
