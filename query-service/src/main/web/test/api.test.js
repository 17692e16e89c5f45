import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Api, timelinePath } from '../src/api.js';
import { flatten, valueText } from '../src/details.js';

const state = { scope: 'country', key: 'GB', types: [], knownAt: '', asOf: '', retracted: false };

test('the page asks only for the visible window, a page at a time, in its view', () => {
  const path = timelinePath(
    { ...state, knownAt: '2020-01-04T00:00:00.000Z', types: ['STRIKE', 'VOTE'], retracted: true },
    new Date('2020-01-01T00:00:00Z'),
    new Date('2020-01-10T00:00:00Z'),
  );

  const [base, query] = path.split('?');
  assert.equal(base, '/api/v1/timelines/countries/GB');
  assert.deepEqual(Object.fromEntries(new URLSearchParams(query)), {
    knownAt: '2020-01-04T00:00:00.000Z',
    includeRetracted: 'true',
    from: '2020-01-01T00:00:00.000Z',
    to: '2020-01-10T00:00:00.000Z',
    limit: '500',
    type: 'STRIKE,VOTE',
  });
  assert.match(timelinePath(state, new Date(0), new Date(1), 'abc'), /cursor=abc/);
});

test('the data set and every original code are passed to the timeline', () => {
  const path = timelinePath(
    { ...state, dataset: 'UCDP GED', codes: ['type_of_violence:3', 'where_prec:1'] },
    null,
    null,
  );

  const query = new URLSearchParams(path.split('?')[1]);
  assert.equal(query.get('dataset'), 'UCDP GED');
  assert.deepEqual(query.getAll('code'), ['type_of_violence:3', 'where_prec:1']);
});

test('a 401 asks for a token once and sends it from then on', async () => {
  const seen = [];
  globalThis.fetch = async (path, options) => {
    seen.push(options.headers.Authorization);
    return { status: options.headers.Authorization === 'Bearer t0k' ? 200 : 401 };
  };
  const stored = new Map();
  const storage = { getItem: (key) => stored.get(key) ?? null, setItem: (key, value) => stored.set(key, value) };
  let asked = 0;
  const api = new Api(async () => (asked++, 't0k'), storage);

  assert.equal((await api.fetch('/api/v1/scopes')).status, 200);
  assert.equal((await api.fetch('/api/v1/scopes')).status, 200);
  assert.equal(asked, 1);
  assert.deepEqual(seen, [undefined, 'Bearer t0k', 'Bearer t0k']);
});

test('no token given: reading stops with Unauthorized', async () => {
  globalThis.fetch = async () => ({ status: 401 });
  const api = new Api(async () => null, { getItem: () => null, setItem: () => {} });

  await assert.rejects(api.fetch('/api/v1/scopes'), { name: 'Error', message: /token/ });
});

test('details are listed by dotted path and changed values shown as text', () => {
  assert.deepEqual(flatten({ method: 'DRONE', casualties: { killed: { low: 10, high: null } } }), [
    ['method', 'DRONE'],
    ['casualties.killed.low', '10'],
    ['casualties.killed.high', '—'],
  ]);
  assert.equal(valueText({ publisher: 'Reuters' }), '{"publisher":"Reuters"}');
  assert.equal(valueText(null), '—');
});
