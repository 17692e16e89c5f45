package org.crisistimeline.query.incident;

import java.time.Instant;

/**
 * A version of an incident: one already stored (only its state, number and times are used, to close it and follow it)
 * or one a batch adds, whose end is set when a later event of the same batch closes it.
 */
public final class IncidentVersion {

    private final int version;
    private final VersionKind kind;
    private final Instant validFrom;
    private final String recordedBy;
    private final String reason;
    private final IncidentState state;
    private final Instant recordedAt;
    private final boolean stored;
    private Instant validTo;

    IncidentVersion(
            int version,
            VersionKind kind,
            Instant validFrom,
            String recordedBy,
            String reason,
            IncidentState state,
            Instant recordedAt) {
        this(version, kind, validFrom, recordedBy, reason, state, recordedAt, false);
    }

    private IncidentVersion(
            int version,
            VersionKind kind,
            Instant validFrom,
            String recordedBy,
            String reason,
            IncidentState state,
            Instant recordedAt,
            boolean stored) {
        this.version = version;
        this.kind = kind;
        this.validFrom = validFrom;
        this.recordedBy = recordedBy;
        this.reason = reason;
        this.state = state;
        this.recordedAt = recordedAt;
        this.stored = stored;
    }

    static IncidentVersion stored(IncidentState state, int version, Instant validFrom, Instant recordedAt) {
        return new IncidentVersion(version, null, validFrom, null, null, state, recordedAt, true);
    }

    public int version() {
        return version;
    }

    public IncidentState state() {
        return state;
    }

    public Instant validFrom() {
        return validFrom;
    }

    /** @return null while the version is current */
    public Instant validTo() {
        return validTo;
    }

    /** No dated source: known from when it was recorded (docs/events.md), never earlier. */
    public Instant reportedAt() {
        Instant reportedAt = state.reportedAt();
        return reportedAt != null ? reportedAt : recordedAt;
    }

    VersionKind kind() {
        return kind;
    }

    String recordedBy() {
        return recordedBy;
    }

    String reason() {
        return reason;
    }

    Instant recordedAt() {
        return recordedAt;
    }

    boolean isStored() {
        return stored;
    }

    void closeAt(Instant validTo) {
        this.validTo = validTo;
    }
}
