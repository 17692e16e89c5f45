import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readState, writeState } from '../src/state.js';

test('a state written to the URL reads back the same', () => {
  const state = {
    scope: 'country',
    key: 'GB',
    from: '2020-01-01T00:00:00.000Z',
    to: '2020-01-10T00:00:00.000Z',
    knownAt: '2020-01-04T00:00:00.000Z',
    asOf: '',
    types: ['STRIKE', 'STAFFING_CHANGE'],
    text: 'embassy',
    retracted: true,
    incident: 'uk-embassy-tehran-closed',
  };

  assert.deepEqual(readState(writeState(state)), state);
});

test('parts left at their defaults are not in the URL', () => {
  const query = writeState(readState('?scope=crisis&key=iran-us-2020'));

  assert.equal(query, '?scope=crisis&key=iran-us-2020');
});

test('unknown scopes, types and unreadable times are dropped, not passed to the API', () => {
  const state = readState('?scope=planet&type=STRIKE,NUKE&knownAt=yesterday');

  assert.equal(state.scope, 'crisis');
  assert.deepEqual(state.types, ['STRIKE']);
  assert.equal(state.knownAt, '');
});
