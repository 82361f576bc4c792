/**
 * UUIDv7 ids (RFC 9562) that sort in creation order: a millisecond timestamp, then a counter that
 * grows within the same millisecond (the RFC's "monotonic random" method). Rows ordered by
 * `(created_at, id)` therefore come back in the order this process made them, which a random UUID
 * as the tie-breaker could not promise for two rows of the same millisecond.
 */
import { randomFillSync } from 'node:crypto';

const COUNTER_BITS = 42n;
const COUNTER_LIMIT = 1n << COUNTER_BITS;

let lastMillis = -1;
let counter = 0n;

/**
 * Random bytes drawn a pool at a time, as `randomUUID` does: a call to the generator costs as much
 * as several ids (and more while other threads of the process use it), and a ticket takes two to
 * four ids. Each byte is handed out once.
 */
export const RANDOM_POOL_BYTES = 4096;
const pool = Buffer.alloc(RANDOM_POOL_BYTES);
let poolOffset = RANDOM_POOL_BYTES;

/** The offset in `pool` of `count` fresh random bytes. */
function takeRandom(count: number): number {
  if (poolOffset + count > RANDOM_POOL_BYTES) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const offset = poolOffset;
  poolOffset += count;
  return offset;
}

function nextCounter(millis: number): { millis: number; counter: bigint } {
  if (millis > lastMillis) {
    lastMillis = millis;
    // Start low in the range so that many ids of one millisecond still fit above it.
    counter = BigInt(pool.readUIntBE(takeRandom(5), 5)) >> 1n;
  } else {
    counter += 1n;
    if (counter >= COUNTER_LIMIT) {
      // Exhausted (or the clock went back): borrow the next millisecond rather than repeat.
      lastMillis += 1;
      counter = 0n;
    }
  }
  return { millis: lastMillis, counter };
}

export function timeOrderedId(now: number = Date.now()): string {
  const { millis, counter: sequence } = nextCounter(now);
  const bytes = Buffer.alloc(16);
  bytes.writeUIntBE(millis, 0, 6);
  // 4 bits version, then the top 12 counter bits; 2 bits variant, then the low 30 counter bits,
  // then 32 random bits.
  const high = Number(sequence >> 30n);
  const low = Number(sequence & 0x3fffffffn);
  bytes.writeUInt16BE(0x7000 | high, 6);
  bytes.writeUInt32BE((0x80000000 | low) >>> 0, 8);
  const random = takeRandom(4);
  pool.copy(bytes, 12, random, random + 4);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
