package org.crisistimeline.query.event;

/**
 * A feature's part of the read model. The consumer hands every projection the events of a poll, in the order they are
 * to be applied (each aggregate's in sequence, none applied before), inside the one transaction that applies the poll;
 * the projection turns them into a few set-based statements, and may share what it worked out with those after it. Projections run in the order of their
 * {@link org.springframework.core.annotation.Order}: those keeping their own tables first, then those reading them.
 */
public interface Projection {

    /** Keeps the feature's own tables from the events alone: crises, actors, incident versions. */
    int OWN_TABLES = 1;

    /** Reads what {@link #OWN_TABLES} wrote in the same transaction: the timelines. */
    int DERIVED = 2;

    /** Last: the event log (also the audit trail), whose lock orders the commits of concurrent consumers. */
    int LOG = 3;

    void apply(ProjectionBatch batch);
}
