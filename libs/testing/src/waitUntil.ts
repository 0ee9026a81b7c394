// Polling with a deadline, and a plain TCP connect probe.
import { connect } from 'node:net';

export interface WaitOptions {
  what: string;
  timeoutMs: number;
  intervalMs?: number;
  /** Returns a reason to give up at once (e.g. the process exited). */
  abort?: () => string | undefined;
}

export async function waitUntil(check: () => Promise<boolean>, opts: WaitOptions): Promise<void> {
  const deadline = Date.now() + opts.timeoutMs;
  let lastError: unknown;
  for (;;) {
    const aborted = opts.abort?.();
    if (aborted) throw new Error(aborted);
    try {
      if (await check()) return;
    } catch (err) {
      lastError = err;
    }
    const abortedAfter = opts.abort?.();
    if (abortedAfter) throw new Error(abortedAfter);
    if (Date.now() >= deadline) {
      const last = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`${opts.what} was not ready within ${opts.timeoutMs} ms${last}`);
    }
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 100));
  }
}

/**
 * Opens a TCP connection, optionally writes `send`, and resolves with what the
 * peer sent first (or '' if `send` is undefined and it connected). Rejects on
 * error or after `timeoutMs`.
 */
export function tcpExchange(host: string, port: number, send?: string, timeoutMs = 1000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    let settled = false;
    const finish = (err: Error | undefined, data?: string) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      if (err) reject(err);
      else resolve(data ?? '');
    };
    socket.setTimeout(timeoutMs, () => finish(new Error(`timeout talking to ${host}:${port}`)));
    socket.once('error', (err) => finish(err));
    socket.once('connect', () => {
      if (send === undefined) finish(undefined, '');
      else socket.write(send);
    });
    socket.on('data', (chunk) => finish(undefined, chunk.toString('utf8')));
    socket.once('close', () => finish(new Error(`${host}:${port} closed the connection`)));
  });
}
