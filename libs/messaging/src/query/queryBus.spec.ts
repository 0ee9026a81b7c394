import { startNats, type RunningNats } from '@qfzz/testing';
import { InProcessQueryBus } from './inProcessQueryBus';
import { NatsQueryBus } from './natsQueryBus';
import { QueryError, type QueryBus } from './queryBus';
import { JetStreamEventBus } from '../jetstream/jetStreamEventBus';

jest.setTimeout(20_000);

class NotFound extends Error {
  readonly code = 'NOT_FOUND';
}

function queryBusContract(
  name: string,
  setup: () => Promise<{ asker: QueryBus; answerers: QueryBus[]; done(): Promise<void> }>,
) {
  describe(name, () => {
    let ctx: Awaited<ReturnType<typeof setup>>;
    beforeAll(async () => {
      ctx = await setup();
    });
    afterAll(async () => ctx?.done());

    it('answers with JSON and spreads requests over responders', async () => {
      const seen = [0, 0];
      const responders = await Promise.all(
        ctx.answerers.slice(0, 2).map((bus, i) =>
          bus.respond<{ listenerId: string }, { greeting: string }>(
            'conversation',
            'greet',
            ({ listenerId }) => {
              seen[i]++;
              return { greeting: `hi ${listenerId}` };
            },
          ),
        ),
      );
      for (let i = 0; i < 20; i++) {
        await expect(ctx.asker.request('conversation', 'greet', { listenerId: 'ada' })).resolves.toEqual({
          greeting: 'hi ada',
        });
      }
      expect(seen[0] + seen[1]).toBe(20);
      expect(seen[0]).toBeGreaterThan(0);
      expect(seen[1]).toBeGreaterThan(0);
      await Promise.all(responders.map((r) => r.stop()));
    });

    it('propagates a handler error as {message, code}', async () => {
      const responder = await ctx.answerers[0].respond('profile', 'get', () => {
        throw new NotFound('no profile for bob');
      });
      const failure = await ctx.asker
        .request('profile', 'get', { listenerId: 'bob' })
        .catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(QueryError);
      expect(failure).toMatchObject({ message: 'no profile for bob', code: 'NOT_FOUND' });
      await responder.stop();
    });

    it('fails with NO_RESPONDER and TIMEOUT', async () => {
      await expect(ctx.asker.request('nobody', 'home', {})).rejects.toMatchObject({ code: 'NO_RESPONDER' });
      const responder = await ctx.answerers[0].respond(
        'recommender',
        'slow',
        () => new Promise(() => undefined),
      );
      await expect(ctx.asker.request('recommender', 'slow', {}, { timeoutMs: 200 })).rejects.toMatchObject({
        code: 'TIMEOUT',
      });
      await responder.stop();
    });
  });
}

queryBusContract('InProcessQueryBus', async () => {
  const bus = new InProcessQueryBus();
  return { asker: bus, answerers: [bus, bus], done: () => bus.close() };
});

let nats: RunningNats;
queryBusContract('NatsQueryBus (real NATS, next to the JetStream streams)', async () => {
  nats = await startNats();
  // The event bus creates its streams first: a request must still get the handler's reply, not a PubAck.
  const events = await JetStreamEventBus.connect(nats.url);
  const buses = await Promise.all([
    NatsQueryBus.connect(nats.url),
    NatsQueryBus.connect(nats.url),
    NatsQueryBus.connect(nats.url),
  ]);
  return {
    asker: buses[0],
    answerers: [buses[1], buses[2]],
    async done() {
      await Promise.all(buses.map((b) => b.close()));
      await events.close();
      await nats.stop();
    },
  };
});
