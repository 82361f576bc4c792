/**
 * Linear time of the reply rules on adversarial replies (the guard also sees replies far over the
 * length limit: it reports them, it must not hang on them). As in scrubber-performance.test.ts,
 * only the growth from one size to four times that size is asserted, never a wall-clock limit.
 */
import { describe, expect, it } from 'vitest';
import { checkReplyRules } from '../../src/triage/reply-rules.js';

const SMALL = 64_000;
const LARGE = SMALL * 4;
const NOISE_FLOOR_MS = 5;

const ADVERSARIAL: Record<string, string> = {
  'commitments without a benefit': 'we will ',
  'you-will-get without a benefit': "you'll get a ",
  'joined commitments': "we'll and ",
  'clause breaks': 'a, ',
  'negations': "don't ",
  'URL schemes': 'https://',
  'dotted labels': 'a.b.c.d.e.f.g.h.i.j.',
  'markdown link starts': '[a](',
  'www prefixes': 'www.',
  'scheme-like words': 'ab:',
  'order labels': 'order 1234 ',
  'hash numbers': '#12345 ',
  'placeholder braces': '{{',
  'spaced digits': '1 ',
  'at signs': 'a@',
};

function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

const context = {
  ticketText: 'call me on 0176 1234 5678',
  allowedEmails: ['ada@example.com'],
  allowedOrderIds: ['A1001'],
  allowedLinkHosts: ['northwind.example'],
};

function timeInto(reply: string, times: number[]): void {
  const start = performance.now();
  checkReplyRules({ ...context, reply });
  times.push(performance.now() - start);
}

describe('reply rules performance', () => {
  it.each(Object.entries(ADVERSARIAL))('grows linearly on %s', (_name, unit) => {
    const small = repeatTo(unit, SMALL);
    const large = repeatTo(unit, LARGE);
    checkReplyRules({ ...context, reply: small });
    const smallTimes: number[] = [];
    const largeTimes: number[] = [];
    for (let round = 0; round < 5; round += 1) {
      timeInto(small, smallTimes);
      timeInto(large, largeTimes);
    }
    // Below a few milliseconds timer and scheduler noise dominate; a super-linear regex is far
    // slower than that already at the small size (a lazy PEM regex: 367 ms at 128 KB).
    const growth = Math.min(...largeTimes) / Math.max(Math.min(...smallTimes), NOISE_FLOOR_MS);
    expect(growth).toBeLessThan(10);
  });
});
