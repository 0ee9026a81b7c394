import { isQueryError, type QueryBus } from '@qfzz/messaging';

/** Told when a peer service did not answer; the conversation goes on without it. */
export type PeerTrouble = (trouble: {
  service: string;
  query: string;
  code: string;
  message: string;
}) => void;

/**
 * Asks another service, and answers `undefined` instead of failing when it
 * cannot: no responder (not deployed, or down), a timeout, or an error of its
 * own. The DJ then says less; it never fails a listener's message because a
 * peer is missing.
 */
export async function askPeer<TQuery, TResult>(
  queryBus: QueryBus,
  service: string,
  query: string,
  payload: TQuery,
  options: { timeoutMs?: number; onTrouble?: PeerTrouble } = {},
): Promise<TResult | undefined> {
  try {
    return await queryBus.request<TQuery, TResult>(service, query, payload, { timeoutMs: options.timeoutMs });
  } catch (error) {
    options.onTrouble?.({
      service,
      query,
      code: isQueryError(error) ? error.code : 'ERROR',
      message: error instanceof Error ? error.message : String(error),
    });
    return undefined;
  }
}
