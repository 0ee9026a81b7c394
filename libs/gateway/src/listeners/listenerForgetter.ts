import type { WriteContext } from '../http/requestContext';

export interface ForgetOutcome {
  /** Log position of the `ListenerForgotten` event. */
  position: number;
  /** Connections and pending requests that were ended. */
  connectionsEnded?: string[];
}

/**
 * The port behind `DELETE /v1/listeners/{id}`: crypto-shred the listener's
 * personal data and drop them from every read model, cache and community
 * edge (`forgetListenerEverywhere` of `@qfzz/privacy` fits). Resolves once
 * nothing of theirs can be read any more.
 */
export type ListenerForgetter = (listenerId: string, write: WriteContext) => Promise<ForgetOutcome>;
