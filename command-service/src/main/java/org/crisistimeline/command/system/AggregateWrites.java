package org.crisistimeline.command.system;

import java.net.URI;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Sends the commands of the write API to the aggregates.
 *
 * <p>Creation under a client-chosen id: each aggregate has two handlers of its creation command. The first, under the
 * command's own name, runs with {@code ALWAYS}: Axon creates the aggregate without reading its stream, which for a new
 * id (the usual case) is empty. When the id has events already, the event store's unique key refuses the first event
 * and the command is sent again under the second handler's name, which runs with {@code CREATE_IF_MISSING}: it loads
 * the aggregate, so a retry with the same body is a no-op and a different body is refused. This class adds what an
 * aggregate cannot see on its own: that the id belongs to another kind of aggregate (found when Axon fails to load it,
 * so the usual case costs no query).
 */
@Component
@EnableConfigurationProperties(SystemSettings.class)
public class AggregateWrites {

    private final CommandGateway commands;
    private final KnownAggregates known;
    private final String queryBaseUrl;

    AggregateWrites(CommandGateway commands, KnownAggregates known, SystemSettings settings) {
        this.commands = commands;
        this.known = known;
        this.queryBaseUrl = settings.queryBaseUrl().toString();
    }

    /**
     * @param again the name of the aggregate's handler that loads it before creating (see above)
     * @param readPath where the query service shows the result, e.g. {@code /api/v1/incidents/x}
     * @return 201 with the id and version 1, the same for the first request and for every retry of it
     */
    public ResponseEntity<Receipt> create(
            String aggregateType, String id, Object command, String again, String readPath) {
        try {
            try {
                commands.sendAndWait(withAuditTrail(command, null));
            } catch (AggregateStreamCreationException idHasEvents) {
                // a retry, another body under the same id, or another kind's id: loaded, the aggregate tells which
                commands.sendAndWait(new GenericCommandMessage<>(withAuditTrail(command, null), again));
            }
        } catch (IncompatibleAggregateException otherKind) {
            // Axon cannot rebuild an aggregate from another kind's events: none of their handlers sets its id
            throw known.typeOf(id)
                    .filter(type -> !type.equals(aggregateType))
                    .map(type -> usedByAnotherKind(id, type))
                    .orElseThrow(() -> otherKind);
        }
        return ResponseEntity.created(URI.create(queryBaseUrl + readPath)).body(new Receipt(id, 1));
    }

    /**
     * Sends a command that changes an existing aggregate of the given type; an id under which nothing, or another kind
     * of aggregate, is stored answers 404 (Axon finds no events, or cannot load another kind's).
     *
     * @return the id and the aggregate's version after the change
     */
    public Receipt change(String aggregateType, String id, Object command, String reason) {
        try {
            long version = commands.sendAndWait(withAuditTrail(command, reason));
            return new Receipt(id, version);
        } catch (IncompatibleAggregateException otherKind) {
            throw new AggregateNotFoundException(id, "No " + aggregateType.toLowerCase() + " with this id");
        }
    }

    private static CommandMessage<?> withAuditTrail(Object command, String reason) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(AuditTrail.ofCurrentRequest(reason));
    }

    private static IdAlreadyUsed usedByAnotherKind(String id, String type) {
        return new IdAlreadyUsed(
                "The id '%s' is already used by %s %s; ids are unique across incidents, actors and crises"
                        .formatted(id, article(type), type.toLowerCase()));
    }

    private static String article(String type) {
        return "AEIOU".indexOf(type.charAt(0)) >= 0 ? "an" : "a";
    }
}
