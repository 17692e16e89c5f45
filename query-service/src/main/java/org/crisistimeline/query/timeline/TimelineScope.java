package org.crisistimeline.query.timeline;

/** The kinds of timeline: the value is how the scope is stored in timeline_entry and shown in a page. */
enum TimelineScope {
    COUNTRY("country"),
    ACTOR("actor"),
    CRISIS("crisis");

    private final String value;

    TimelineScope(String value) {
        this.value = value;
    }

    String value() {
        return value;
    }
}
