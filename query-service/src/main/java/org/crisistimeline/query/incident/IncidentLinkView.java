package org.crisistimeline.query.incident;

import java.time.Instant;
import java.util.Map;
import org.crisistimeline.events.incident.LinkRelation;

/**
 * A link of an incident to another, read from the incident's side: an outgoing link as recorded ("this RESPONDS_TO
 * incidentId"), an incoming one in the inverse wording ("this RESPONDED_TO_BY incidentId").
 *
 * @param incidentId the other incident
 * @param linkedAt when the link was recorded
 */
public record IncidentLinkView(String relation, String incidentId, String direction, Instant linkedAt) {

    static final String OUTGOING = "outgoing";
    static final String INCOMING = "incoming";

    /** How each relation reads from its target; SAME_AS reads the same both ways. */
    static final Map<LinkRelation, String> INVERSE = Map.of(
            LinkRelation.RESPONDS_TO, "RESPONDED_TO_BY",
            LinkRelation.RETALIATION_FOR, "RETALIATED_BY",
            LinkRelation.CAUSED_BY, "CAUSED",
            LinkRelation.SAME_AS, "SAME_AS");

    static IncidentLinkView outgoing(LinkRelation relation, String targetId, Instant linkedAt) {
        return new IncidentLinkView(relation.name(), targetId, OUTGOING, linkedAt);
    }

    static IncidentLinkView incoming(LinkRelation relation, String sourceId, Instant linkedAt) {
        return new IncidentLinkView(INVERSE.get(relation), sourceId, INCOMING, linkedAt);
    }
}
