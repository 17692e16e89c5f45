import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dayAggregates, matchesText, span, toItem } from '../src/items.js';

const entry = {
  incidentId: 'soleimani-killed-baghdad-airport',
  type: 'STRIKE',
  occurredAt: '2020-01-03T00:32:00Z',
  occurredPrecision: 'MINUTE',
  summary: 'A US drone strike <kills> Qassem Soleimani',
  status: 'VERIFIED',
  sourceCount: 2,
  firstPublisher: 'US Department of Defense',
};

test('precision is drawn as the span it covers', () => {
  assert.deepEqual(span('2020-01-03T00:00:00Z', 'DAY'), {
    start: new Date('2020-01-03T00:00:00Z'),
    end: new Date('2020-01-04T00:00:00Z'),
  });
  assert.deepEqual(span('2020-02-01T00:00:00Z', 'MONTH').end, new Date('2020-03-01T00:00:00Z'));
  assert.deepEqual(span('2020-01-03T05:00:00Z', 'HOUR').end, new Date('2020-01-03T06:00:00Z'));
  assert.equal(span('2020-01-03T00:32:00Z', 'MINUTE').end, null);
});

test('an item shows its source count, is classed by type and status, and escapes the summary', () => {
  const item = toItem(entry);

  assert.equal(item.type, 'box');
  assert.equal(item.className, 'type-strike status-verified');
  assert.match(item.content, /<span class="sources" title="2 sources">2<\/span>/);
  assert.match(item.content, /&#60;kills&#62;/);
  assert.match(item.title, /first: US Department of Defense/);
});

test('a DAY item is a range; a disputed one is marked; a retracted one is classed to be struck through', () => {
  assert.equal(toItem({ ...entry, occurredPrecision: 'DAY' }).type, 'range');
  assert.match(toItem({ ...entry, status: 'DISPUTED' }).content, /disputed/);
  assert.match(toItem({ ...entry, status: 'RETRACTED' }).className, /status-retracted/);
});

test('an incident view counts its sources itself: the earliest one is the first publisher', () => {
  const view = {
    ...entry,
    sourceCount: undefined,
    firstPublisher: undefined,
    sources: [
      { publisher: 'Sky News', publishedAt: '2020-01-07T06:00:00Z' },
      { publisher: 'US Department of Defense', publishedAt: '2020-01-03T02:46:00Z' },
    ],
  };

  assert.match(toItem(view).title, /2 sources, first: US Department of Defense/);
});

test('the text filter looks in the summary in any case', () => {
  assert.ok(matchesText(toItem(entry), 'SOLEIMANI'));
  assert.ok(!matchesText(toItem(entry), 'embassy'));
  assert.ok(matchesText(toItem(entry), ''));
});

test('a full window is drawn as counts per day, of the chosen types, within the window', () => {
  const perDayAndType = [
    { date: '2020-01-02', type: 'STRIKE', count: 4 },
    { date: '2020-01-03', type: 'STRIKE', count: 2 },
    { date: '2020-01-03', type: 'VOTE', count: 1 },
    { date: '2020-01-09', type: 'STRIKE', count: 7 },
  ];

  const days = dayAggregates(perDayAndType, new Date('2020-01-02T12:00:00Z'), new Date('2020-01-05T00:00:00Z'));

  assert.deepEqual(
    days.map((day) => [day.id, day.content]),
    [
      ['day-2020-01-02', '<span class="sources">4</span> incidents'],
      ['day-2020-01-03', '<span class="sources">3</span> incidents'],
    ],
  );
  assert.equal(dayAggregates(perDayAndType, new Date('2020-01-01'), new Date('2020-01-04'), ['VOTE']).length, 1);
});
