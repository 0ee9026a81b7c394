import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { listenerStreamId } from '@qfzz/domain';
import { GATEWAY_DEPS, type ResolvedGatewayDeps } from '../gatewayDeps';
import { ProfileClient } from '../listeners/profileClient';

/** How many of the newest events a check looks through for the DJ's replies. */
const DJ_SAID_SCAN = 200;

interface OpenStream {
  close(): void;
}

/**
 * Server-sent events for one listener: `dj.said` for each reply of the DJ
 * (`DjReplied`) that lands in their stream, `profile.updated` with the fresh
 * profile whenever their stream gets a new event, and `playlist.updated`
 * (`{profileVersion, position}`) when the profile version moved: a hint that
 * a playlist fetched before is stale. The store's local append
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
    let lastProfileVersion = lastVersion;
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
          const fresh = await eventStore.readStream(streamId, {
            fromVersion: Math.max(lastVersion + 1, version - DJ_SAID_SCAN + 1),
            limit: DJ_SAID_SCAN,
          });
          const last = fresh[fresh.length - 1];
          const profile = await this.profiles.get(listenerId, last?.position);
          lastVersion = version;
          if (closed) return;
          if (!profile) {
            raw.write('event: listener.gone\ndata: {}\n\n');
            stream.close();
            return;
          }
          for (const event of fresh) {
            if (event.type !== 'DjReplied') continue;
            const { text, djName } = event.data as { text: string; djName: string };
            const said = {
              text,
              djName,
              eventId: event.eventId,
              version: event.version,
              position: event.position,
            };
            raw.write(`event: dj.said\ndata: ${JSON.stringify(said)}\n\n`);
          }
          const view = await this.profiles.withCommunity(profile);
          if (closed) return;
          raw.write(`id: ${version}\nevent: profile.updated\ndata: ${JSON.stringify(view)}\n\n`);
          if (profile.version !== lastProfileVersion) {
            lastProfileVersion = profile.version;
            const stale = { profileVersion: profile.version, position: profile.position };
            raw.write(`event: playlist.updated\ndata: ${JSON.stringify(stale)}\n\n`);
          }
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
