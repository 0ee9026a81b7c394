import { connect, ErrorCode, JSONCodec, type NatsConnection, type NatsError, type Subscription } from 'nats';
import { rpcSubject } from '../subjects';
import {
  answerQuery,
  DEFAULT_QUERY_TIMEOUT_MS,
  QUERY_BAD_REPLY,
  QUERY_NO_RESPONDER,
  QUERY_TIMEOUT,
  QueryError,
  unwrapReply,
  type QueryBus,
  type QueryHandler,
  type QueryOptions,
  type QueryResponder,
} from './queryBus';

const json = JSONCodec();

/**
 * Core NATS request/reply on `qfzz.rpc.<service>.<query>` (outside every
 * JetStream stream, so the reply is the handler's, not a PubAck). Responders
 * join the queue group `<service>`: replicas share the load.
 */
export class NatsQueryBus implements QueryBus {
  private readonly subscriptions = new Set<Subscription>();

  constructor(
    readonly connection: NatsConnection,
    private readonly ownsConnection = false,
  ) {}

  static async connect(natsUrl: string | string[]): Promise<NatsQueryBus> {
    const nc = await connect({
      servers: natsUrl,
      name: 'qfzz-query-bus',
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
    });
    return new NatsQueryBus(nc, true);
  }

  async request<TQuery, TResult>(
    service: string,
    query: string,
    payload: TQuery,
    options: QueryOptions = {},
  ): Promise<TResult> {
    const subject = rpcSubject(service, query);
    const timeout = options.timeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS;
    let reply: unknown;
    try {
      const msg = await this.connection.request(subject, json.encode(payload ?? null), { timeout });
      reply = msg.data.length === 0 ? undefined : json.decode(msg.data);
    } catch (error) {
      const code = (error as NatsError).code;
      if (code === ErrorCode.NoResponders)
        throw new QueryError(`no responder for ${subject}`, QUERY_NO_RESPONDER);
      if (code === ErrorCode.Timeout)
        throw new QueryError(`${subject} did not answer within ${timeout} ms`, QUERY_TIMEOUT);
      if (code === ErrorCode.BadJson)
        throw new QueryError(`${subject} sent a reply that is not JSON`, QUERY_BAD_REPLY);
      throw error;
    }
    return unwrapReply<TResult>(reply);
  }

  async respond<TQuery, TResult>(
    service: string,
    query: string,
    handler: QueryHandler<TQuery, TResult>,
  ): Promise<QueryResponder> {
    const sub = this.connection.subscribe(rpcSubject(service, query), {
      queue: service,
      callback: (error, msg) => {
        if (error) return;
        void (async () => {
          let payload: TQuery;
          try {
            payload = (msg.data.length === 0 ? undefined : json.decode(msg.data)) as TQuery;
          } catch {
            msg.respond(
              json.encode({ error: { message: 'request payload is not JSON', code: QUERY_BAD_REPLY } }),
            );
            return;
          }
          msg.respond(json.encode(await answerQuery(handler, payload)));
        })();
      },
    });
    this.subscriptions.add(sub);
    // The subscription is live on the server once the connection flushed it.
    await this.connection.flush();
    return {
      stop: async () => {
        this.subscriptions.delete(sub);
        if (!sub.isClosed()) await sub.drain();
      },
    };
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((sub) => (sub.isClosed() ? undefined : sub.drain())));
    this.subscriptions.clear();
    if (this.ownsConnection && !this.connection.isClosed()) await this.connection.close();
  }
}
