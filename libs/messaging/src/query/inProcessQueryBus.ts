import { rpcSubject } from '../subjects';
import {
  answerQuery,
  DEFAULT_QUERY_TIMEOUT_MS,
  QUERY_NO_RESPONDER,
  QUERY_TIMEOUT,
  QueryError,
  unwrapReply,
  type QueryBus,
  type QueryHandler,
  type QueryOptions,
  type QueryResponder,
} from './queryBus';

type AnyHandler = QueryHandler<unknown, unknown>;

/**
 * The edge-mode QueryBus: handlers in the same process, with the same wire
 * behaviour as NATS (payloads and replies go through JSON, errors come back as
 * QueryError, a timeout and "no responder" fail the same way).
 */
export class InProcessQueryBus implements QueryBus {
  private readonly handlers = new Map<string, AnyHandler[]>();
  private readonly turns = new Map<string, number>();

  async request<TQuery, TResult>(
    service: string,
    query: string,
    payload: TQuery,
    options: QueryOptions = {},
  ): Promise<TResult> {
    const subject = rpcSubject(service, query);
    const handlers = this.handlers.get(subject);
    if (!handlers || handlers.length === 0)
      throw new QueryError(`no responder for ${subject}`, QUERY_NO_RESPONDER);
    const turn = this.turns.get(subject) ?? 0;
    this.turns.set(subject, turn + 1);
    const handler = handlers[turn % handlers.length];
    const timeout = options.timeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new QueryError(`${subject} did not answer within ${timeout} ms`, QUERY_TIMEOUT)),
        timeout,
      );
    });
    try {
      const onTheWire = JSON.parse(JSON.stringify(payload ?? null)) as unknown;
      const reply = await Promise.race([answerQuery(handler, onTheWire), expired]);
      return unwrapReply<TResult>(JSON.parse(JSON.stringify(reply)));
    } finally {
      clearTimeout(timer);
    }
  }

  async respond<TQuery, TResult>(
    service: string,
    query: string,
    handler: QueryHandler<TQuery, TResult>,
  ): Promise<QueryResponder> {
    const subject = rpcSubject(service, query);
    const list = this.handlers.get(subject) ?? [];
    list.push(handler as AnyHandler);
    this.handlers.set(subject, list);
    return {
      stop: async () => {
        const at = list.indexOf(handler as AnyHandler);
        if (at !== -1) list.splice(at, 1);
      },
    };
  }

  async close(): Promise<void> {
    this.handlers.clear();
  }
}
