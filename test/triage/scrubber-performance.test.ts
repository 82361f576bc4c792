/**
 * Linear work on adversarial input. Code that rescans the text from each position is quadratic on
 * inputs like these, so quadrupling the input multiplies its work by 16 or more; linear code's by
 * about 4. The work is counted (characters scanned, support/work-meter.ts), not timed, so a busy
 * machine cannot fail the test; what the count cannot see (backtracking inside one regex
 * execution) is kept out by the rule in docs/scrubbing.md.
 */
import { describe, expect, it } from 'vitest';
import { scrubText } from '../../src/triage/scrubber.js';
import { growthOf, repeatTo } from './support/work-meter.js';

const SMALL = 32_000;
const LARGE = SMALL * 4;
/** 4x the input: linear is about 4x the work, quadratic about 16x. */
const MAX_GROWTH = 6;

const ADVERSARIAL: Record<string, string> = {
  'digit run': '1',
  'spaced digits': '1 ',
  'dashed digits': '1-',
  'spaced zeros': '0 ',
  'plus and digit': '+1 ',
  'trunk in brackets': '(0)',
  'at signs': 'a@',
  'dotted words': 'a.',
  'email without a top-level domain': 'a@a.',
  'password labels': 'password: ',
  'password sentences': 'password is ',
  'PIN labels': 'PIN ',
  'JWT prefixes': 'eyJa.',
  'key block starts without an end': '-----BEGIN PRIVATE KEY-----\n',
  'key prefix run': 'sk-a',
  'bearer words': 'Bearer ',
  'IBAN-like groups': 'DE89 ',
  'letters and digits': 'ab12 ',
  'obfuscated at': 'a [at] ',
  'token labels': 'token=',
  'URL credentials': 'ab://a:',
};

describe('scrubber performance', () => {
  it.each(Object.entries(ADVERSARIAL))('grows linearly on %s', (_name, unit) => {
    const { small, large, growth } = growthOf((text) => scrubText(text), repeatTo(unit, SMALL), repeatTo(unit, LARGE));
    expect(growth, `${small} characters scanned at ${SMALL}, ${large} at ${LARGE}`).toBeLessThan(MAX_GROWTH);
  });

  it('scrubs a megabyte of tickets (times printed, recorded in docs/scrubbing.md)', () => {
    const dense =
      "Hi, I'm ada@example.com (call +44 20 7946 0958). Order #113542617735902 and A1001 on 2024-03-15 cost " +
      '€1,299.00. Card 4242 4242 4242 4242, my password is hunter2, key sk-proj-4fT9kLm2QxV8bN1cR7wZ3yP5sD0gH6jK. ' +
      'Tracking 1Z999AA10123456784.\n';
    const ordinary =
      'Hello, my order A1002 arrived on 2024-03-02 but the blue jacket (size 40, €89.99) is missing. ' +
      'Tracking JJD0002249876543210 says delivered. I already tried Account > Orders > Report a problem, ' +
      'but the page shows an error on version 2.14.3 of the app. My password is not the problem, I can sign in. ' +
      'Could you check with the warehouse? Order #113542617735902 from last year had the same issue. Thanks! ' +
      'Reply to ada@example.com please.\n';
    for (const [name, unit] of [['dense', dense], ['ordinary', ordinary]] as const) {
      const text = repeatTo(unit, 1_000_000);
      scrubText(text.slice(0, 10_000));
      const start = performance.now();
      const result = scrubText(text);
      const elapsed = performance.now() - start;
      const count = result.findings.reduce((sum, finding) => sum + finding.count, 0);
      console.log(`scrubText on ${text.length} characters of ${name} tickets: ${elapsed.toFixed(0)} ms, ${count} findings`);
      expect(result.text).not.toContain('4242 4242 4242 4242');
      expect(result.text).not.toContain('hunter2');
      expect(result.text).toContain('#113542617735902');
    }
  });
});
