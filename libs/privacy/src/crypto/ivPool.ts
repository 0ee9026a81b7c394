import { randomFillSync } from 'node:crypto';

const IV_POOL_BYTES = 12 * 1024;

/**
 * Random IVs cut from one CSPRNG draw at a time: asking the OS generator for
 * 12 bytes per event cost more than the AES-GCM seal itself in a bulk import.
 * Every IV is still fresh random bytes, never reused: a used slice is copied out
 * and the pool is refilled once drained.
 */
export class IvPool {
  private readonly pool = Buffer.alloc(IV_POOL_BYTES);
  private offset = IV_POOL_BYTES;

  constructor(private readonly ivBytes: number) {
    if (IV_POOL_BYTES % ivBytes !== 0) throw new RangeError(`IV size ${ivBytes} must divide the pool size`);
  }

  next(): Buffer {
    if (this.offset === IV_POOL_BYTES) {
      randomFillSync(this.pool);
      this.offset = 0;
    }
    const iv = Buffer.from(this.pool.subarray(this.offset, this.offset + this.ivBytes));
    this.pool.fill(0, this.offset, this.offset + this.ivBytes);
    this.offset += this.ivBytes;
    return iv;
  }
}
