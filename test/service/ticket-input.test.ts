import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/service/errors.js';
import { decodeUtf8, MAX_TICKET_BYTES, validateTicketInput } from '../../src/service/ticket-input.js';
import { parseConfidence, parseSince, parseTimeWindow } from '../../src/service/time-range.js';

describe('ticket input', () => {
  it('defaults the email and trims', () => {
    expect(validateTicketInput({ text: '  I forgot my password \n' })).toEqual({ text: 'I forgot my password', email: 'ada@example.com', subject: undefined, id: undefined });
  });
  it.each([
    [{ text: '   ' }, 'empty'],
    [{ text: 'x'.repeat(MAX_TICKET_BYTES + 1) }, 'limit'],
    [{ text: 'hi', email: 'not-an-email' }, 'not a valid email'],
    [{ text: 'bad \uFFFD bytes' }, 'UTF-8'],
    [{ text: 'hi', id: 'has spaces' }, 'ticket id'],
  ])('refuses %j with a clear reason', (input, reason) => {
    expect(() => validateTicketInput(input)).toThrowError(new RegExp(reason));
    expect(() => validateTicketInput(input)).toThrowError(InputError);
  });
  it('decodeUtf8 refuses invalid bytes', () => {
    expect(decodeUtf8(Buffer.from('héllo'))).toBe('héllo');
    expect(() => decodeUtf8(Buffer.from([0x68, 0xff, 0xfe]))).toThrowError(/not valid UTF-8/);
  });
});

describe('time range', () => {
  const now = new Date('2026-11-28T12:00:00Z');
  it('parses relative and absolute times', () => {
    expect(parseSince('7d', now)).toBe('2026-11-21T12:00:00.000Z');
    expect(parseSince('24h', now)).toBe('2026-11-27T12:00:00.000Z');
    expect(parseSince('2026-11-01', now)).toBe('2026-11-01T00:00:00.000Z');
  });
  it('refuses nonsense', () => {
    expect(() => parseSince('last week', now)).toThrowError(/not a time/);
    expect(() => parseConfidence('1.5', '--min-confidence')).toThrowError(/from 0 to 1/);
    expect(() => parseConfidence('abc', '--min-confidence')).toThrowError(/from 0 to 1/);
  });
  it('says a far-back relative time is out of range rather than "not a time"', () => {
    expect(() => parseSince('100000d', now)).toThrowError(/before 1970: use at most 20785d/);
    expect(parseSince('20000d', now)).toBe('1972-02-25T12:00:00.000Z');
  });
  it('refuses an inverted window and names both ends', () => {
    expect(() => parseTimeWindow({ since: '1d', until: '7d' }, { since: '--since', until: '--until' }, now)).toThrowError(
      /--since "1d" .* is after --until "7d" .*swap them/,
    );
    expect(parseTimeWindow({ since: '7d', until: '1d' }, undefined, now)).toEqual({
      since: '2026-11-21T12:00:00.000Z',
      until: '2026-11-27T12:00:00.000Z',
    });
    expect(parseTimeWindow({}, undefined, now)).toEqual({ since: undefined, until: undefined });
  });
});
