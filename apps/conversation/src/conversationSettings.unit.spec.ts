import { readServiceSettings } from '@qfzz/service-runtime';
import { conversationService } from './conversationService';

const read = (env: NodeJS.ProcessEnv) => readServiceSettings(conversationService, env);

describe('conversation settings', () => {
  it('reads a SQLite replica with the LLM off by default', () => {
    const { cluster, own } = read({
      NATS_URL: 'nats://n:4222',
      QFZZ_EVENT_STORE: 'sqlite',
      QFZZ_SQLITE_FILE: '/tmp/q.db',
    });
    expect(cluster).toMatchObject({
      service: 'conversation',
      natsUrl: 'nats://n:4222',
      eventStore: 'sqlite',
      sqliteFile: '/tmp/q.db',
      port: 3103,
      outboxRelay: false,
    });
    expect(own).toEqual({ maxSessions: 10_000, peerTimeoutMs: 5000 });
    expect(own.llm).toBeUndefined();
  });

  it('takes QFZZ_MAX_SESSIONS and QFZZ_PEER_TIMEOUT_MS', () => {
    const { own } = read({
      NATS_URL: 'nats://n:4222',
      QFZZ_EVENT_STORE: 'sqlite',
      QFZZ_MAX_SESSIONS: '50',
      QFZZ_PEER_TIMEOUT_MS: '500',
    });
    expect(own).toEqual({ maxSessions: 50, peerTimeoutMs: 500 });
  });

  it('turns the LLM on with QFZZ_LLM_URL and QFZZ_LLM_MODEL', () => {
    const { own } = read({
      NATS_URL: 'nats://n:4222',
      QFZZ_EVENT_STORE: 'sqlite',
      QFZZ_LLM_URL: 'http://127.0.0.1:11434/v1',
      QFZZ_LLM_MODEL: 'llama3.2',
    });
    expect(own.llm).toEqual({ url: 'http://127.0.0.1:11434/v1', model: 'llama3.2', timeoutMs: 8000 });
  });

  it('says what is missing', () => {
    expect(() => read({})).toThrow(/NATS_URL is required/);
    expect(() => read({ NATS_URL: 'nats://n:4222' })).toThrow(/MONGODB_URL is required/);
    expect(() => read({ NATS_URL: 'nats://n:4222', QFZZ_EVENT_STORE: 'redis' })).toThrow(
      /expected sqlite or mongodb/,
    );
    expect(() =>
      read({ NATS_URL: 'nats://n:4222', QFZZ_EVENT_STORE: 'sqlite', QFZZ_MAX_SESSIONS: '0' }),
    ).toThrow(/QFZZ_MAX_SESSIONS/);
    expect(() =>
      read({ NATS_URL: 'nats://n:4222', QFZZ_EVENT_STORE: 'sqlite', QFZZ_PEER_TIMEOUT_MS: '10' }),
    ).toThrow(/QFZZ_PEER_TIMEOUT_MS/);
    expect(() =>
      read({ NATS_URL: 'nats://n:4222', QFZZ_EVENT_STORE: 'sqlite', QFZZ_LLM_URL: 'http://llm/v1' }),
    ).toThrow(/QFZZ_LLM_MODEL is required/);
  });
});
