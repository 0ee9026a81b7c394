import Database from 'better-sqlite3';
import { join } from 'node:path';
import { listenerStreamId } from '@qfzz/domain';
import { SqliteEventStore } from '@qfzz/event-store';
import { CommunityGraph } from '../graph/communityGraph';
import { likes, plays, register, tempDir } from '../testSupport/listenerLog';
import { TrustQueries } from './trustQueries';

describe('verify: the tamper-evident log names the first broken event', () => {
  const temp = tempDir('qfzz-verify-');
  let file: string;
  let store: SqliteEventStore;
  let queries: TrustQueries;

  beforeEach(async () => {
    file = join(temp.dir, `${Date.now()}-${Math.random()}.db`);
    store = new SqliteEventStore({ file });
    queries = new TrustQueries(new CommunityGraph(), store);
    await register(store, 'ann', 'Ann');
    await plays(store, 'ann', 3);
    await likes(store, 'ann', ['t-1', 't-2']);
  });
  afterEach(async () => store.close());
  afterAll(() => temp.remove());

  /** Another connection edits the file behind the store's back, as an attacker with disk access would. */
  const behindTheStoresBack = (sql: string, ...params: unknown[]) => {
    const db = new Database(file);
    db.prepare(sql).run(...params);
    db.close();
  };

  it('checks out an untouched stream and reports its head hash', async () => {
    const events = await store.readStream(listenerStreamId('ann'));
    expect(await queries.verify('ann')).toEqual({ ok: true, events: 6, headHash: events[5].hash });
  });

  it('names the edited event when one stored event is changed', async () => {
    const [, , third] = await store.readStream(listenerStreamId('ann'));
    behindTheStoresBack(
      `UPDATE events SET data = json_set(data, '$.track.trackId', 'forged') WHERE stream_id = ? AND version = 3`,
      'listener-ann',
    );
    const check = await queries.verify('ann');
    expect(check).toMatchObject({
      ok: false,
      events: 2,
      brokenAt: { version: 3, eventId: third.eventId, reason: 'hash does not match the event content' },
    });
  });

  it('names the event after a hole when one is deleted from the middle', async () => {
    const [, , , fourth] = await store.readStream(listenerStreamId('ann'));
    behindTheStoresBack(`DELETE FROM events WHERE stream_id = ? AND version = 3`, 'listener-ann');
    expect(await queries.verify('ann')).toMatchObject({
      ok: false,
      brokenAt: { version: 4, eventId: fourth.eventId, reason: 'expected version 3, found 4' },
    });
  });

  it('names the event whose stored hash was overwritten', async () => {
    const events = await store.readStream(listenerStreamId('ann'));
    behindTheStoresBack(
      `UPDATE events SET hash = ? WHERE stream_id = ? AND version = 2`,
      'f'.repeat(64),
      'listener-ann',
    );
    expect(await queries.verify('ann')).toMatchObject({
      ok: false,
      brokenAt: { version: 2, eventId: events[1].eventId },
    });
  });

  it('refuses a listener with no stream', async () => {
    await expect(queries.verify('nobody')).rejects.toMatchObject({ code: 'LISTENER_NOT_FOUND' });
  });
});
