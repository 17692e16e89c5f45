// What the page shows, held in the URL so that a view can be shared and reloaded: scope, window, knownAt, asOf,
// filters (types, text, data set, original codes) and the incident opened.

// the eight the project was built for, then those the imported data sets are mostly about
export const TYPES = [
  'STRIKE', 'VOTE', 'STATEMENT', 'STAFFING_CHANGE', 'PROTEST', 'SANCTION', 'AGREEMENT', 'TRAVEL_ADVISORY',
  'BATTLE', 'VIOLENCE_AGAINST_CIVILIANS', 'EXPLOSION', 'RIOT', 'STRATEGIC_DEVELOPMENT', 'DIPLOMACY',
];
export const SCOPES = ['crisis', 'country', 'actor'];

const TIMES = ['from', 'to', 'knownAt', 'asOf'];

/** The data sets the imports read; others an import brought are offered once seen. */
export const DATASETS = ['UCDP GED', 'ACLED', 'GDELT'];

/**
 * The codes of a filter as the API takes them (`code=name:value`, all must match): `name:value`s separated by `;`,
 * each trimmed. Those that are not name:value are returned apart, so the page can say so rather than send them.
 */
export function parseCodes(text) {
  const codes = [];
  const invalid = [];
  for (const part of String(text ?? '').split(';')) {
    const code = part.trim();
    if (code) (isCode(code) ? codes : invalid).push(code);
  }
  return { codes, invalid };
}

function isCode(code) {
  const colon = code.indexOf(':');
  return colon > 0 && colon < code.length - 1;
}

/** @param {string} search location.search */
export function readState(search) {
  const query = new URLSearchParams(search);
  const scope = SCOPES.includes(query.get('scope')) ? query.get('scope') : 'crisis';
  const state = {
    scope,
    key: query.get('key') ?? '',
    types: (query.get('type') ?? '').split(',').filter((type) => TYPES.includes(type)),
    text: query.get('q') ?? '',
    dataset: (query.get('dataset') ?? '').trim(),
    // repeated, as the API takes them; each one whole, so that a value may hold a ';'
    codes: query.getAll('code').map((code) => code.trim()).filter(isCode),
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
  if (state.dataset) query.set('dataset', state.dataset);
  for (const code of state.codes) query.append('code', code);
  if (state.retracted) query.set('retracted', 'true');
  if (state.incident) query.set('incident', state.incident);
  return '?' + query.toString();
}
