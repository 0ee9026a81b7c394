import { coListeningBudgetBytes } from '@qfzz/recommender';
import { readServiceSettings } from '@qfzz/service-runtime';
import { recommenderService } from './recommenderService';

const read = (env: NodeJS.ProcessEnv) => readServiceSettings(recommenderService, env);
const SQLITE = { NATS_URL: 'nats://n:4222', QFZZ_EVENT_STORE: 'sqlite' };

describe('recommender settings', () => {
  it('listens on 3102 and caches playlists for 10 minutes by default', () => {
    const { cluster, own } = read({
      ...SQLITE,
      REDIS_URL: 'redis://r:6379',
      QFZZ_READ_MODEL_FILE: '/tmp/rm.db',
    });
    expect(cluster).toMatchObject({
      service: 'recommender',
      port: 3102,
      redisUrl: 'redis://r:6379',
      readModelFile: '/tmp/rm.db',
      outboxRelay: false,
    });
    expect(own).toEqual({ playlistTtlSeconds: 600, personalization: true });
  });

  it('takes QFZZ_PLAYLIST_TTL_SECONDS and names it when it is not a positive whole number', () => {
    expect(read({ ...SQLITE, QFZZ_PLAYLIST_TTL_SECONDS: '60' }).own).toEqual({
      playlistTtlSeconds: 60,
      personalization: true,
    });
    for (const bad of ['0', '-5', 'soon', '1.5'])
      expect(() => read({ ...SQLITE, QFZZ_PLAYLIST_TTL_SECONDS: bad })).toThrow(/QFZZ_PLAYLIST_TTL_SECONDS=/);
  });

  it('takes QFZZ_MAX_MEMORY_MB for the co-listening model, a quarter of it, and names a bad value', () => {
    expect(read(SQLITE).own.maxMemoryMb).toBeUndefined();
    expect(read({ ...SQLITE, QFZZ_MAX_MEMORY_MB: '256' }).own.maxMemoryMb).toBe(256);
    expect(coListeningBudgetBytes(256)).toBe(64 * 1024 * 1024);
    expect(coListeningBudgetBytes(undefined)).toBeUndefined();
    expect(() => read({ ...SQLITE, QFZZ_MAX_MEMORY_MB: 'lots' })).toThrow(/QFZZ_MAX_MEMORY_MB=/);
  });

  it('says what is missing', () => {
    expect(() => read({})).toThrow(/NATS_URL is required/);
    expect(() => read({ NATS_URL: 'nats://n:4222' })).toThrow(/MONGODB_URL is required/);
  });
});

describe('QFZZ_PERSONALIZATION', () => {
  it('turns personal playlists off, and names a value it cannot read', () => {
    const read = (env: NodeJS.ProcessEnv) => readServiceSettings(recommenderService, env).own;
    expect(
      read({ NATS_URL: 'nats://n:4222', QFZZ_EVENT_STORE: 'sqlite', QFZZ_PERSONALIZATION: 'off' })
        .personalization,
    ).toBe(false);
    expect(() =>
      read({ NATS_URL: 'nats://n:4222', QFZZ_EVENT_STORE: 'sqlite', QFZZ_PERSONALIZATION: 'maybe' }),
    ).toThrow(/QFZZ_PERSONALIZATION="maybe" is not valid/);
  });
});
