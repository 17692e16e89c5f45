package org.crisistimeline.command.actor;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.crisistimeline.command.system.RuleViolation;
import org.crisistimeline.events.actor.ActorAliasAdded;
import org.crisistimeline.events.actor.ActorKind;
import org.crisistimeline.events.actor.ActorRegistered;
import org.crisistimeline.events.actor.ActorTitleAssigned;
import org.junit.jupiter.api.Test;

class ActorTitlesTest {

    private final AggregateTestFixture<Actor> fixture = new AggregateTestFixture<>(Actor.class);

    private final ActorRegistered raab =
            new ActorRegistered("dominic-raab", "Dominic Raab", ActorKind.PERSON, "GB", List.of("Mr Raab"));

    @Test
    void anActorHoldsATitleForAPeriod() {
        fixture.given(raab)
                .when(new AssignActorTitle("dominic-raab", "Foreign Secretary", LocalDate.parse("2019-07-24"), null))
                .expectEvents(new ActorTitleAssigned(
                        "dominic-raab", "Foreign Secretary", LocalDate.parse("2019-07-24"), null))
                .expectResultMessagePayload(2L);
    }

    @Test
    void aTitleCannotEndBeforeItStarts() {
        fixture.given(raab)
                .when(new AssignActorTitle(
                        "dominic-raab",
                        "First Secretary of State",
                        LocalDate.parse("2020-01-01"),
                        LocalDate.parse("2019-12-31")))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void theSameTitleAgainChangesNothing() {
        var title = new ActorTitleAssigned("dominic-raab", "Foreign Secretary", LocalDate.parse("2019-07-24"), null);

        fixture.given(raab, title)
                .when(new AssignActorTitle("dominic-raab", "Foreign Secretary", LocalDate.parse("2019-07-24"), null))
                .expectNoEvents();
    }

    @Test
    void anAliasIsAddedOnceWhateverItsCase() {
        fixture.given(raab)
                .when(new AddActorAlias("dominic-raab", "the Foreign Secretary"))
                .expectEvents(new ActorAliasAdded("dominic-raab", "the Foreign Secretary"));
        fixture.given(raab).when(new AddActorAlias("dominic-raab", "MR RAAB")).expectNoEvents();
    }

    @Test
    void anActorNobodyRegisteredGetsNoTitle() {
        fixture.givenNoPriorActivity()
                .when(new AssignActorTitle("nobody", "King", LocalDate.parse("2019-01-01"), null))
                .expectException(AggregateNotFoundException.class);
    }
}
