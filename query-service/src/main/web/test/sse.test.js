import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSse } from '../src/sse.js';

test('complete events are read and a partial one waits for the rest', () => {
  const { events, rest } = parseSse(
    'id:2020-01-03T02:46:00Z/strike/1\nevent:incident-reported\ndata:{"a":\ndata:1}\n\n:heartbeat\n\nid:7\ndata:{"b"',
  );

  assert.deepEqual(events, [{ id: '2020-01-03T02:46:00Z/strike/1', name: 'incident-reported', data: '{"a":\n1}' }]);
  assert.equal(rest, 'id:7\ndata:{"b"');
  assert.deepEqual(parseSse(rest + ':2}\r\n\r\n').events, [{ id: '7', name: 'message', data: '{"b":2}' }]);
});
