// Timeline entries as vis-timeline items: the span their precision honestly covers, a class per type and status, the
// number of sources on each.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * The time an incident may have happened in: a DAY incident is the whole day, a MONTH one the month; a MINUTE one is a
 * point (end null).
 */
export function span(occurredAt, precision) {
  const start = new Date(occurredAt);
  switch (precision) {
    case 'HOUR':
      return { start, end: new Date(start.getTime() + HOUR) };
    case 'DAY':
      return { start, end: new Date(start.getTime() + DAY) };
    case 'MONTH': {
      const end = new Date(start);
      end.setUTCMonth(end.getUTCMonth() + 1);
      return { start, end };
    }
    default:
      return { start, end: null };
  }
}

export function escapeHtml(text) {
  return String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The source count and first publisher of a timeline entry, or of an incident view (a replay sends those). */
export function sourcesOf(entry) {
  if (typeof entry.sourceCount === 'number') {
    return { count: entry.sourceCount, firstPublisher: entry.firstPublisher ?? null };
  }
  const sources = [...(entry.sources ?? [])].sort((a, b) => Date.parse(a.publishedAt) - Date.parse(b.publishedAt));
  return { count: sources.length, firstPublisher: sources[0]?.publisher ?? null };
}

/** @param entry an item of a timeline page, or an incident view */
export function toItem(entry) {
  const { start, end } = span(entry.occurredAt, entry.occurredPrecision);
  const { count, firstPublisher } = sourcesOf(entry);
  const status = entry.status ?? 'RECORDED';
  const type = entry.type.toLowerCase().replaceAll('_', '-');
  const marks = status === 'DISPUTED' ? '<span class="mark" title="disputed">disputed</span> ' : '';
  const sourceLabel = `${count} source${count === 1 ? '' : 's'}`;
  return {
    id: entry.incidentId,
    start,
    end: end ?? undefined,
    type: end ? 'range' : 'box',
    className: `type-${type} status-${status.toLowerCase()}`,
    content:
      `<span class="sources" title="${sourceLabel}">${count}</span> ${marks}` +
      `<span class="summary">${escapeHtml(entry.summary)}</span>`,
    title: escapeHtml(
      `${entry.summary}\n${entry.type} · ${entry.occurredPrecision} · ${status}\n${sourceLabel}` +
        (firstPublisher ? `, first: ${firstPublisher}` : ''),
    ),
    summary: entry.summary,
    status,
    incidentType: entry.type,
  };
}

/** Whether an item passes the text filter (in its summary, in any case). */
export function matchesText(item, text) {
  return !text || item.summary.toLowerCase().includes(text.toLowerCase());
}

/**
 * One item per day of a window too full to draw incident by incident, from the crisis's per-day counts.
 *
 * @param perDayAndType [{date: '2020-01-03', type: 'STRIKE', count: 3}]
 */
export function dayAggregates(perDayAndType, from, to, types = []) {
  const days = new Map();
  for (const { date, type, count } of perDayAndType) {
    if (types.length && !types.includes(type)) continue;
    const start = new Date(date + 'T00:00:00Z');
    if (start.getTime() + DAY <= from.getTime() || start.getTime() >= to.getTime()) continue;
    days.set(date, (days.get(date) ?? 0) + count);
  }
  return [...days].map(([date, count]) => ({
    id: 'day-' + date,
    start: new Date(date + 'T00:00:00Z'),
    end: new Date(Date.parse(date + 'T00:00:00Z') + DAY),
    type: 'range',
    className: 'aggregate',
    content: `<span class="sources">${count}</span> incidents`,
    title: `${count} incidents on ${date}: zoom in to see them`,
    summary: '',
    status: 'AGGREGATE',
  }));
}
