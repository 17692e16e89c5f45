// The query service's API as the page uses it. A 401 (reads need a role: READS_REQUIRE_ROLE=true) asks for a token,
// kept for the browser tab only.

export const PAGE_SIZE = 500;

const PLURAL = { crisis: 'crises', country: 'countries', actor: 'actors' };

/** The view parameters every read takes: asOf, knownAt, includeRetracted. */
export function viewParameters(state) {
  const query = new URLSearchParams();
  if (state.asOf) query.set('asOf', state.asOf);
  if (state.knownAt) query.set('knownAt', state.knownAt);
  if (state.retracted) query.set('includeRetracted', 'true');
  return query;
}

/**
 * The first page of the timeline between from and to (Dates; null for its start or end), in the state's view, types,
 * data set and original codes.
 */
export function timelinePath(state, from, to, cursor) {
  const query = viewParameters(state);
  if (from) query.set('from', from.toISOString());
  if (to) query.set('to', to.toISOString());
  query.set('limit', String(PAGE_SIZE));
  if (state.types.length) query.set('type', state.types.join(','));
  if (state.dataset) query.set('dataset', state.dataset);
  for (const code of state.codes ?? []) query.append('code', code);
  if (cursor) query.set('cursor', cursor);
  return `/api/v1/timelines/${PLURAL[state.scope]}/${encodeURIComponent(state.key)}?${query}`;
}

export class Unauthorized extends Error {}

export class Api {
  /** @param askToken called on a 401; resolves to a token, or null when the reader gave none */
  constructor(askToken, storage = globalThis.sessionStorage) {
    this.askToken = askToken;
    this.storage = storage;
  }

  headers(extra = {}) {
    const token = this.storage?.getItem('token');
    return token ? { ...extra, Authorization: `Bearer ${token}` } : extra;
  }

  /** A response, asking for a token once when the service wants one. */
  async fetch(path, options = {}) {
    for (let attempt = 0; ; attempt++) {
      const response = await fetch(path, { ...options, headers: this.headers(options.headers) });
      if (response.status !== 401 || attempt > 0) return response;
      const token = await this.askToken();
      if (!token) throw new Unauthorized('a token is needed to read');
      this.storage.setItem('token', token);
    }
  }

  async json(path, options) {
    const response = await this.fetch(path, options);
    if (response.status === 404) return null;
    if (!response.ok) {
      throw new Error(`${path}: ${response.status}`);
    }
    return response.json();
  }
}
