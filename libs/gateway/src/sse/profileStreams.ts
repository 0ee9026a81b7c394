import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { listenerStreamId } from '@qfzz/domain';
import { GATEWAY_DEPS, type ResolvedGatewayDeps } from '../gatewayDeps';
import { ProfileClient } from '../listeners/profileClient';

interface OpenStream {
  close(): void;
}

/**
 * Server-sent events for one listener: `profile.updated` with the fresh
 * profile whenever their stream gets a new event. The store's local append
 * hint wakes the check at once; a slow poll catches writers in other
 * processes. A comment line every `heartbeatMs` keeps proxies from closing
 * an idle connection.
 */
@Injectable()
export class ProfileStreams implements BeforeApplicationShutdown {
  private readonly open = new Set<OpenStream>();

  constructor(
    @Inject(GATEWAY_DEPS) private readonly deps: ResolvedGatewayDeps,
    private readonly profiles: ProfileClient,
  ) {}

  get openCount(): number {
    return this.open.size;
  }

  async serve(reply: FastifyReply, listenerId: string, correlationId: string): Promise<void> {
    const { eventStore } = this.deps;
    const streamId = listenerStreamId(listenerId);
    let lastVersion = await eventStore.streamVersion(streamId);
    let checking = false;
    let again = false;
    let closed = false;

    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-correlation-id': correlationId,
    });
    raw.write(`retry: 3000\n: connected to ${listenerId} at version ${lastVersion}\n\n`);

    const check = async () => {
      if (closed) return;
      if (checking) {
        again = true;
        return;
      }
      checking = true;
      try {
        do {
          again = false;
          const version = await eventStore.streamVersion(streamId);
          if (version <= lastVersion) continue;
          const [last] = await eventStore.readStream(streamId, { fromVersion: version, limit: 1 });
          const profile = await this.profiles.get(listenerId, last?.position);
          lastVersion = version;
          if (closed) return;
          if (!profile) {
            raw.write('event: listener.gone\ndata: {}\n\n');
            stream.close();
            return;
          }
          raw.write(`id: ${version}\nevent: profile.updated\ndata: ${JSON.stringify(profile)}\n\n`);
        } while (again && !closed);
      } catch (error) {
        this.deps.log({
          level: 'warn',
          msg: 'profile stream check failed',
          correlationId,
          error: String(error),
        });
      } finally {
        checking = false;
      }
    };

    const unsubscribe = eventStore.onAppended(() => void check());
    const poll = setInterval(() => void check(), this.deps.sse.pollMs);
    const heartbeat = setInterval(
      () => raw.write(`: heartbeat ${this.deps.clock().toISOString()}\n\n`),
      this.deps.sse.heartbeatMs,
    );
    const stream: OpenStream = {
      close: () => {
        if (closed) return;
        closed = true;
        unsubscribe();
        clearInterval(poll);
        clearInterval(heartbeat);
        this.open.delete(stream);
        raw.end();
      },
    };
    this.open.add(stream);
    raw.on('close', () => stream.close());
  }

  /** Open event streams would keep the HTTP server from closing. */
  beforeApplicationShutdown(): void {
    for (const stream of [...this.open]) stream.close();
  }
}
