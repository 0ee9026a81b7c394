import { createCipheriv, createDecipheriv } from 'node:crypto';
import { IvPool } from './ivPool';

/**
 * What a sealed event stores in place of its data: AES-256-GCM with a random
 * 96-bit IV per event, the listener's key named by `kid` (never the key).
 * The additional data binds the ciphertext to its event, so a sealed payload
 * copied onto another event does not open.
 */
export interface SealedData {
  qfzzSealed: 1;
  alg: 'A256GCM';
  kid: string;
  iv: string;
  tag: string;
  ct: string;
}

export const DATA_KEY_BYTES = 32;
const IV_BYTES = 12;
const ivs = new IvPool(IV_BYTES);

export class SealedDataTamperedError extends Error {
  override readonly name = 'SealedDataTamperedError';
  readonly code = 'SEALED_DATA_TAMPERED';
  constructor(readonly eventId: string) {
    super(`event ${eventId}: sealed data does not authenticate (altered, or moved from another event)`);
  }
}

export function isSealed(data: unknown): data is SealedData {
  const candidate = data as Partial<SealedData> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    candidate.qfzzSealed === 1 &&
    typeof candidate.kid === 'string' &&
    typeof candidate.iv === 'string' &&
    typeof candidate.tag === 'string' &&
    typeof candidate.ct === 'string'
  );
}

export function seal(key: Buffer, kid: string, plaintext: unknown, associatedData: string): SealedData {
  return sealJson(key, kid, JSON.stringify(plaintext), associatedData);
}

/** `seal` of a value already written as JSON (the caller keeps the text, e.g. to hand back what it sealed). */
export function sealJson(key: Buffer, kid: string, json: string, associatedData: string): SealedData {
  const iv = ivs.next();
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ct = Buffer.concat([cipher.update(json, 'utf8'), cipher.final()]);
  // Keys in sorted order: the hash chain writes this object in canonical (sorted) JSON, and an object
  // already in order is written natively.
  return {
    alg: 'A256GCM',
    ct: ct.toString('base64'),
    iv: iv.toString('base64'),
    kid,
    qfzzSealed: 1,
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** Throws `SealedDataTamperedError` when the ciphertext, tag or associated data do not match. */
export function unseal(key: Buffer, sealed: SealedData, associatedData: string, eventId: string): unknown {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    const plaintext = Buffer.concat([decipher.update(Buffer.from(sealed.ct, 'base64')), decipher.final()]);
    return JSON.parse(plaintext.toString('utf8'));
  } catch {
    throw new SealedDataTamperedError(eventId);
  }
}
