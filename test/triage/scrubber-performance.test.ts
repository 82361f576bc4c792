/**
 * Linear time on adversarial input. A regex with catastrophic backtracking is quadratic or worse on
 * inputs like these, so quadrupling the input would multiply the time by 16 or more; a linear one
 * by about 4. The test compares the two sizes (best of several interleaved runs, so a busy
 * machine slows both alike) and asserts no wall-clock limit, only the growth.
 */
import { describe, expect, it } from 'vitest';
import { scrubText } from '../../src/triage/scrubber.js';

const SMALL = 128_000;
const LARGE = SMALL * 4;
const NOISE_FLOOR_MS = 5;

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

function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

function timeInto(run: () => void, times: number[]): void {
  const start = performance.now();
  run();
  times.push(performance.now() - start);
}

describe('scrubber performance', () => {
  it.each(Object.entries(ADVERSARIAL))('grows linearly on %s', (_name, unit) => {
    const small = repeatTo(unit, SMALL);
    const large = repeatTo(unit, LARGE);
    scrubText(small);
    const smallTimes: number[] = [];
    const largeTimes: number[] = [];
    for (let round = 0; round < 5; round += 1) {
      timeInto(() => scrubText(small), smallTimes);
      timeInto(() => scrubText(large), largeTimes);
    }
    // Below a few milliseconds timer and scheduler noise dominate; a super-linear regex is far
    // slower than that already at the small size (a lazy PEM regex: 367 ms at 128 KB).
    const growth = Math.min(...largeTimes) / Math.max(Math.min(...smallTimes), NOISE_FLOOR_MS);
    expect(growth).toBeLessThan(10);
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
