import { readSettings } from './settings';

describe('conversation settings', () => {
  it('reads a SQLite replica with the LLM off by default', () => {
    const settings = readSettings({
      NATS_URL: 'nats://n:4222',
      QFZZ_EVENT_STORE: 'sqlite',
      QFZZ_SQLITE_FILE: '/tmp/q.db',
    });
    expect(settings).toMatchObject({
      natsUrl: 'nats://n:4222',
      eventStore: 'sqlite',
      sqliteFile: '/tmp/q.db',
      maxSessions: 10_000,
      peerTimeoutMs: 5000,
      port: 3104,
    });
    expect(settings.llm).toBeUndefined();
  });

  it('turns the LLM on with QFZZ_LLM_URL and QFZZ_LLM_MODEL', () => {
    const settings = readSettings({
      NATS_URL: 'nats://n:4222',
      QFZZ_EVENT_STORE: 'sqlite',
      QFZZ_LLM_URL: 'http://127.0.0.1:11434/v1',
      QFZZ_LLM_MODEL: 'llama3.2',
    });
    expect(settings.llm).toEqual({ url: 'http://127.0.0.1:11434/v1', model: 'llama3.2', timeoutMs: 8000 });
  });

  it('says what is missing', () => {
    expect(() => readSettings({})).toThrow(/NATS_URL is required/);
    expect(() => readSettings({ NATS_URL: 'nats://n:4222' })).toThrow(/MONGODB_URL is required/);
    expect(() => readSettings({ NATS_URL: 'nats://n:4222', QFZZ_EVENT_STORE: 'redis' })).toThrow(
      /expected sqlite or mongodb/,
    );
    expect(() =>
      readSettings({ NATS_URL: 'nats://n:4222', QFZZ_EVENT_STORE: 'sqlite', QFZZ_MAX_SESSIONS: '0' }),
    ).toThrow(/QFZZ_MAX_SESSIONS/);
  });
});
