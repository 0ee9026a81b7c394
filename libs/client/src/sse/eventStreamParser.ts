/** One message of a `text/event-stream` (the WHATWG "server-sent events" format). */
export interface ServerSentEvent {
  /** `message` when the server named none. */
  event: string;
  /** The data lines joined with `\n`. */
  data: string;
  /** The last event id seen on the stream, if any. */
  id?: string;
}

export interface EventStreamSink {
  onEvent(event: ServerSentEvent): void;
  /** A `retry:` line: how long to wait before reconnecting, in ms. */
  onRetry?(ms: number): void;
  /** A `: ...` comment line (heartbeats). */
  onComment?(text: string): void;
}

/**
 * Parses `text/event-stream` as it arrives, in chunks split anywhere (even
 * inside a line or a CRLF). Follows the WHATWG rules: `field: value` with one
 * optional space after the colon, `\n`, `\r\n` or `\r` line ends, a blank
 * line dispatches, a message with no data is not dispatched, the id persists.
 */
export class EventStreamParser {
  private buffer = '';
  private lastChunkEndedWithCr = false;
  private eventType = '';
  private data: string[] = [];
  private hasData = false;
  private lastEventId: string | undefined;

  constructor(private readonly sink: EventStreamSink) {}

  push(chunk: string): void {
    let text = chunk;
    // A CRLF split across chunks: the CR ended the line already.
    if (this.lastChunkEndedWithCr && text.startsWith('\n')) text = text.slice(1);
    this.lastChunkEndedWithCr = text.endsWith('\r');
    this.buffer += text;
    const lines = this.buffer.split(/\r\n|\r|\n/);
    this.buffer = lines.pop() ?? '';
    for (const line of lines) this.line(line);
  }

  /** The stream ended: a message without its blank line is dropped, as the spec says. */
  end(): void {
    this.buffer = '';
    this.reset();
  }

  private line(line: string): void {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) {
      this.sink.onComment?.(line.slice(1).trimStart());
      return;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.eventType = value;
        break;
      case 'data':
        this.data.push(value);
        this.hasData = true;
        break;
      case 'id':
        if (!value.includes('\0')) this.lastEventId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.sink.onRetry?.(Number(value));
        break;
      // Any other field is ignored.
    }
  }

  private dispatch(): void {
    if (this.hasData) {
      this.sink.onEvent({
        event: this.eventType || 'message',
        data: this.data.join('\n'),
        ...(this.lastEventId === undefined ? {} : { id: this.lastEventId }),
      });
    }
    this.reset();
  }

  private reset(): void {
    this.eventType = '';
    this.data = [];
    this.hasData = false;
  }
}
