import {
  ConversationService,
  OpenAiCompatibleVoice,
  readLlmSettings,
  serveConversationQueries,
  SessionContexts,
  type LlmSettings,
} from '@qfzz/conversation';
import { readWholeNumber, type RunningService, type ServiceDefinition } from '@qfzz/service-runtime';

/** What the conversation service reads beyond the shared cluster settings. */
export interface ConversationSettings {
  /** Listeners whose session context this replica keeps in memory. */
  maxSessions: number;
  /** Per request to another service. */
  peerTimeoutMs: number;
  /** The optional language model; undefined (off) unless `QFZZ_LLM_URL` is set. */
  llm?: LlmSettings;
}

export function readConversationSettings(env: NodeJS.ProcessEnv): ConversationSettings {
  const llm = readLlmSettings(env);
  return {
    maxSessions: readWholeNumber(env, 'QFZZ_MAX_SESSIONS', 10_000, 1, 10_000_000),
    peerTimeoutMs: readWholeNumber(env, 'QFZZ_PEER_TIMEOUT_MS', 5000, 50, 600_000),
    ...(llm ? { llm } : {}),
  };
}

export interface RunningConversation extends RunningService {
  service: ConversationService;
}

/**
 * The DJ's voice on the cluster adapters: answers the conversation queries on
 * NATS (queue group `conversation`: replicas share the requests) and appends
 * what it learns through the decrypting store, so personal data is sealed
 * like everything else the gateway writes. Session contexts live in this
 * replica's memory only; any replica rebuilds one from the listener's latest
 * messages in the log, so a restart loses no conversation, only a cache.
 */
export const conversationService: ServiceDefinition<ConversationSettings, RunningConversation> = {
  service: 'conversation',
  defaultPort: 3103,
  readSettings: readConversationSettings,
  async start({ store, queryBus, log }, own) {
    const voice = own.llm
      ? new OpenAiCompatibleVoice(own.llm, { onFallback: (reason) => log('llm fallback', { reason }) })
      : undefined;
    const service = new ConversationService({
      store,
      queryBus,
      sessions: new SessionContexts({ maxListeners: own.maxSessions }),
      voice,
      peerTimeoutMs: own.peerTimeoutMs,
      onPeerTrouble: ({ service: peer, ...trouble }) => log('peer did not answer', { peer, ...trouble }),
    });
    const responders = await serveConversationQueries(queryBus, service);
    log('answering conversation queries', { llm: own.llm ? own.llm.model : 'off' });
    return {
      service,
      async stop() {
        for (const responder of responders) await responder.stop().catch(() => undefined);
      },
    };
  },
};
