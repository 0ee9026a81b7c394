import type { ProfileView } from '@qfzz/contracts';
import { QfzzApiError } from './qfzzApiError';
import type { ListenerStreamEvent } from './sse/listenerStream';
import { startEdgeInstance, type EdgeInstance } from './testing/edgeInstance';

/** Resolves when `predicate` holds, checking every 10 ms; rejects after `ms`. */
function until(predicate: () => boolean, ms = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + ms;
    const timer = setInterval(() => {
      if (predicate()) {
        clearInterval(timer);
        resolve();
      } else if (Date.now() > deadline) {
        clearInterval(timer);
        reject(new Error('timed out waiting'));
      }
    }, 10);
  });
}

describe('stream(): the listener’s server-sent events through the SDK', () => {
  let edge: EdgeInstance;
  beforeAll(async () => (edge = await startEdgeInstance()));
  afterAll(() => edge?.close());

  it('delivers profile.updated with the profile that reflects a new interaction, and close() ends it', async () => {
    const qfzz = edge.client();
    const { listenerId } = await qfzz.createListener({ name: 'Streamer' });
    const profiles: ProfileView[] = [];
    const events: ListenerStreamEvent[] = [];
    let opened = 0;
    let closed = 0;
    const close = qfzz.stream(listenerId, {
      onOpen: () => opened++,
      onProfileUpdated: (profile) => profiles.push(profile),
      onEvent: (event) => events.push(event),
      onError: (error) => events.push({ event: 'error', data: String(error) }),
      onClose: () => closed++,
    });
    await until(() => opened === 1);

    const liked = await qfzz.recordInteraction(listenerId, { trackId: 'so-what', type: 'like' });
    await until(() => profiles.some((p) => p.position === liked.position));
    const profile = profiles.find((p) => p.position === liked.position);
    expect(profile).toMatchObject({
      listenerId,
      name: 'Streamer',
      interactionCount: 1,
      version: liked.version,
    });
    expect(events.find((e) => e.event === 'profile.updated')).toMatchObject({ id: String(liked.version) });
    expect(events.some((e) => e.event === 'error')).toBe(false);

    close();
    close();
    await until(() => closed === 1);
    const seen = profiles.length;
    await qfzz.recordInteraction(listenerId, { trackId: 'so-what', type: 'play' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(profiles).toHaveLength(seen);
    expect(closed).toBe(1);
  });

  it('reports a refusal through onError (a QfzzApiError) and ends without reconnecting', async () => {
    const owner = edge.client();
    const { listenerId } = await owner.createListener();
    const errors: unknown[] = [];
    let closed = false;
    edge
      .client()
      .stream(
        listenerId,
        { onError: (error) => errors.push(error), onClose: () => (closed = true) },
        { retryMs: 10 },
      );
    await until(() => closed);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(QfzzApiError);
    expect(errors[0]).toMatchObject({ status: 401 });
  });

  it('a session streams for its listener too', async () => {
    const qfzz = edge.client();
    const session = qfzz.session((await qfzz.createListener()).listenerId);
    const versions: number[] = [];
    let opened = false;
    const close = session.stream({
      onOpen: () => (opened = true),
      onProfileUpdated: (p) => versions.push(p.version),
    });
    try {
      await until(() => opened);
      await session.updatePreferences(['jazz']);
      await until(() => versions.includes(2));
    } finally {
      close();
    }
  });
});
