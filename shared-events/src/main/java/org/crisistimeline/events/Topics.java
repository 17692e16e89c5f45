package org.crisistimeline.events;

/** Kafka topics of the event stream. */
public final class Topics {

    /** Every event of every aggregate; key = aggregate id, so the events of one incident stay in order. */
    public static final String EVENTS = "crisis-timeline.events.v1";

    private Topics() {}
}
