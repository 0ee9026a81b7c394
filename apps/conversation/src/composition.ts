import mongoose from 'mongoose';
import {
  ConversationService,
  OpenAiCompatibleVoice,
  serveConversationQueries,
  SessionContexts,
} from '@qfzz/conversation';
import { MongoEventStore, SqliteEventStore, type EventStore } from '@qfzz/event-store';
import { NatsQueryBus } from '@qfzz/messaging';
import type { ConversationSettings } from './settings';

export interface RunningConversation {
  store: EventStore;
  service: ConversationService;
  /** Dependencies /ready checks. */
  checks(): Promise<Record<string, boolean>>;
  stop(): Promise<void>;
}

const log = (message: string, extra: Record<string, unknown> = {}) =>
  console.log(JSON.stringify({ service: 'conversation', pid: process.pid, message, ...extra }));

/**
 * Opens the cluster adapters the settings name and answers the conversation
 * queries on NATS (queue group `conversation`: replicas share the requests).
 * Session contexts live in this replica's memory only; any replica rebuilds
 * one from the listener's latest messages in the log, so a restart loses no
 * conversation, only a cache.
 */
export async function startConversation(settings: ConversationSettings): Promise<RunningConversation> {
  const closers: (() => Promise<unknown>)[] = [];
  let store: EventStore;
  if (settings.eventStore === 'mongodb') {
    const connection = await mongoose.createConnection(settings.mongodbUrl as string).asPromise();
    closers.push(() => connection.close());
    store = await MongoEventStore.open(connection);
  } else {
    store = new SqliteEventStore({ file: settings.sqliteFile });
    closers.push(() => store.close());
  }
  const queryBus = await NatsQueryBus.connect(settings.natsUrl);
  closers.unshift(() => queryBus.close());

  const voice = settings.llm
    ? new OpenAiCompatibleVoice(settings.llm, { onFallback: (reason) => log('llm fallback', { reason }) })
    : undefined;
  const service = new ConversationService({
    store,
    queryBus,
    sessions: new SessionContexts({ maxListeners: settings.maxSessions }),
    voice,
    peerTimeoutMs: settings.peerTimeoutMs,
    onPeerTrouble: ({ service: peer, ...trouble }) => log('peer did not answer', { peer, ...trouble }),
  });
  const responders = await serveConversationQueries(queryBus, service);
  log('replica started', { eventStore: settings.eventStore, llm: settings.llm ? settings.llm.model : 'off' });

  return {
    store,
    service,
    async checks() {
      const answers = async (probe: () => Promise<unknown>) =>
        probe().then(
          () => true,
          () => false,
        );
      return {
        eventLog: await answers(() => store.headPosition()),
        bus: await answers(() => queryBus.connection.flush()),
      };
    },
    async stop() {
      for (const responder of responders) await responder.stop().catch(() => undefined);
      for (const close of closers) await close().catch(() => undefined);
      log('replica stopped');
    },
  };
}
