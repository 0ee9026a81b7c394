import { bearerTokenOf } from './bearerToken';
import { verifyListenerToken } from './listenerToken';
import { secretsMatch } from './secretsMatch';

/** Who is asking, as far as the bearer token proves it. */
export type Caller =
  | { kind: 'listener'; listenerId: string }
  | { kind: 'admin' }
  | { kind: 'invalid' }
  | { kind: 'anonymous' };

export interface CallerSecrets {
  tokenSecret: string;
  adminToken: string;
}

/** Reads and checks the token once; auth and rate limits both use the answer. */
export function identifyCaller(token: string | undefined, secrets: CallerSecrets): Caller {
  if (token === undefined) return { kind: 'anonymous' };
  const listenerId = verifyListenerToken(secrets.tokenSecret, token);
  if (listenerId !== undefined) return { kind: 'listener', listenerId };
  if (secretsMatch(token, secrets.adminToken)) return { kind: 'admin' };
  return { kind: 'invalid' };
}

export function identifyFromHeader(header: string | string[] | undefined, secrets: CallerSecrets): Caller {
  if (header !== undefined && bearerTokenOf(header) === undefined) return { kind: 'invalid' };
  return identifyCaller(bearerTokenOf(header), secrets);
}
