import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codeSuggestions, dayAggregates, matchesOrigin, matchesText, span, toItem, when } from '../src/items.js';

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

test('a WEEK is drawn a week long and a YEAR a year long from their first day', () => {
  assert.deepEqual(span('2020-01-03T00:00:00Z', 'WEEK'), {
    start: new Date('2020-01-03T00:00:00Z'),
    end: new Date('2020-01-10T00:00:00Z'),
  });
  assert.deepEqual(span('2016-01-01T00:00:00Z', 'YEAR').end, new Date('2017-01-01T00:00:00Z'));
  // a leap year is a day longer: the calendar's year, not 365 days
  assert.deepEqual(span('2020-03-01T00:00:00Z', 'YEAR').end, new Date('2021-03-01T00:00:00Z'));
});

test('a range is drawn from its start to the end of its last day, whatever its precision says', () => {
  // UCDP date_prec 2: four days inside one week, 2017-07-01..2017-07-04
  assert.deepEqual(span('2017-07-01T00:00:00Z', 'WEEK', '2017-07-01', '2017-07-04'), {
    start: new Date('2017-07-01T00:00:00Z'),
    end: new Date('2017-07-05T00:00:00Z'),
  });
  assert.deepEqual(
    span('2015-05-01T00:00:00Z', 'MONTH', '2015-05-01', '2015-05-31').end,
    new Date('2015-06-01T00:00:00Z'),
  );
  assert.deepEqual(span('2016-10-17T00:00:00Z', 'DAY', null, '2016-10-23').end, new Date('2016-10-24T00:00:00Z'));
  // a range of one day is that day
  assert.deepEqual(
    span('2017-06-25T00:00:00Z', 'DAY', '2017-06-25', '2017-06-25').end,
    new Date('2017-06-26T00:00:00Z'),
  );
});

test('an imported ranged entry is a range item that says its range and its row', () => {
  const item = toItem({
    ...entry,
    incidentId: 'ucdp-ged-900002',
    type: 'BATTLE',
    occurredAt: '2017-07-01T00:00:00Z',
    occurredPrecision: 'WEEK',
    occurredOn: '2017-07-01',
    occurredUntil: '2017-07-04',
    origin: { dataset: 'UCDP GED', release: '23.1', rowId: '900002', codes: { type_of_violence: '1' } },
  });

  assert.equal(item.type, 'range');
  assert.equal(item.end - item.start, 4 * 86_400_000);
  assert.equal(item.className, 'type-battle status-verified');
  assert.match(item.title, /2017-07-01 – 2017-07-04 \(WEEK\)/);
  assert.match(item.title, /UCDP GED 23\.1, row 900002/);
  // an instant stays one; a calendar date is the local date where it happened
  assert.equal(
    when({ occurredAt: '2020-01-02T22:32:00Z', occurredPrecision: 'MINUTE', occurredOn: '2020-01-03' }),
    '2020-01-02T22:32:00Z (MINUTE)',
  );
  assert.equal(
    when({ occurredAt: '2016-01-01T00:00:00Z', occurredPrecision: 'YEAR', occurredOn: '2016-01-01' }),
    '2016-01-01 (YEAR)',
  );
});

test('the data set and code filters pass what the timeline API passes: exact data set, every code exactly', () => {
  const acled = {
    ...entry,
    origin: {
      dataset: 'ACLED',
      release: '2024-06-10',
      rowId: 'SMP1001',
      codes: { event_type: 'Battles', sub_event_type: 'Armed clash' },
    },
  };

  assert.ok(matchesOrigin(entry, '', []));
  assert.ok(!matchesOrigin(entry, 'ACLED', []), 'an incident recorded here has no data set');
  assert.ok(matchesOrigin(acled, 'ACLED', ['event_type:Battles', 'sub_event_type:Armed clash']));
  assert.ok(matchesOrigin(acled, '', ['event_type:Battles']));
  assert.ok(!matchesOrigin(acled, 'UCDP GED', []));
  assert.ok(!matchesOrigin(acled, 'ACLED', ['event_type:battles']), 'values are verbatim, case included');
  assert.ok(!matchesOrigin(acled, 'ACLED', ['event_type:Battles', 'fatalities:2']));
});

test('the code field is offered the classifying codes of the entries seen, not their ids', () => {
  const rows = [
    { origin: { dataset: 'UCDP GED', codes: { id: '900003', type_of_violence: '3' } } },
    { origin: { dataset: 'GDELT', codes: { GLOBALEVENTID: '1', EventCode: '010', EventRootCode: '01' } } },
    { origin: null },
  ];

  assert.deepEqual(codeSuggestions(rows), ['EventCode:010', 'EventRootCode:01', 'type_of_violence:3']);
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
