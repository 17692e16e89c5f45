// Timeline entries as vis-timeline items: the span their precision honestly covers, a class per type and status, the
// number of sources on each.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * The time an incident may have happened in: a DAY incident is the whole day, a WEEK one a week, a MONTH one the
 * month, a YEAR one the year; a MINUTE one is a point (end null). A range (occurredUntil, the last day, inclusive: UCDP's
 * date_start..date_end) is drawn from its start to the end of its last day, whatever its precision.
 *
 * @param occurredOn the local calendar date occurredAt stands for (DAY or coarser: that date at 00:00 UTC), or null
 * @param occurredUntil the last day of a range, or null for none
 */
export function span(occurredAt, precision, occurredOn = null, occurredUntil = null) {
  const start = new Date(occurredAt);
  if (occurredUntil) {
    // counted in days from the date occurredAt stands for, so that a range keeps its length on any start
    const first = Date.parse((occurredOn ?? start.toISOString().slice(0, 10)) + 'T00:00:00Z');
    const days = Math.round((Date.parse(occurredUntil + 'T00:00:00Z') - first) / DAY) + 1;
    if (days >= 1) return { start, end: new Date(start.getTime() + days * DAY) };
  }
  switch (precision) {
    case 'HOUR':
      return { start, end: new Date(start.getTime() + HOUR) };
    case 'DAY':
      return { start, end: new Date(start.getTime() + DAY) };
    case 'WEEK':
      return { start, end: new Date(start.getTime() + 7 * DAY) };
    case 'MONTH': {
      const end = new Date(start);
      end.setUTCMonth(end.getUTCMonth() + 1);
      return { start, end };
    }
    case 'YEAR': {
      const end = new Date(start);
      end.setUTCFullYear(end.getUTCFullYear() + 1);
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
  const { start, end } = span(entry.occurredAt, entry.occurredPrecision, entry.occurredOn, entry.occurredUntil);
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
      `${entry.summary}\n${entry.type} · ${when(entry)} · ${status}\n${sourceLabel}` +
        (firstPublisher ? `, first: ${firstPublisher}` : '') +
        (entry.origin ? `\n${entry.origin.dataset} ${entry.origin.release}, row ${entry.origin.rowId}` : ''),
    ),
    summary: entry.summary,
    status,
    incidentType: entry.type,
    origin: entry.origin ?? null,
  };
}

/** When it happened, as the entry says it: the range, the local date with its precision, or the instant. */
export function when(entry) {
  const date = entry.occurredOn ?? entry.occurredAt.slice(0, 10);
  if (entry.occurredUntil) return `${date} – ${entry.occurredUntil} (${entry.occurredPrecision})`;
  const instant = entry.occurredPrecision === 'MINUTE' || entry.occurredPrecision === 'HOUR';
  return `${instant ? entry.occurredAt : date} (${entry.occurredPrecision})`;
}

/**
 * Whether an entry (or an incident view, as a replay sends them) passes the data set and code filters, as the
 * timeline API applies them: the data set exactly, every code with exactly its value.
 *
 * @param codes ['event_type:Battles', …]
 */
export function matchesOrigin(entry, dataset, codes = []) {
  if (!dataset && !codes.length) return true;
  const origin = entry.origin;
  if (!origin || (dataset && origin.dataset !== dataset)) return false;
  return codes.every((code) => {
    const colon = code.indexOf(':');
    return origin.codes?.[code.slice(0, colon).trim()] === code.slice(colon + 1);
  });
}

/** The codes of each data set that classify a row, offered as filters; its other codes are ids and counts. */
const CLASSIFYING = {
  'UCDP GED': ['type_of_violence'],
  ACLED: ['disorder_type', 'event_type', 'sub_event_type'],
  GDELT: ['EventRootCode', 'EventBaseCode', 'EventCode', 'QuadClass'],
};

/** `name:value` of the classifying codes the entries carry, to offer in the code field. */
export function codeSuggestions(entries) {
  const found = new Set();
  for (const { origin } of entries) {
    for (const name of CLASSIFYING[origin?.dataset] ?? []) {
      if (origin.codes?.[name] !== undefined) found.add(`${name}:${origin.codes[name]}`);
    }
  }
  return [...found].sort();
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
