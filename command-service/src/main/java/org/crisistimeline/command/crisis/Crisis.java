package org.crisistimeline.command.crisis;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.crisistimeline.command.system.IdAlreadyUsed;
import org.crisistimeline.command.system.InvalidField;
import org.crisistimeline.command.system.RuleViolation;
import org.crisistimeline.events.crisis.CrisisOpened;

/** A named crisis with its countries and start; incidents belong to one. */
@Aggregate
public class Crisis {

    @AggregateIdentifier
    private String crisisId;

    private CrisisOpened opened;

    protected Crisis() {
        // for Axon: created empty, then either handles its first command or replays its events
    }

    /** A new id, the usual case: created without reading the (empty) stream. An id with events goes to the next. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void create(OpenCrisis command, Clock clock) {
        handle(command, clock);
    }

    @CommandHandler(commandName = OpenCrisis.AGAIN)
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OpenCrisis command, Clock clock) {
        CrisisOpened requested = command.toEvent();
        if (opened != null) {
            if (!opened.equals(requested)) {
                throw new IdAlreadyUsed("Crisis '%s' was opened with a different body".formatted(command.id()));
            }
            return; // the same request again: already done
        }
        if (command.startedOn().isAfter(LocalDate.now(clock))) {
            throw new RuleViolation(List.of(new InvalidField("startedOn", "must not be in the future")));
        }
        if (command.startedOn().getYear() < 1900) {
            throw new RuleViolation(List.of(new InvalidField("startedOn", "must not be before 1900-01-01")));
        }
        apply(requested);
    }

    @EventSourcingHandler
    void on(CrisisOpened event) {
        crisisId = event.crisisId();
        opened = event;
    }
}
