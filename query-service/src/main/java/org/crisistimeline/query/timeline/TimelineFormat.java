package org.crisistimeline.query.timeline;

/** How a timeline is answered: a page of JSON, or the whole timeline as a file to download. */
enum TimelineFormat {
    /** a page, with nextCursor */
    JSON,
    /** every incident, one row each, columns modelled on ACLED's export */
    CSV,
    /** every incident, as Knight Lab TimelineJS loads it */
    TIMELINEJS;

    boolean isExport() {
        return this != JSON;
    }
}
