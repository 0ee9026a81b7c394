import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatalogProjection, importCatalogTracks, serveCatalogQueries } from '@qfzz/catalog';
import {
  CONVERSATION_SERVICE,
  ConversationQuery,
  PROFILE_SERVICE,
  ProfileQuery,
  type DjReply,
  type Greeting,
  type ProfileView,
} from '@qfzz/contracts';
import {
  listenerStreamId,
  newQfzzEvent,
  type CatalogTrack,
  type NewEvent,
  type RecordedEvent,
} from '@qfzz/domain';
import { ANY_VERSION, SqliteEventStore } from '@qfzz/event-store';
import { InProcessQueryBus } from '@qfzz/messaging';
import {
  serveProfileQueries,
  SqliteProfileReadModels,
  TasteProfileProjection,
} from '@qfzz/profile-projection';
import { ConversationService, type ConversationServiceOptions } from '../conversationService';
import { serveConversationQueries } from '../serveConversationQueries';
import { serveRecommenderTestDouble } from './recommenderTestDouble';
import { SMALL_CATALOG } from './smallCatalog';

export interface ConversationTestBedOptions {
  catalog?: readonly CatalogTrack[];
  /** Which peers answer on the bus (default all but trust, which is not built yet). */
  serve?: { catalog?: boolean; profile?: boolean; recommender?: boolean };
  service?: Partial<Omit<ConversationServiceOptions, 'store' | 'queryBus'>>;
}

/**
 * A real SQLite log and an in-process query bus with the real catalog and
 * profile responders, the recommender TEST DOUBLE and the conversation
 * service on it; a clock tests can move.
 */
export async function startConversationTestBed(options: ConversationTestBedOptions = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'qfzz-conversation-'));
  const store = new SqliteEventStore({ file: join(dir, 'qfzz.db') });
  const readModels = new SqliteProfileReadModels(join(dir, 'read-models.db'));
  const bus = new InProcessQueryBus();
  const catalogTracks = options.catalog ?? SMALL_CATALOG;
  const serve = { catalog: true, profile: true, recommender: true, ...options.serve };

  const catalog = new CatalogProjection(store).start();
  const imported = await importCatalogTracks(store, catalogTracks);
  await catalog.waitFor(imported.position);
  if (serve.catalog) await serveCatalogQueries(bus, catalog.index);
  if (serve.profile) await serveProfileQueries(bus, new TasteProfileProjection(store, readModels.live()));
  const recommender = serve.recommender ? await serveRecommenderTestDouble(bus, catalogTracks) : undefined;

  let now = new Date('2026-12-01T18:00:00.000Z');
  const clock = {
    now: () => now,
    set: (iso: string) => (now = new Date(iso)),
    advance: (ms: number) => (now = new Date(now.getTime() + ms)),
  };
  const service = new ConversationService({ store, queryBus: bus, clock: clock.now, ...options.service });
  await serveConversationQueries(bus, service);

  const append = (listenerId: string, events: NewEvent[]) =>
    store.appendToStream(listenerStreamId(listenerId), events, { expectedVersion: ANY_VERSION });

  return {
    store,
    bus,
    service,
    clock,
    recommender,
    catalogTracks,
    send: (listenerId: string, text: string, correlationId?: string) =>
      bus.request<object, DjReply>(CONVERSATION_SERVICE, ConversationQuery.interact, {
        listenerId,
        text,
        ...(correlationId ? { correlationId } : {}),
      }),
    greet: (listenerId: string) =>
      bus.request<object, Greeting>(CONVERSATION_SERVICE, ConversationQuery.greet, { listenerId }),
    profile: (listenerId: string, minPosition?: number) =>
      bus.request<object, ProfileView | null>(PROFILE_SERVICE, ProfileQuery.get, { listenerId, minPosition }),
    register: (listenerId: string, name?: string, at = now.toISOString()) =>
      append(listenerId, [
        newQfzzEvent(
          'ListenerRegistered',
          { listenerId, ...(name ? { name } : {}), registeredAt: at },
          { metadata: { occurredAt: at } },
        ),
      ]),
    /** `count` plays of catalog tracks, one a day from `firstDay` on when given. */
    play: (listenerId: string, trackIds: string[], at = now.toISOString()) =>
      append(
        listenerId,
        trackIds.map((trackId) => {
          const track = catalogTracks.find((entry) => entry.trackId === trackId);
          if (!track) throw new Error(`no track ${trackId} in the test catalog`);
          return newQfzzEvent(
            'TrackPlayed',
            {
              track: {
                trackId,
                genre: track.genre,
                artist: track.artist,
                ...(track.energy === undefined ? {} : { energy: track.energy }),
              },
            },
            { metadata: { occurredAt: at } },
          );
        }),
      ),
    chooseDj: (listenerId: string, djId: string) => append(listenerId, [newQfzzEvent('DjChosen', { djId })]),
    append,
    eventsOf: (listenerId: string): Promise<RecordedEvent[]> =>
      store.readStream(listenerStreamId(listenerId)),
    async stop() {
      await catalog.stop();
      await bus.close();
      await readModels.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export type ConversationTestBed = Awaited<ReturnType<typeof startConversationTestBed>>;
