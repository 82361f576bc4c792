/**
 * The outbox cipher gives back a text it sealed lately without decrypting it (outbox-cipher.ts):
 * the worker seals a reply and delivers it right after. Anything else is decrypted as before: a
 * text sealed by another cipher, the wrong ticket, a second opening, a seal pushed out of the table.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

let decryptions = 0;
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return {
    ...actual,
    createDecipheriv: (...args: Parameters<typeof actual.createDecipheriv>) => {
      decryptions += 1;
      return actual.createDecipheriv(...args);
    },
  };
});

const { createOutboxCipher, OutboxKeyError, RECENT_SEALS_LIMIT } = await import('../../../src/service/outbox/outbox-cipher.js');

beforeEach(() => {
  decryptions = 0;
});

describe('recent seals', () => {
  const key = Buffer.alloc(32, 7);

  it('opens a text it just sealed without decrypting, and decrypts it the second time', () => {
    const cipher = createOutboxCipher(key);
    const sealed = cipher.seal('Hi Ada, your order A1001 ships today.', 'generic:1');
    expect(cipher.open(sealed, 'generic:1')).toBe('Hi Ada, your order A1001 ships today.');
    expect(decryptions).toBe(0);
    expect(cipher.open(sealed, 'generic:1')).toBe('Hi Ada, your order A1001 ships today.');
    expect(decryptions).toBe(1);
  });

  it('still refuses another ticket and another key', () => {
    const cipher = createOutboxCipher(key);
    const sealed = cipher.seal('Hi Ada', 'generic:1');
    expect(() => cipher.open(sealed, 'generic:2')).toThrow(OutboxKeyError);
    expect(() => createOutboxCipher(Buffer.alloc(32, 8)).open(sealed, 'generic:1')).toThrow(OutboxKeyError);
    // The same key in another cipher decrypts: it never saw the seal.
    expect(createOutboxCipher(key).open(sealed, 'generic:1')).toBe('Hi Ada');
    expect(decryptions).toBe(3);
  });

  it('keeps at most its limit, the oldest going first', () => {
    const cipher = createOutboxCipher(key);
    const sealed = Array.from({ length: RECENT_SEALS_LIMIT + 1 }, (_, index) => cipher.seal(`reply ${index}`, `generic:${index}`));
    expect(cipher.open(sealed[0]!, 'generic:0')).toBe('reply 0');
    expect(decryptions).toBe(1);
    expect(cipher.open(sealed[1]!, 'generic:1')).toBe('reply 1');
    expect(cipher.open(sealed[RECENT_SEALS_LIMIT]!, `generic:${RECENT_SEALS_LIMIT}`)).toBe(`reply ${RECENT_SEALS_LIMIT}`);
    expect(decryptions).toBe(1);
  });
});
