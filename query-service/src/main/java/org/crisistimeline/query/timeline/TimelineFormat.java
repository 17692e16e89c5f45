package org.crisistimeline.query.timeline;

/** How a timeline is answered: a page of JSON, or the whole timeline as a file to download. */
enum TimelineFormat {
    /** a page, with nextCursor */
    JSON,
    /** every incident, one row each, ACLED's and UCDP's column names (docs/exports.md) */
    CSV,
    /** every incident, as Knight Lab TimelineJS loads it */
    TIMELINEJS,
    /** every incident as a line of the import's own NDJSON, so that export and import round-trip */
    NDJSON,
    /** a GeoJSON FeatureCollection of the incidents that have coordinates */
    GEOJSON;

    boolean isExport() {
        return this != JSON;
    }
}
