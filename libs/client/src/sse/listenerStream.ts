import type { Playlist, ProfileView } from '@qfzz/contracts';
import type { HttpTransport } from '../http/httpTransport';
import { isQfzzApiError } from '../qfzzApiError';
import { EventStreamParser, type ServerSentEvent } from './eventStreamParser';

/** What the DJ said, pushed on `dj.said`. */
export interface DjSaid {
  text: string;
  djName: string;
  [field: string]: unknown;
}

/** The event names of `GET /v1/listeners/{id}/stream` (API.md), and what their data is. */
export interface ListenerStreamEventMap {
  'profile.updated': ProfileView;
  'playlist.updated': Playlist;
  'dj.said': DjSaid;
  /** The listener was forgotten; the stream ends and is not reopened. */
  'listener.gone': Record<string, never>;
}

/** One event off the stream: its name, id and data (parsed JSON, or the text when it is not JSON). */
export interface ListenerStreamEvent {
  event: string;
  id?: string;
  data: unknown;
}

export interface ListenerStreamHandlers {
  /** The stream is open (again, after a reconnect). */
  onOpen?(): void;
  onProfileUpdated?(profile: ProfileView, event: ListenerStreamEvent): void;
  onPlaylistUpdated?(playlist: Playlist, event: ListenerStreamEvent): void;
  onDjSaid?(said: DjSaid, event: ListenerStreamEvent): void;
  /** Every event, also those this SDK version has no handler for. */
  onEvent?(event: ListenerStreamEvent): void;
  /**
   * The stream failed: a refusal (`QfzzApiError`: 401, 403, 404 end the
   * stream), a dropped connection (`QfzzNetworkError`, reconnected), or a
   * handler that threw.
   */
  onError?(error: unknown): void;
  /** The stream is over for good: `close()` was called, it was refused, or the listener is gone. */
  onClose?(): void;
}

export interface ListenerStreamOptions {
  /** Reopen after the connection drops, waiting what the server's `retry:` says (default 3 s). Default true. */
  reconnect?: boolean;
  /** Wait before reopening when the server did not say; ms. */
  retryMs?: number;
}

/** Stops the stream; safe to call more than once. */
export type CloseStream = () => void;

const DEFAULT_RETRY_MS = 3000;

/**
 * Reads the listener's server-sent events from a `fetch` body (works where
 * `EventSource` cannot send an Authorization header), dispatching by event
 * name, until `close()`.
 */
export function openListenerStream(
  transport: HttpTransport,
  path: string,
  token: string | undefined,
  handlers: ListenerStreamHandlers,
  options: ListenerStreamOptions = {},
): CloseStream {
  const abort = new AbortController();
  let closed = false;
  let gone = false;
  let retryMs = options.retryMs ?? DEFAULT_RETRY_MS;

  const report = (error: unknown) => {
    try {
      handlers.onError?.(error);
    } catch {
      // An error handler that throws has nowhere left to report to.
    }
  };

  const deliver = (raw: ServerSentEvent) => {
    const event: ListenerStreamEvent = {
      event: raw.event,
      data: parseData(raw.data),
      ...(raw.id === undefined ? {} : { id: raw.id }),
    };
    try {
      handlers.onEvent?.(event);
      if (event.event === 'profile.updated') handlers.onProfileUpdated?.(event.data as ProfileView, event);
      else if (event.event === 'playlist.updated')
        handlers.onPlaylistUpdated?.(event.data as Playlist, event);
      else if (event.event === 'dj.said') handlers.onDjSaid?.(event.data as DjSaid, event);
    } catch (error) {
      report(error);
    }
    if (event.event === 'listener.gone') gone = true;
  };

  const readOnce = async () => {
    const response = await transport.open({
      method: 'GET',
      path,
      token,
      accept: 'text/event-stream',
      signal: abort.signal,
    });
    if (!response.body) throw new Error('the stream answered without a body');
    handlers.onOpen?.();
    const parser = new EventStreamParser({ onEvent: deliver, onRetry: (ms) => (retryMs = ms) });
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    try {
      while (!closed && !gone) {
        const { value, done } = await reader.read();
        if (done) break;
        parser.push(decoder.decode(value, { stream: true }));
      }
    } finally {
      parser.end();
      await reader.cancel().catch(() => undefined);
    }
  };

  const run = async () => {
    while (!closed && !gone) {
      try {
        await readOnce();
      } catch (error) {
        if (closed) break;
        report(error);
        // Asking again will not change a refusal (bad token, no such listener).
        if (isQfzzApiError(error) && error.status < 500 && error.status !== 429) break;
      }
      if (closed || gone || options.reconnect === false) break;
      await sleep(retryMs, abort.signal);
    }
    closed = true;
    abort.abort();
    handlers.onClose?.();
  };
  void run();

  return () => {
    if (closed) return;
    closed = true;
    abort.abort();
  };
}

function parseData(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
