import { EventStreamParser, type ServerSentEvent } from './eventStreamParser';

function parse(chunks: string[]) {
  const events: ServerSentEvent[] = [];
  const comments: string[] = [];
  const retries: number[] = [];
  const parser = new EventStreamParser({
    onEvent: (e) => events.push(e),
    onComment: (c) => comments.push(c),
    onRetry: (ms) => retries.push(ms),
  });
  chunks.forEach((chunk) => parser.push(chunk));
  parser.end();
  return { events, comments, retries };
}

describe('EventStreamParser reads text/event-stream as the gateway sends it', () => {
  const stream =
    'retry: 3000\n: connected to ann at version 1\n\n' +
    'id: 2\nevent: profile.updated\ndata: {"listenerId":"ann","version":2}\n\n' +
    ': heartbeat 2026-01-01T00:00:00.000Z\n\n';

  it('gives the named event, its id and data, the retry time and comments', () => {
    expect(parse([stream])).toEqual({
      events: [{ event: 'profile.updated', id: '2', data: '{"listenerId":"ann","version":2}' }],
      comments: ['connected to ann at version 1', 'heartbeat 2026-01-01T00:00:00.000Z'],
      retries: [3000],
    });
  });

  it('gives the same events whichever way the bytes are split into chunks', () => {
    const whole = parse([stream]);
    for (let size = 1; size <= 7; size++) {
      const chunks = stream.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g')) ?? [];
      expect(parse(chunks)).toEqual(whole);
    }
  });

  it('accepts CRLF and CR line ends, also a CRLF split between chunks', () => {
    const crlf = 'event: dj.said\r\ndata: {"text":"hi"}\r\n\r\n';
    expect(parse([crlf]).events).toEqual([{ event: 'dj.said', data: '{"text":"hi"}' }]);
    expect(parse(['event: dj.said\r', '\ndata: {"text":"hi"}\r', '\n\r', '\n']).events).toEqual([
      { event: 'dj.said', data: '{"text":"hi"}' },
    ]);
    expect(parse(['data: a\rdata: b\r\r']).events).toEqual([{ event: 'message', data: 'a\nb' }]);
  });

  it('joins data lines with a newline, removes one leading space only, and names unnamed events "message"', () => {
    expect(parse(['data:  two spaces\ndata:none\ndata\n\n']).events).toEqual([
      { event: 'message', data: ' two spaces\nnone\n' },
    ]);
  });

  it('dispatches nothing for a message without data, or one the stream cut off before its blank line', () => {
    expect(parse(['event: profile.updated\n\n', 'data: cut off\n']).events).toEqual([]);
  });

  it('keeps the last id for later events, and ignores unknown fields and a bad retry', () => {
    const { events, retries } = parse(['id: 7\ndata: a\n\nfoo: bar\nretry: soon\ndata: b\n\n']);
    expect(events).toEqual([
      { event: 'message', id: '7', data: 'a' },
      { event: 'message', id: '7', data: 'b' },
    ]);
    expect(retries).toEqual([]);
  });
});
