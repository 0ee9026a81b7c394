import { TRUST_SERVICE, TrustQuery, type SocialSignal, type SocialSignalRequest } from '@qfzz/contracts';
import { isQueryError, QUERY_NO_RESPONDER, QUERY_TIMEOUT, type QueryBus } from '@qfzz/messaging';
import type { SocialTrack } from '../ranking/playlistGenerator';

/** Where friends' likes come from: the trust-network service, or nothing. */
export type SocialSignalSource = (listenerId: string) => Promise<readonly SocialTrack[]>;

export const DEFAULT_SOCIAL_LIMIT = 200;
export const DEFAULT_SOCIAL_TIMEOUT_MS = 300;

/**
 * Asks the trust service's `socialSignal` query. When no trust service is
 * running (NO_RESPONDER) or it is slow (TIMEOUT), the playlist goes on
 * without a social signal — no "friends love this" reasons, nothing else
 * lost. Other errors are reported through `onError` and treated the same.
 */
export function socialSignalOverQueryBus(
  queryBus: QueryBus,
  options: { limit?: number; timeoutMs?: number; onError?: (error: unknown) => void } = {},
): SocialSignalSource {
  return async (listenerId) => {
    try {
      const signal = await queryBus.request<SocialSignalRequest, SocialSignal>(
        TRUST_SERVICE,
        TrustQuery.socialSignal,
        { listenerId, limit: options.limit ?? DEFAULT_SOCIAL_LIMIT },
        { timeoutMs: options.timeoutMs ?? DEFAULT_SOCIAL_TIMEOUT_MS },
      );
      return Array.isArray(signal?.tracks) ? signal.tracks : [];
    } catch (error) {
      const quiet =
        isQueryError(error) && (error.code === QUERY_NO_RESPONDER || error.code === QUERY_TIMEOUT);
      if (!quiet) options.onError?.(error);
      return [];
    }
  };
}
