import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCodes, readState, writeState } from '../src/state.js';

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
    dataset: 'UCDP GED',
    codes: ['type_of_violence:3', 'where_prec:1'],
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

test('the data set and codes are in the URL as the API takes them, each code repeated and whole', () => {
  const query = writeState({
    ...readState('?scope=crisis&key=acled-sample'),
    dataset: 'ACLED',
    codes: ['event_type:Battles', 'tags:a;b'],
  });

  assert.equal(query, '?scope=crisis&key=acled-sample&dataset=ACLED&code=event_type%3ABattles&code=tags%3Aa%3Bb');
  assert.deepEqual(readState(query).codes, ['event_type:Battles', 'tags:a;b']);
  assert.deepEqual(readState('?code=nocolon&code=:x&code=EventCode:010').codes, ['EventCode:010']);
});

test('the code field takes name:value pairs separated by ;, and sets the others apart', () => {
  assert.deepEqual(parseCodes(' event_type:Battles ; sub_event_type:Armed clash;'), {
    codes: ['event_type:Battles', 'sub_event_type:Armed clash'],
    invalid: [],
  });
  assert.deepEqual(parseCodes('Battles; EventCode:010'), { codes: ['EventCode:010'], invalid: ['Battles'] });
  assert.deepEqual(parseCodes(''), { codes: [], invalid: [] });
});
