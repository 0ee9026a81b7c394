import { randomFillSync } from 'node:crypto';

const ID_BYTES = 16;
const POOL_IDS = 256;
const pool = Buffer.alloc(ID_BYTES * POOL_IDS);
let offset = pool.length;
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/**
 * A new event id: a UUID version 7 (RFC 9562), the millisecond it was made
 * followed by 74 random bits.
 *
 * Why not a random (v4) UUID: the log keeps a unique index on event ids, and
 * random keys land on a different index page each, so every append rewrote
 * about one page (4 KB) of that index per event. Ids that grow with time land
 * at the index's end, a few pages per thousand events (ADR 0009). The time in
 * the id is the time of writing, which the log keeps in the clear anyway
 * (`recordedAt`); when a listener says something happened stays sealed.
 */
export function newEventId(now: number = Date.now()): string {
  if (offset === pool.length) {
    // One draw from the CSPRNG per 256 ids; each byte is used once.
    randomFillSync(pool);
    offset = 0;
  }
  const at = offset;
  offset += ID_BYTES;
  const time = Math.floor(now).toString(16).padStart(12, '0');
  let random = '';
  for (let i = at + 10; i < at + ID_BYTES; i++) random += HEX[pool[i]];
  return (
    `${time.slice(0, 8)}-${time.slice(8, 12)}` +
    `-${HEX[0x70 | (pool[at + 6] & 0x0f)]}${HEX[pool[at + 7]]}` +
    `-${HEX[0x80 | (pool[at + 8] & 0x3f)]}${HEX[pool[at + 9]]}` +
    `-${random}`
  );
}
