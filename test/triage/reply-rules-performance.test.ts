/**
 * Linear work of the reply rules on adversarial replies (the guard also sees replies far over the
 * length limit: it reports them, it must not hang on them). As in scrubber-performance.test.ts,
 * the growth from one size to four times that size is counted (support/work-meter.ts), not timed.
 */
import { describe, expect, it } from 'vitest';
import { checkReplyRules } from '../../src/triage/reply-rules.js';
import { growthOf, repeatTo } from './support/work-meter.js';

const SMALL = 16_000;
const LARGE = SMALL * 4;
/** 4x the input: linear is about 4x the work, quadratic about 16x. */
const MAX_GROWTH = 6;

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

const context = {
  ticketText: 'call me on 0176 1234 5678',
  allowedEmails: ['ada@example.com'],
  allowedOrderIds: ['A1001'],
  allowedLinkHosts: ['northwind.example'],
};

describe('reply rules performance', () => {
  it.each(Object.entries(ADVERSARIAL))('grows linearly on %s', (_name, unit) => {
    const { small, large, growth } = growthOf((reply) => checkReplyRules({ ...context, reply }), repeatTo(unit, SMALL), repeatTo(unit, LARGE));
    expect(growth, `${small} characters scanned at ${SMALL}, ${large} at ${LARGE}`).toBeLessThan(MAX_GROWTH);
  });
});
