import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listenerStreamId, newQfzzEvent, verifyChain } from '@qfzz/domain';
import { SqliteEventStore } from '@qfzz/event-store';
import { SealedDataTamperedError, isSealed } from './crypto/sealedData';
import { EncryptingEventStore } from './encryptingEventStore';
import { SqliteDataKeyStore } from './keys/sqliteDataKeyStore';
import { databaseBytes, plaintextFound } from './testSupport/logFiles';

const SECRETS = [
  'Ada Quasimodo',
  'Zyxxy Quartet',
  'my secret crush is Bartholomew',
  'vaporwave-noir',
  '2019-04-01T03:33',
];

describe('EncryptingEventStore seals personal data in the log (SQLite, AES-256-GCM)', () => {
  let dir: string;
  let file: string;
  let keys: SqliteDataKeyStore;
  let store: EncryptingEventStore;
  const ada = listenerStreamId('ada');

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qfzz-sealing-'));
    file = join(dir, 'qfzz.db');
    keys = new SqliteDataKeyStore(join(dir, 'keys.db'));
    store = new EncryptingEventStore(new SqliteEventStore({ file }), { keys });
    await store.appendToStream(ada, [
      newQfzzEvent('ListenerRegistered', { listenerId: 'ada', name: 'Ada Quasimodo' }),
      newQfzzEvent('PreferencesStated', { words: ['vaporwave-noir'] }),
      newQfzzEvent(
        'TrackLiked',
        { track: { trackId: 't-1', genre: 'jazz', artist: 'Zyxxy Quartet' } },
        { metadata: { occurredAt: '2019-04-01T03:33:00.000Z', correlationId: 'req-1' } },
      ),
      newQfzzEvent('MessageSent', { text: 'my secret crush is Bartholomew' }),
    ]);
  });
  afterEach(async () => {
    await store.close();
    await keys.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads back what was written, while the stored rows hold only ciphertext', async () => {
    const events = await store.readStream(ada);
    expect(events.map((e) => e.data)).toEqual([
      { listenerId: 'ada', name: 'Ada Quasimodo' },
      { words: ['vaporwave-noir'] },
      { track: { trackId: 't-1', genre: 'jazz', artist: 'Zyxxy Quartet' } },
      { text: 'my secret crush is Bartholomew' },
    ]);
    expect(events[2].metadata).toMatchObject({
      occurredAt: '2019-04-01T03:33:00.000Z',
      correlationId: 'req-1',
    });

    const stored = await store.readStoredStream(ada);
    expect(stored.every((e) => isSealed(e.data))).toBe(true);
    // When it happened is sealed too; the request id is not personal and stays readable.
    expect(stored[2].metadata.occurredAt).toBe(stored[2].metadata.recordedAt);
    expect(stored[2].metadata.correlationId).toBe('req-1');
    expect(plaintextFound(databaseBytes(file), SECRETS)).toEqual([]);
    // ...and the key is not in the log either.
    const key = await keys.currentKey('ada');
    expect(databaseBytes(file).includes(key.key)).toBe(false);
    expect(databaseBytes(file).includes(Buffer.from(key.key.toString('base64')))).toBe(false);
  });

  it('chains the events as stored: the stored chain verifies, and reads carry the same hashes', async () => {
    const stored = await store.readStoredStream(ada);
    expect(verifyChain(stored)).toEqual({ ok: true, events: 4, headHash: stored[3].hash });
    expect((await store.readStream(ada)).map((e) => e.hash)).toEqual(stored.map((e) => e.hash));
  });

  it('opens sealed events in readAll and in the answer to a retried append', async () => {
    const batch = await store.readAll({ after: 0 });
    expect(batch.events.map((e) => e.type)).toEqual([
      'ListenerRegistered',
      'PreferencesStated',
      'TrackLiked',
      'MessageSent',
    ]);
    expect(batch.events[3].data).toEqual({ text: 'my secret crush is Bartholomew' });
    const event = newQfzzEvent('TrackSkipped', {
      track: { trackId: 't-2', genre: 'pop', artist: 'Zyxxy Quartet' },
    });
    const first = await store.appendToStream(ada, [event]);
    const again = await store.appendToStream(ada, [event]);
    expect(again.alreadyAppended).toBe(true);
    expect(again.events.map((e) => [e.hash, e.data])).toEqual(first.events.map((e) => [e.hash, e.data]));
  });

  it('opens a replay read too: sealed data and the sealed occurredAt back, Redacted once forgotten', async () => {
    const replayed = await store.readAllForReplay({ after: 0, limit: 10 });
    expect(replayed.events.map((e) => e.data)).toEqual((await store.readStream(ada)).map((e) => e.data));
    // occurredAt travels inside the seal; the one stored outside is the time of recording.
    expect(replayed.events[2].metadata.occurredAt).toBe('2019-04-01T03:33:00.000Z');
    expect(replayed.events[2]).not.toHaveProperty('hash');

    await store.forget('ada');
    const afterForgetting = await store.readAllForReplay({ after: 0, limit: 10 });
    expect(afterForgetting.events.map((e) => e.type)).toEqual([
      'Redacted',
      'Redacted',
      'Redacted',
      'Redacted',
      'ListenerForgotten',
    ]);
    expect(JSON.stringify(afterForgetting.events)).not.toMatch(/Quasimodo|Zyxxy|crush|vaporwave/);
  });

  it('refuses a sealed payload moved onto another event, and the stored chain names the edited event', async () => {
    const stored = await store.readStoredStream(ada);
    const db = new Database(file);
    db.prepare('UPDATE events SET data = ? WHERE event_id = ?').run(
      JSON.stringify(stored[1].data),
      stored[3].eventId,
    );
    db.close();
    await expect(store.readStream(ada)).rejects.toBeInstanceOf(SealedDataTamperedError);
    expect(verifyChain(await store.readStoredStream(ada))).toMatchObject({
      ok: false,
      brokenAt: { version: 4, eventId: stored[3].eventId },
    });
  });

  it('hands appends to the log in the order they were asked for, a big one sealed on the thread first', async () => {
    const played = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        newQfzzEvent('TrackPlayed', { track: { trackId: `t-${i}`, genre: 'jazz', artist: 'Ada' } }),
      );
    const big = played(1000);
    const small = played(1);
    const [first, second] = await Promise.all([
      store.appendToStream(ada, big, { expectedVersion: 4 }),
      store.appendToStream(ada, small, { expectedVersion: 1004 }),
    ]);
    expect(first.events[999].version).toBe(1004);
    expect(second.events[0].version).toBe(1005);
    expect(verifyChain(await store.readStoredStream(ada)).ok).toBe(true);
  });

  it('stores events outside listener streams as given', async () => {
    await store.appendToStream('connection-ada-bob', [
      newQfzzEvent('CommunityRequested', { from: 'ada', to: 'bob' }),
    ]);
    const [request] = await store.readStoredStream('connection-ada-bob');
    expect(request.data).toEqual({ from: 'ada', to: 'bob' });
  });
});
