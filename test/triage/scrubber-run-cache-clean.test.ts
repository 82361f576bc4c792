/**
 * The run scrubber keeps the strings scrubText left unchanged between runs (scrubber-run-cache.ts):
 * a clean string met again is not scanned again, a string with something to scrub is scanned in
 * every run and never kept, and the table starts again when full, giving the same results.
 */
import { isDeepStrictEqual } from 'node:util';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const scanned: string[] = [];
vi.mock('../../src/triage/scrubber.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/triage/scrubber.js')>();
  return {
    ...actual,
    scrubText: (text: string) => {
      scanned.push(text);
      return actual.scrubText(text);
    },
  };
});

const { CLEAN_CHARACTERS_LIMIT, CLEAN_STRINGS_LIMIT, cleanStringsKept, createRunScrubber } = await import('../../src/triage/scrubber-run-cache.js');
const { scrubValue } = await import('../../src/triage/scrubber.js');

beforeEach(() => {
  scanned.length = 0;
});

describe('clean strings kept between runs', () => {
  it('scans a clean string once across runs, and a string with findings in every run', () => {
    const run = (id: number) => ({
      type: 'tool-call-end',
      article: 'You can reset your password from the sign-in page with Forgot password.',
      customer: 'write to ada@example.com',
      id: `run-${id}-clean`,
    });
    const first = createRunScrubber()(run(1));
    const second = createRunScrubber()(run(2));
    expect(first).toEqual(scrubValue(run(1)));
    expect(second).toEqual(scrubValue(run(2)));
    expect(second.customer).toBe('write to [email:***@example.com]');
    const count = (text: string) => scanned.filter((item) => item === text).length;
    expect(count('tool-call-end')).toBe(1);
    expect(count('You can reset your password from the sign-in page with Forgot password.')).toBe(1);
    expect(count('write to ada@example.com')).toBe(2);
    expect(count('run-1-clean')).toBe(1);
    expect(count('run-2-clean')).toBe(1);
  });

  it('gives what scrubValue gives once the table is full and started again', () => {
    for (let index = 0; index <= CLEAN_STRINGS_LIMIT; index += 1) createRunScrubber()([`filler ${index}`]);
    expect(cleanStringsKept().strings).toBeLessThanOrEqual(CLEAN_STRINGS_LIMIT);
    const value = { note: 'filler 0', mail: 'mail ada@example.com', card: 'card 4242 4242 4242 4242' };
    expect(isDeepStrictEqual(createRunScrubber()(value), scrubValue(value))).toBe(true);
    expect(isDeepStrictEqual(createRunScrubber()(value), scrubValue(value))).toBe(true);
  });

  it('keeps no more characters than its limit, and no string longer than it', () => {
    const long = 'a'.repeat(CLEAN_CHARACTERS_LIMIT + 1);
    createRunScrubber()([long]);
    expect(cleanStringsKept().characters).toBeLessThanOrEqual(CLEAN_CHARACTERS_LIMIT);
    const chunk = 'b '.repeat(200_000);
    for (let index = 0; index < 25; index += 1) createRunScrubber()([`${index} ${chunk}`]);
    expect(cleanStringsKept().characters).toBeLessThanOrEqual(CLEAN_CHARACTERS_LIMIT);
    scanned.length = 0;
    createRunScrubber()([`24 ${chunk}`]);
    expect(scanned).toEqual([]);
  });
});
