package org.crisistimeline.command.actor;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.crisistimeline.command.system.IdAlreadyUsed;
import org.crisistimeline.events.actor.ActorKind;
import org.crisistimeline.events.crisis.CrisisOpened;
import org.junit.jupiter.api.Test;

class ActorTest {

    private final AggregateTestFixture<Actor> fixture = new AggregateTestFixture<>(Actor.class);

    private final RegisterActor raab =
            new RegisterActor("dominic-raab", "Dominic Raab", ActorKind.PERSON, "GB", List.of("Foreign Secretary"));

    @Test
    void registeringAnActorStoresIt() {
        fixture.givenNoPriorActivity().when(raab).expectEvents(raab.toEvent());
    }

    @Test
    void anActorWithoutAliasesHasAnEmptyListOfThem() {
        var coalition = new RegisterActor("coalition", "Global Coalition", ActorKind.INTERNATIONAL_BODY, null, null);

        fixture.givenNoPriorActivity().when(coalition).expectEvents(coalition.toEvent());
    }

    @Test
    void registeringTheSameActorAgainChangesNothing() {
        fixture.given(raab.toEvent())
                .when(again(raab))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void reusingAnActorIdForAnotherActorIsRefused() {
        var someoneElse = new RegisterActor("dominic-raab", "Dominic Raab", ActorKind.PERSON, "GB", List.of());

        fixture.given(raab.toEvent())
                .when(again(someoneElse))
                .expectException(IdAlreadyUsed.class)
                .expectNoEvents();
    }

    @Test
    void anIdWhoseEventsAreAnotherAggregatesCannotBeLoadedAsAnActor() {
        var crisis = new CrisisOpened("dominic-raab", "A crisis", null, List.of("GB"), LocalDate.parse("2020-01-03"));

        fixture.given(crisis)
                .when(again(raab))
                .expectException(IncompatibleAggregateException.class)
                .expectNoEvents();
    }

    /** As the service sends it once the first attempt found the id taken (AggregateWrites). */
    private static CommandMessage<RegisterActor> again(RegisterActor command) {
        return new GenericCommandMessage<>(new GenericMessage<>(command), RegisterActor.AGAIN);
    }
}
