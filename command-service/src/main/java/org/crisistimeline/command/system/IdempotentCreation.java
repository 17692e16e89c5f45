package org.crisistimeline.command.system;

import java.net.URI;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Sends a command that creates an aggregate under a client-chosen id. The aggregates' creation handlers run with
 * {@code CREATE_IF_MISSING}: a first request creates, a retry with the same body is a no-op and a different body is
 * refused. This class adds what an aggregate cannot see on its own: that the id belongs to another kind of aggregate,
 * and a concurrent request that created the same id a moment earlier.
 */
@Component
public class IdempotentCreation {

    private final CommandGateway commands;
    private final KnownAggregates known;
    private final String queryBaseUrl;

    IdempotentCreation(
            CommandGateway commands,
            KnownAggregates known,
            @Value("${crisis-timeline.query-base-url}") String queryBaseUrl) {
        this.commands = commands;
        this.known = known;
        this.queryBaseUrl = queryBaseUrl;
    }

    /**
     * @param readPath where the query service shows the result, e.g. {@code /api/v1/incidents/x}
     * @return 201 with the id and version 1, the same for the first request and for every retry of it
     */
    public ResponseEntity<Receipt> create(String aggregateType, String id, Object command, String readPath) {
        refuseIfUsedByAnotherType(aggregateType, id);
        try {
            commands.sendAndWait(command);
        } catch (AggregateStreamCreationException lostRace) {
            // another request stored the first event of this id between our load and our append; now that the
            // stream exists, sending again compares the bodies like any retry
            refuseIfUsedByAnotherType(aggregateType, id);
            commands.sendAndWait(command);
        }
        return ResponseEntity.created(URI.create(queryBaseUrl + readPath)).body(new Receipt(id, 1));
    }

    private void refuseIfUsedByAnotherType(String aggregateType, String id) {
        known.typeOf(id).filter(type -> !type.equals(aggregateType)).ifPresent(type -> {
            throw new IdAlreadyUsed(
                    "The id '%s' is already used by %s %s; ids are unique across incidents, actors and crises"
                            .formatted(id, article(type), type.toLowerCase()));
        });
    }

    private static String article(String type) {
        return "AEIOU".indexOf(type.charAt(0)) >= 0 ? "an" : "a";
    }
}
