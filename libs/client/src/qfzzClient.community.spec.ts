import { QfzzApiError } from './qfzzApiError';
import type { QfzzClient } from './qfzzClient';
import { startEdgeInstance, type EdgeInstance } from './testing/edgeInstance';
import { eventually } from './testing/eventually';

describe('community through the SDK: consent, acceptance, removal', () => {
  let edge: EdgeInstance;
  let qfzz: QfzzClient;
  beforeAll(async () => {
    edge = await startEdgeInstance();
    qfzz = edge.client();
  });
  afterAll(() => edge?.close());

  async function two() {
    const a = (await qfzz.createListener()).listenerId;
    const b = (await qfzz.createListener()).listenerId;
    return [a, b] as const;
  }

  it('a request is pending on both sides until accepted; each write says where the pair stands', async () => {
    const [ann, bob] = await two();
    const requested = await qfzz.addToCommunity(ann, bob);
    expect(requested).toEqual({
      listenerId: ann,
      friendId: bob,
      outcome: 'requested',
      status: 'pending',
      position: expect.any(Number),
    });
    expect((await qfzz.getCommunity(ann)).pending).toEqual([
      expect.objectContaining({ listenerId: bob, direction: 'outgoing' }),
    ]);
    expect((await qfzz.getCommunity(bob)).pending).toEqual([
      expect.objectContaining({ listenerId: ann, direction: 'incoming' }),
    ]);

    const accepted = await qfzz.acceptCommunity(bob, ann);
    expect(accepted).toMatchObject({
      listenerId: bob,
      friendId: ann,
      outcome: 'accepted',
      status: 'connected',
    });
    await eventually(async () => {
      expect((await qfzz.getCommunity(ann)).connections.map((c) => c.listenerId)).toEqual([bob]);
      expect((await qfzz.getCommunity(bob)).connections.map((c) => c.listenerId)).toEqual([ann]);
    });
  });

  it('the one asked may decline; nothing connects', async () => {
    const [ann, bob] = await two();
    await qfzz.addToCommunity(ann, bob);
    expect(await qfzz.declineCommunity(bob, ann)).toMatchObject({ outcome: 'declined', status: 'none' });
    await eventually(async () => {
      expect(await qfzz.getCommunity(ann)).toMatchObject({ connections: [], pending: [] });
    });
  });

  it('removeFromCommunity ends a connection for both (204, no body)', async () => {
    const [ann, bob] = await two();
    await qfzz.addToCommunity(ann, bob);
    await qfzz.acceptCommunity(bob, ann);
    await expect(qfzz.removeFromCommunity(bob, ann)).resolves.toBeUndefined();
    await eventually(async () => {
      expect((await qfzz.getCommunity(ann)).connections).toEqual([]);
      expect((await qfzz.getCommunity(bob)).connections).toEqual([]);
    });
  });

  it('refusals are QfzzApiErrors naming the field: yourself (400), nobody (404), nothing to accept', async () => {
    const [ann, bob] = await two();
    const self = (await qfzz.addToCommunity(ann, ann).catch((e: unknown) => e)) as QfzzApiError;
    expect(self).toBeInstanceOf(QfzzApiError);
    expect(self).toMatchObject({ status: 400, message: expect.stringMatching(/^body\.friendId: /) });
    const nobody = (await qfzz
      .addToCommunity(ann, 'no-such-listener')
      .catch((e: unknown) => e)) as QfzzApiError;
    expect(nobody).toMatchObject({ status: 404, message: expect.stringMatching(/^body\.friendId: /) });
    const nothing = (await qfzz.acceptCommunity(bob, ann).catch((e: unknown) => e)) as QfzzApiError;
    expect(nothing).toBeInstanceOf(QfzzApiError);
    expect([404, 409]).toContain(nothing.status);
    expect(nothing.message).toMatch(/^path\.id: /);
  });

  it('only the one asked can accept: the requester’s own accept is refused', async () => {
    const [ann, bob] = await two();
    await qfzz.addToCommunity(ann, bob);
    const own = (await qfzz.acceptCommunity(ann, bob).catch((e: unknown) => e)) as QfzzApiError;
    expect(own).toBeInstanceOf(QfzzApiError);
    expect(own.status).toBeGreaterThanOrEqual(400);
    expect(own.status).toBeLessThan(500);
    expect((await qfzz.getCommunity(bob)).connections).toEqual([]);
  });
});
