// An incident opened from the timeline: what it is, who took part, its sources, its links and every version with the
// fields each one changed.
import { viewParameters } from './api.js';
import { escapeHtml, when } from './items.js';

/** The value of a field change as text: JSON for objects, nothing for null. */
export function valueText(value) {
  if (value === null || value === undefined) return '—';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Details flattened to dotted paths: {casualties: {killed: {low: 1}}} is casualties.killed.low = 1. */
export function flatten(value, prefix = '') {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return prefix ? [[prefix, valueText(value)]] : [];
  }
  return Object.entries(value).flatMap(([key, inner]) => flatten(inner, prefix ? `${prefix}.${key}` : key));
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'onclick') node.addEventListener('click', value);
    else node.setAttribute(name, value);
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

export async function showIncident(panel, api, id, state, { openIncident, openActor }) {
  const path = `/api/v1/incidents/${encodeURIComponent(id)}`;
  const [incident, history, links] = await Promise.all([
    api.json(`${path}?${viewParameters({ ...state, retracted: false })}`),
    api.json(`${path}/history`),
    api.json(`${path}/links`),
  ]);
  panel.hidden = false;
  const body = panel.querySelector('.body');
  if (!incident) {
    body.replaceChildren(element('p', {}, `${id} is not in this view.`));
    return;
  }
  body.replaceChildren(
    element('h2', { id: 'details-title', class: `status-${incident.status.toLowerCase()}` }, incident.summary),
    element(
      'p',
      { class: 'facts' },
      `${incident.type} · ${when(incident)}` +
        (incident.location ? ` · ${incident.location.country}` : ' · no location') +
        (incident.location?.place ? `, ${incident.location.place}` : '') +
        ` · confidence ${incident.confidence ?? 'not given'} · `,
      element('span', { class: 'status' }, incident.status),
    ),
    element('p', { class: 'times' }, `reported ${incident.reportedAt} · recorded ${incident.recordedAt}`),
    ...originSection(incident.origin),
    element('h3', {}, 'Details'),
    element(
      'dl',
      {},
      ...flatten(incident.details).flatMap(([key, value]) => [element('dt', {}, key), element('dd', {}, value)]),
    ),
    element('h3', {}, 'Actors'),
    element(
      'ul',
      { class: 'actors' },
      ...incident.actors.map((actor) =>
        element(
          'li',
          {},
          element(
            'a',
            {
              href: `?scope=actor&key=${encodeURIComponent(actor.actorId)}`,
              onclick: (event) => {
                event.preventDefault();
                openActor(actor.actorId);
              },
            },
            actor.name ?? actor.actorId,
          ),
          ` — ${actor.role.toLowerCase()}`,
        ),
      ),
    ),
    element('h3', {}, `Sources (${incident.sources.length})`),
    element(
      'ol',
      { class: 'sources' },
      ...incident.sources.map((source) =>
        element(
          'li',
          {},
          // an imported row's source may be a citation alone: no link, no publication time
          source.url
            ? element('a', { href: source.url, rel: 'noopener noreferrer', target: '_blank' }, source.publisher)
            : source.publisher,
          source.publishedAt ? ` — published ${source.publishedAt}` : '',
          source.excerpt ? element('blockquote', {}, source.excerpt) : null,
        ),
      ),
    ),
    element('h3', {}, 'Related incidents'),
    (links?.links ?? links ?? []).length
      ? element(
          'ul',
          { class: 'links' },
          ...(links?.links ?? links).map((link) =>
            element(
              'li',
              {},
              `${link.relation.replaceAll('_', ' ').toLowerCase()} `,
              element(
                'a',
                {
                  href: `?scope=${state.scope}&key=${encodeURIComponent(state.key)}&incident=${encodeURIComponent(link.incidentId)}`,
                  onclick: (event) => {
                    event.preventDefault();
                    openIncident(link.incidentId);
                  },
                },
                link.incidentId,
              ),
            ),
          ),
        )
      : element('p', {}, 'none'),
    element('h3', {}, `Version history (${history?.versions.length ?? 0})`),
    element('ol', { class: 'history' }, ...(history?.versions ?? []).map(versionEntry)),
  );
  panel.querySelector('h2').setAttribute('tabindex', '-1');
  panel.querySelector('h2').focus();
}

/** Where an imported incident comes from, to join it back to its row: nothing for one recorded through the API. */
export function originSection(origin) {
  if (!origin) return [];
  return [
    element('h3', {}, 'Imported from'),
    element(
      'dl',
      { class: 'origin' },
      ...[
        ['data set', origin.dataset],
        ['release', origin.release],
        ['row id', origin.rowId],
        ...(origin.revision ? [['revision', origin.revision]] : []),
        ...Object.entries(origin.codes ?? {}),
      ].flatMap(([name, value]) => [element('dt', {}, name), element('dd', {}, element('code', {}, value))]),
    ),
  ];
}

function versionEntry(version) {
  return element(
    'li',
    {},
    element(
      'p',
      {},
      element('strong', {}, `v${version.version} ${version.kind.toLowerCase().replaceAll('_', ' ')}`),
      ` at ${version.recordedAt}` + (version.recordedBy ? ` by ${version.recordedBy}` : ''),
    ),
    version.reason ? element('p', { class: 'reason' }, `Reason: ${version.reason}`) : null,
    element(
      'table',
      { class: 'changes' },
      element('thead', {}, element('tr', {}, element('th', {}, 'field'), element('th', {}, 'from'), element('th', {}, 'to'))),
      element(
        'tbody',
        {},
        ...version.changes.map((change) =>
          element(
            'tr',
            {},
            element('td', {}, change.field),
            element('td', { class: 'from' }, valueText(change.from)),
            element('td', { class: 'to' }, valueText(change.to)),
          ),
        ),
      ),
    ),
  );
}

export { escapeHtml };
