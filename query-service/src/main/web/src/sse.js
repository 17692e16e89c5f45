// Server-Sent Events read over fetch, so that a token can be sent with them (EventSource sends no headers).

/**
 * Splits what has arrived so far into complete events and the rest, which waits for more.
 *
 * @returns {{events: {id: string|null, name: string, data: string}[], rest: string}}
 */
export function parseSse(text) {
  const events = [];
  const blocks = text.replace(/\r\n?/g, '\n').split('\n\n');
  const rest = blocks.pop();
  for (const block of blocks) {
    let id = null;
    let name = 'message';
    const data = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') id = value;
      else if (field === 'event') name = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length || id !== null) events.push({ id, name, data: data.join('\n') });
  }
  return { events, rest };
}

/** Calls onEvent for every event of the response's body until it ends. */
export async function readEvents(response, onEvent) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    const { events, rest } = parseSse(buffer + value);
    buffer = rest;
    events.forEach(onEvent);
  }
}
