import { createHmac, timingSafeEqual } from 'node:crypto';
import { isValidId } from '@qfzz/domain';

/**
 * Stateless listener tokens: `qfzz1.<listenerId, base64url>.<HMAC-SHA256, base64url>`.
 * The MAC covers the listener id (with a purpose prefix, so the secret signs
 * nothing else by accident). The id travels in the token so the gateway can
 * tell "another listener's token" (403) from "not a token of ours" (401)
 * without storing anything.
 */
export const LISTENER_TOKEN_VERSION = 'qfzz1';
const PURPOSE = 'qfzz:listener-token:v1:';

function mac(secret: string, listenerId: string): Buffer {
  return createHmac('sha256', secret)
    .update(PURPOSE + listenerId)
    .digest();
}

export function issueListenerToken(secret: string, listenerId: string): string {
  if (!isValidId(listenerId)) throw new RangeError(`cannot issue a token for invalid id ${listenerId}`);
  const id = Buffer.from(listenerId, 'utf8').toString('base64url');
  return `${LISTENER_TOKEN_VERSION}.${id}.${mac(secret, listenerId).toString('base64url')}`;
}

/** Genuine tokens seen lately, per secret: a listener sends the same token with every request. */
const verified = new Map<string, Map<string, string>>();
const VERIFIED_KEPT = 10_000;

/** The listener the token was issued to, or undefined when it is not a genuine token. */
export function verifyListenerToken(secret: string, token: string): string | undefined {
  let known = verified.get(secret);
  const seen = known?.get(token);
  if (seen !== undefined) return seen;
  const listenerId = checkListenerToken(secret, token);
  // Only genuine tokens are remembered, so forged ones cannot fill the memory.
  if (listenerId !== undefined) {
    if (!known) verified.set(secret, (known = new Map()));
    known.set(token, listenerId);
    if (known.size > VERIFIED_KEPT) known.delete(known.keys().next().value as string);
  }
  return listenerId;
}

function checkListenerToken(secret: string, token: string): string | undefined {
  if (token.length > 400) return undefined;
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== LISTENER_TOKEN_VERSION) return undefined;
  const listenerId = Buffer.from(parts[1], 'base64url').toString('utf8');
  if (!isValidId(listenerId)) return undefined;
  const given = Buffer.from(parts[2], 'base64url');
  const expected = mac(secret, listenerId);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return listenerId;
}
