// What the page shows, held in the URL so that a view can be shared and reloaded: scope, window, knownAt, asOf,
// filters and the incident opened.

export const TYPES = [
  'STRIKE', 'VOTE', 'STATEMENT', 'STAFFING_CHANGE', 'PROTEST', 'SANCTION', 'AGREEMENT', 'TRAVEL_ADVISORY',
];
export const SCOPES = ['crisis', 'country', 'actor'];

const TIMES = ['from', 'to', 'knownAt', 'asOf'];

/** @param {string} search location.search */
export function readState(search) {
  const query = new URLSearchParams(search);
  const scope = SCOPES.includes(query.get('scope')) ? query.get('scope') : 'crisis';
  const state = {
    scope,
    key: query.get('key') ?? '',
    types: (query.get('type') ?? '').split(',').filter((type) => TYPES.includes(type)),
    text: query.get('q') ?? '',
    retracted: query.get('retracted') === 'true',
    incident: query.get('incident') ?? '',
  };
  for (const name of TIMES) {
    const value = query.get(name);
    state[name] = value && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : '';
  }
  return state;
}

/** The query string of a state, without the parts left at their defaults. */
export function writeState(state) {
  const query = new URLSearchParams();
  query.set('scope', state.scope);
  if (state.key) query.set('key', state.key);
  for (const name of TIMES) {
    if (state[name]) query.set(name, state[name]);
  }
  if (state.types.length) query.set('type', state.types.join(','));
  if (state.text) query.set('q', state.text);
  if (state.retracted) query.set('retracted', 'true');
  if (state.incident) query.set('incident', state.incident);
  return '?' + query.toString();
}
