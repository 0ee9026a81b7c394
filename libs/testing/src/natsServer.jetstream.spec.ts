import { AckPolicy, connect, StringCodec, type NatsConnection } from 'nats';
import { startNats, type RunningNats } from './natsServer';

jest.setTimeout(30_000);

const sc = StringCodec();

describe('startNats', () => {
  let nats: RunningNats;
  const connections: NatsConnection[] = [];
  const open = async (url: string) => {
    const nc = await connect({ servers: url, reconnect: false });
    connections.push(nc);
    return nc;
  };

  beforeAll(async () => {
    nats = await startNats();
    console.log(`NATS at ${nats.url} (${nats.how})`);
  });

  afterAll(async () => {
    await Promise.all(connections.map((nc) => (nc.isClosed() ? undefined : nc.close())));
    await nats?.stop();
  });

  it('runs JetStream: a stream message is published and consumed', async () => {
    const nc = await open(nats.url);
    const jsm = await nc.jetstreamManager();
    await jsm.streams.add({ name: 'EVENTS', subjects: ['events.>'] });
    const js = nc.jetstream();
    const ack = await js.publish('events.played', sc.encode('track-1'));
    expect(ack.stream).toBe('EVENTS');
    expect(ack.seq).toBe(1);

    await jsm.consumers.add('EVENTS', { durable_name: 'reader', ack_policy: AckPolicy.Explicit });
    const consumer = await js.consumers.get('EVENTS', 'reader');
    const msg = await consumer.next({ expires: 5000 });
    if (!msg) throw new Error('no message within 5 s');
    expect(msg.subject).toBe('events.played');
    expect(sc.decode(msg.data)).toBe('track-1');
    msg.ack();
    await nc.close();
  });

  it('keeps JetStream data across restart(), on the same URL', async () => {
    const before = await open(nats.url);
    const jsm = await before.jetstreamManager();
    await jsm.streams.add({ name: 'DURABLE', subjects: ['durable.>'] });
    await before.jetstream().publish('durable.one', sc.encode('before-restart'));
    await before.close();

    const urlBefore = nats.url;
    await nats.restart();
    expect(nats.url).toBe(urlBefore);

    const after = await open(nats.url);
    const jsmAfter = await after.jetstreamManager();
    const info = await jsmAfter.streams.info('DURABLE');
    expect(info.state.messages).toBe(1);
    const stored = await jsmAfter.streams.getMessage('DURABLE', { seq: 1 });
    expect(sc.decode(stored.data)).toBe('before-restart');
    await after.close();
  });

  it('stop() really stops: connecting afterwards fails', async () => {
    const other = await startNats();
    const nc = await open(other.url);
    await nc.close();
    await other.stop();
    await expect(connect({ servers: other.url, reconnect: false, timeout: 1000 })).rejects.toThrow();
  });
});
