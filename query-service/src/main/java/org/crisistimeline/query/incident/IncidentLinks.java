package org.crisistimeline.query.incident;

import java.util.List;

/** The links of an incident both ways: the ones it recorded (outgoing) first, then the ones naming it (incoming). */
public record IncidentLinks(String incidentId, List<IncidentLinkView> links) {}
