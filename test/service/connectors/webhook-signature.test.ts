import { describe, expect, it } from 'vitest';
import {
  checkTimestampWindow,
  headerValue,
  signaturesMatch,
} from '../../../src/service/connectors/webhook-signature.js';

describe('headerValue', () => {
  it('reads lower-case names, any-case names and the first of repeated values', () => {
    expect(headerValue({ 'x-signature': 'a' }, 'X-Signature')).toBe('a');
    expect(headerValue({ 'X-Signature': 'b' }, 'x-signature')).toBe('b');
    expect(headerValue({ 'x-signature': ['c', 'd'] }, 'x-signature')).toBe('c');
  });

  it('treats empty and blank values as absent', () => {
    expect(headerValue({ 'x-signature': '' }, 'x-signature')).toBeUndefined();
    expect(headerValue({ 'x-signature': '   ' }, 'x-signature')).toBeUndefined();
    expect(headerValue({ 'x-signature': [] }, 'x-signature')).toBeUndefined();
    expect(headerValue({}, 'x-signature')).toBeUndefined();
  });
});

describe('signaturesMatch', () => {
  it('matches equal strings and refuses different ones of any length without throwing', () => {
    expect(signaturesMatch('abcd', 'abcd')).toBe(true);
    expect(signaturesMatch('abcd', 'abce')).toBe(false);
    expect(signaturesMatch('abcd', 'abc')).toBe(false);
    expect(signaturesMatch('abcd', 'abcde')).toBe(false);
    expect(signaturesMatch('abcd', '')).toBe(false);
  });

  it('compares bytes, so a multi-byte character of the same string length does not match', () => {
    expect(signaturesMatch('abcd', 'abcé')).toBe(false);
  });
});

describe('checkTimestampWindow', () => {
  const now = new Date('2026-11-28T10:00:00Z');

  it('accepts timestamps within five minutes either way, boundaries included', () => {
    expect(checkTimestampWindow(now.getTime(), now, 'T')).toEqual({ ok: true });
    expect(checkTimestampWindow(now.getTime() - 300_000, now, 'T')).toEqual({ ok: true });
    expect(checkTimestampWindow(now.getTime() + 300_000, now, 'T')).toEqual({ ok: true });
  });

  it('refuses older and future timestamps, saying which', () => {
    const old = checkTimestampWindow(now.getTime() - 300_001, now, 'X-Timestamp');
    expect(old).toMatchObject({ ok: false, code: 'stale_timestamp', message: expect.stringContaining('old') });
    const future = checkTimestampWindow(now.getTime() + 300_001, now, 'X-Timestamp');
    expect(future).toMatchObject({ ok: false, code: 'stale_timestamp', message: expect.stringContaining('future') });
  });

  it('refuses an unreadable timestamp', () => {
    expect(checkTimestampWindow(Number.NaN, now, 'X-Timestamp')).toMatchObject({ ok: false, code: 'stale_timestamp' });
  });

  it('honours another tolerance', () => {
    expect(checkTimestampWindow(now.getTime() - 2_000, now, 'T', 1_000)).toMatchObject({ ok: false });
  });
});
