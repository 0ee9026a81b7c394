import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { readClusterSettings, readFlag, readWholeNumber, SettingsError } from './clusterSettings';

const DEFAULTS = { service: 'probe', port: 3199 };
const SQLITE = { NATS_URL: 'nats://n:4222', QFZZ_EVENT_STORE: 'sqlite' };

describe('readClusterSettings', () => {
  it('defaults to MongoDB, no cache, files under ./data, the service port and no relay', () => {
    const settings = readClusterSettings(
      { NATS_URL: 'nats://n:4222', MONGODB_URL: 'mongodb://m:27017/qfzz?replicaSet=rs0' },
      DEFAULTS,
    );
    const data = resolve('./data');
    expect(settings).toEqual({
      service: 'probe',
      natsUrl: 'nats://n:4222',
      redisUrl: undefined,
      eventStore: 'mongodb',
      mongodbUrl: 'mongodb://m:27017/qfzz?replicaSet=rs0',
      sqliteFile: join(data, 'qfzz.db'),
      readModelFile: join(data, 'read-models.db'),
      keysFile: join(data, 'keys.db'),
      ackWaitMs: 30_000,
      port: 3199,
      replicaId: `${hostname()}-${process.pid}`,
      outboxRelay: false,
    });
  });

  it('puts every file under QFZZ_DATA_DIR unless each is named, and reads the rest', () => {
    const settings = readClusterSettings(
      {
        ...SQLITE,
        REDIS_URL: 'redis://r:6379',
        QFZZ_DATA_DIR: '/var/qfzz',
        QFZZ_KEYS_FILE: '/secrets/keys.db',
        QFZZ_ACK_WAIT_MS: '1500',
        PORT: '0',
        QFZZ_REPLICA_ID: 'replica-7',
        QFZZ_OUTBOX_RELAY: 'off',
      },
      { ...DEFAULTS, outboxRelay: true },
    );
    expect(settings).toMatchObject({
      redisUrl: 'redis://r:6379',
      eventStore: 'sqlite',
      mongodbUrl: undefined,
      sqliteFile: '/var/qfzz/qfzz.db',
      readModelFile: '/var/qfzz/read-models.db',
      keysFile: '/secrets/keys.db',
      ackWaitMs: 1500,
      port: 0,
      replicaId: 'replica-7',
      outboxRelay: false,
    });
  });

  it('takes the relay default from the service, and QFZZ_OUTBOX_RELAY over it', () => {
    expect(readClusterSettings(SQLITE, { ...DEFAULTS, outboxRelay: true }).outboxRelay).toBe(true);
    expect(readClusterSettings({ ...SQLITE, QFZZ_OUTBOX_RELAY: 'yes' }, DEFAULTS).outboxRelay).toBe(true);
  });

  it('requires NATS_URL, and MONGODB_URL with the MongoDB log, saying what to set', () => {
    expect(() => readClusterSettings({}, DEFAULTS)).toThrow(
      'NATS_URL is required (e.g. NATS_URL=nats://127.0.0.1:4222)',
    );
    expect(() => readClusterSettings({ NATS_URL: 'nats://n:4222' }, DEFAULTS)).toThrow(
      /MONGODB_URL is required/,
    );
    expect(() => readClusterSettings({}, DEFAULTS)).toThrow(SettingsError);
    expect(readClusterSettings(SQLITE, DEFAULTS).mongodbUrl).toBeUndefined();
  });

  it.each([
    ['QFZZ_EVENT_STORE', 'postgres', /QFZZ_EVENT_STORE="postgres" is not valid: expected sqlite or mongodb/],
    ['QFZZ_ACK_WAIT_MS', '50', /QFZZ_ACK_WAIT_MS="50" is not valid: expected a whole number from 100/],
    ['QFZZ_ACK_WAIT_MS', 'soon', /QFZZ_ACK_WAIT_MS="soon" is not valid/],
    ['PORT', '70000', /PORT="70000" is not valid: expected a whole number from 0 to 65535/],
    ['PORT', '80.5', /PORT="80.5" is not valid/],
    ['QFZZ_OUTBOX_RELAY', 'maybe', /QFZZ_OUTBOX_RELAY="maybe" is not valid: expected on or off/],
  ])('names %s=%s as not valid', (name, value, message) => {
    expect(() => readClusterSettings({ ...SQLITE, [name]: value }, DEFAULTS)).toThrow(message);
  });
});

describe('the readers services use for their own settings', () => {
  it('readWholeNumber falls back when unset or empty and checks the range', () => {
    expect(readWholeNumber({}, 'N', 7, 1, 10)).toBe(7);
    expect(readWholeNumber({ N: '' }, 'N', 7, 1, 10)).toBe(7);
    expect(readWholeNumber({ N: '10' }, 'N', 7, 1, 10)).toBe(10);
    expect(() => readWholeNumber({ N: '11' }, 'N', 7, 1, 10)).toThrow(
      'N="11" is not valid: expected a whole number from 1 to 10',
    );
  });

  it('readFlag reads on/off words', () => {
    expect(readFlag({}, 'F', true)).toBe(true);
    for (const on of ['1', 'true', 'ON', 'yes']) expect(readFlag({ F: on }, 'F', false)).toBe(true);
    for (const off of ['0', 'false', 'Off', 'no']) expect(readFlag({ F: off }, 'F', true)).toBe(false);
  });
});
