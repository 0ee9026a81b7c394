import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listenerStreamId, newQfzzEvent, type RecordedEvent } from '@qfzz/domain';
import { SqliteEventStore } from '@qfzz/event-store';
import { EncryptingEventStore } from './encryptingEventStore';
import { SqliteDataKeyStore } from './keys/sqliteDataKeyStore';

/** Edge mode opens what it just sealed from memory; a reader must not be able to tell the difference. */
describe('EncryptingEventStore with rememberOpened', () => {
  let dir: string;
  let keys: SqliteDataKeyStore;
  let log: SqliteEventStore;
  let remembering: EncryptingEventStore;
  const ada = listenerStreamId('ada');
  const bo = listenerStreamId('bo');

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'qfzz-remember-'));
    keys = new SqliteDataKeyStore(join(dir, 'keys.db'));
    log = new SqliteEventStore({ file: join(dir, 'qfzz.db') });
    remembering = new EncryptingEventStore(log, { keys, rememberOpened: 100 });
  });
  afterEach(async () => {
    await remembering.close();
    await keys.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const write = async () => {
    await remembering.appendToStream(ada, [
      newQfzzEvent('ListenerRegistered', { listenerId: 'ada', name: 'Ada' }),
      newQfzzEvent(
        'TrackLiked',
        { track: { trackId: 't-1', genre: 'jazz', artist: 'Zyxxy Quartet', mood: undefined } },
        { metadata: { occurredAt: '2019-04-01T03:33:00.000Z', correlationId: 'req-1' } },
      ),
    ]);
    await remembering.appendToStream(bo, [
      newQfzzEvent('ListenerRegistered', { listenerId: 'bo', name: 'Bo' }),
    ]);
  };

  /** The same log read by a store that remembers nothing: every sealed event decrypted from its row. */
  const decryptedFromRows = async (): Promise<RecordedEvent[]> => {
    const fresh = new EncryptingEventStore(
      new SqliteEventStore({ file: join(dir, 'qfzz.db'), recentEvents: 0 }),
      {
        keys,
      },
    );
    const { events } = await fresh.readAll({ after: 0, limit: 10_000 });
    await fresh.close();
    return events;
  };

  it('returns from appends and reads exactly what decrypting the stored rows gives', async () => {
    await write();
    const read = (await remembering.readAll({ after: 0, limit: 100 })).events;
    expect(read).toHaveLength(3);
    expect(read).toStrictEqual(await decryptedFromRows());
    expect(read[1].data).toStrictEqual({ track: { trackId: 't-1', genre: 'jazz', artist: 'Zyxxy Quartet' } });
    expect(read[1].metadata).toMatchObject({
      occurredAt: '2019-04-01T03:33:00.000Z',
      correlationId: 'req-1',
    });
  });

  it('forgets what it remembered when a listener is forgotten', async () => {
    await write();
    await remembering.readAll({ after: 0, limit: 100 });
    await remembering.forget('ada');
    const read = (await remembering.readAll({ after: 0, limit: 100 })).events;
    expect(read.map((e) => e.type)).toEqual([
      'Redacted',
      'Redacted',
      'ListenerRegistered',
      'ListenerForgotten',
    ]);
    expect(JSON.stringify(read)).not.toContain('Zyxxy');
    expect(read[2].data).toEqual({ listenerId: 'bo', name: 'Bo' });
  });

  it('does not remember what was sealed while a forget went on: it reads as Redacted, as from any other process', async () => {
    const threaded = new EncryptingEventStore(log, { keys, rememberOpened: 5000, sealOnThreadFrom: 1 });
    await write();
    const many = Array.from({ length: 2000 }, (_, i) =>
      newQfzzEvent('TrackPlayed', { track: { trackId: `t-${i}`, genre: 'jazz', artist: 'Zyxxy Quartet' } }),
    );
    // The thread starts with this append, so its events are sealed while the forget runs.
    await Promise.all([threaded.appendToStream(ada, many), threaded.forget('ada')]);
    const read = (await threaded.readAll({ after: 0, limit: 5000 })).events;
    expect(read.filter((e) => e.streamId === ada && e.type !== 'ListenerForgotten').length).toBeGreaterThan(
      2000,
    );
    expect(JSON.stringify(read)).not.toContain('Zyxxy');
    expect(read).toStrictEqual(await decryptedFromRows());
  });
});
