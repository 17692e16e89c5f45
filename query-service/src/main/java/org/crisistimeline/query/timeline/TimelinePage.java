package org.crisistimeline.query.timeline;

import java.util.List;

/**
 * A page of a timeline, ordered by occurredAt then incident id.
 *
 * @param scope country, actor or crisis
 * @param key the country code, actor id or crisis id
 * @param nextCursor the {@code cursor} parameter for the next page; null on the last page
 */
record TimelinePage(String scope, String key, List<TimelineItem> items, String nextCursor) {}
