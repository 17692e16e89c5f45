package org.crisistimeline.events.incident;

/**
 * How precisely an incident's time is known: an event "on 3 January" has DAY precision. MINUTE and HOUR are instants
 * ({@code occurredAt}); DAY and coarser are calendar dates where it happened ({@code occurredOn}, and for a range
 * {@code occurredUntil}), as the data sets give them (UCDP date_prec 1–5, ACLED time_precision 1–3).
 */
public enum Precision {
    MINUTE,
    HOUR,
    DAY,
    /** a few days inside one week, e.g. UCDP date_prec 2 */
    WEEK,
    MONTH,
    YEAR;

    /** Whether the time is a local calendar date rather than an instant. */
    public boolean isCalendarDate() {
        return compareTo(DAY) >= 0;
    }
}
