package org.crisistimeline.query.replay;

import org.crisistimeline.query.incident.IncidentVersionId;
import org.crisistimeline.query.incident.VersionKind;

/** One event of a replay: where it stands and what made the version it shows. */
record ReplayEvent(ReplayPosition position, VersionKind kind) {

    IncidentVersionId version() {
        return new IncidentVersionId(position.incidentId(), position.version());
    }

    /** The SSE event name: the first version is the incident as first reported, the others are corrections. */
    String name() {
        return switch (kind) {
            case RECORDED -> "incident-reported";
            case AMENDED -> "incident-amended";
            case SOURCE_ATTACHED -> "source-attached";
            case DISPUTED -> "incident-disputed";
            case VERIFIED -> "incident-verified";
            case RETRACTED -> "incident-retracted";
            case LINKED -> "incident-linked";
        };
    }
}
