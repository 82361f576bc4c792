/**
 * timeOrderedId draws its random bytes from a pool (time-ordered-id.ts): one call to the generator
 * per RANDOM_POOL_BYTES, and every byte used once, in order. The generator is replaced by a counter
 * here, so which bytes each id took can be read back.
 */
import { describe, expect, it, vi } from 'vitest';

const calls = { fill: 0, bytes: 0 };
let next = 0;
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return {
    ...actual,
    randomFillSync: <T extends NodeJS.ArrayBufferView>(buffer: T): T => {
      calls.fill += 1;
      const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
      for (let index = 0; index < bytes.length; index += 1) bytes[index] = next++ % 251;
      return buffer;
    },
    randomBytes: (size: number) => {
      calls.bytes += 1;
      return actual.randomBytes(size);
    },
  };
});

const { RANDOM_POOL_BYTES, timeOrderedId } = await import('../../../src/service/store/time-ordered-id.js');

describe('timeOrderedId random pool', () => {
  it('calls the generator once per pool, and gives every id bytes no other id had', () => {
    const ids = Array.from({ length: 1_000 }, (_, index) => timeOrderedId(2_000_000_000_000 + index));
    // 9 bytes per id in a new millisecond: 5 for the counter's start, 4 for the tail.
    const perPool = Math.floor(RANDOM_POOL_BYTES / 9);
    expect(calls.fill).toBe(Math.ceil(1_000 / perPool));
    expect(calls.bytes).toBe(0);
    ids.forEach((id, index) => {
      // Where this id's 9 bytes start in the counter's sequence (a pool's last bytes are skipped).
      const start = Math.floor(index / perPool) * RANDOM_POOL_BYTES + (index % perPool) * 9;
      const tail = [5, 6, 7, 8].map((offset) => ((start + offset) % 251).toString(16).padStart(2, '0')).join('');
      expect(id.replace(/-/g, '').slice(24)).toBe(tail);
      const counterStart = BigInt(`0x${[0, 1, 2, 3, 4].map((offset) => ((start + offset) % 251).toString(16).padStart(2, '0')).join('')}`) >> 1n;
      const hex = id.replace(/-/g, '');
      const high = BigInt(`0x${hex.slice(13, 16)}`);
      const low = BigInt(`0x${hex.slice(16, 24)}`) & 0x3fffffffn;
      expect((high << 30n) | low).toBe(counterStart);
    });
  });
});
