import { describe, expect, it } from 'vitest';
import { ModelCallError } from '../../../src/agentao/errors.js';
import {
  computeRetryDelay,
  DEFAULT_RETRY_POLICY,
  describeErrorChain,
  httpStatusError,
  isRetryableStatusCode,
  parseRetryAfter,
  redactURL,
  withRetry,
} from '../../../src/agentao/models/retry.js';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-03-01T12:00:00Z');

  it('reads seconds, milliseconds and HTTP dates', () => {
    expect(parseRetryAfter(new Headers({ 'retry-after': '3' }), now)).toBe(3000);
    expect(parseRetryAfter(new Headers({ 'retry-after': '1.5' }), now)).toBe(1500);
    expect(parseRetryAfter(new Headers({ 'retry-after-ms': '250' }), now)).toBe(250);
    expect(parseRetryAfter(new Headers({ 'retry-after': 'Sun, 01 Mar 2026 12:00:09 GMT' }), now)).toBe(9000);
  });

  it('prefers retry-after-ms, treats a past date as now, and ignores what it cannot read', () => {
    expect(parseRetryAfter(new Headers({ 'retry-after-ms': '40', 'retry-after': '9' }), now)).toBe(40);
    expect(parseRetryAfter(new Headers({ 'retry-after': 'Sun, 01 Mar 2026 11:00:00 GMT' }), now)).toBe(0);
    expect(parseRetryAfter(new Headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(parseRetryAfter(new Headers({ 'retry-after': '-5' }), now)).toBeUndefined();
    expect(parseRetryAfter(new Headers({ 'retry-after-ms': 'x', 'retry-after': '2' }), now)).toBe(2000);
    expect(parseRetryAfter(new Headers(), now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe('computeRetryDelay', () => {
  const policy = { ...DEFAULT_RETRY_POLICY, initialDelayMs: 1000, maxDelayMs: 5000, jitterRatio: 0.25 };

  it('grows exponentially up to the ceiling', () => {
    expect([0, 1, 2, 3, 4].map((index) => computeRetryDelay(index, policy, undefined, () => 0))).toEqual([
      1000, 2000, 4000, 5000, 5000,
    ]);
  });

  it('takes up to the jitter ratio off at random', () => {
    expect(computeRetryDelay(1, policy, undefined, () => 0.5)).toBe(1750);
    expect(computeRetryDelay(1, policy, undefined, () => 0.999)).toBeGreaterThan(1500);
  });

  it('uses a server delay without jitter, capped at the ceiling', () => {
    expect(computeRetryDelay(0, policy, 3000, () => 0.9)).toBe(3000);
    expect(computeRetryDelay(0, policy, 60_000, () => 0.9)).toBe(5000);
  });
});

describe('withRetry', () => {
  const noSleep = async (): Promise<void> => {};

  it('retries retryable errors until success', async () => {
    let calls = 0;
    const result = await withRetry(
      async ({ attempt }) => {
        calls += 1;
        if (attempt < 2) throw new ModelCallError('busy', { isRetryable: true, statusCode: 503 });
        return 'ok';
      },
      { label: 'test', sleep: noSleep },
    );
    expect(result).toBe('ok');
    expect(calls).toBe(3);
  });

  it('does not retry a non-retryable error and throws it unchanged', async () => {
    const failure = new ModelCallError('bad request', { isRetryable: false, statusCode: 400 });
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls += 1;
          throw failure;
        },
        { label: 'test', sleep: noSleep },
      ),
    ).rejects.toBe(failure);
    expect(calls).toBe(1);
  });

  it('rethrows anything that is not a ModelCallError at once: it is a bug, not a flaky server', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls += 1;
          throw new TypeError('x is undefined');
        },
        { label: 'test', sleep: noSleep },
      ),
    ).rejects.toThrow(TypeError);
    expect(calls).toBe(1);
  });

  it('with maxRetries 0 makes one attempt and throws its error as it is', async () => {
    const failure = new ModelCallError('busy', { isRetryable: true });
    await expect(
      withRetry(
        async () => {
          throw failure;
        },
        { label: 'test', sleep: noSleep, maxRetries: 0 },
      ),
    ).rejects.toBe(failure);
  });

  it('asks the retryAfterOf hook for the server delay', async () => {
    const delays: number[] = [];
    await withRetry(
      async ({ attempt }) => {
        if (attempt === 0) throw new ModelCallError('slow down', { isRetryable: true, statusCode: 429 });
        return 'ok';
      },
      { label: 'test', sleep: async (delayMs) => void delays.push(delayMs), retryAfterOf: () => 4321 },
    );
    expect(delays).toEqual([4321]);
  });

  it('gives every attempt of one call the same signal, linked to the caller once', async () => {
    const caller = new AbortController();
    const added = countListeners(caller.signal);
    const signals: AbortSignal[] = [];
    await withRetry(
      async ({ signal, attempt }) => {
        signals.push(signal);
        if (attempt < 2) throw new ModelCallError('busy', { isRetryable: true, statusCode: 503 });
        return 'ok';
      },
      { label: 'test', sleep: noSleep, timeoutMs: 60_000, signal: caller.signal },
    );
    expect(signals).toHaveLength(3);
    expect(new Set(signals).size).toBe(1);
    expect(added()).toBe(1);
  });

  it('gives the attempt after a timed-out one a fresh signal, and still passes on the caller abort', async () => {
    const caller = new AbortController();
    const signals: AbortSignal[] = [];
    const pending = withRetry(
      ({ signal, attempt }) =>
        new Promise<string>((_resolve, reject) => {
          signals.push(signal);
          // The first attempt hangs until its 1 ms timer cuts it; the second until the caller aborts.
          signal.addEventListener('abort', () => reject(signal.reason), { once: true });
          if (attempt === 1) caller.abort(new Error('ticket cancelled'));
        }),
      { label: 'test', sleep: noSleep, timeoutMs: 1, signal: caller.signal },
    );
    await expect(pending).rejects.toThrow('ticket cancelled');
    expect(signals).toHaveLength(2);
    expect(signals[0]).not.toBe(signals[1]);
    expect(signals[0]?.reason).toMatchObject({ name: 'TimeoutError' });
    expect(signals[1]?.reason).toEqual(new Error('ticket cancelled'));
  });

  it('refuses a policy that makes no sense', async () => {
    await expect(withRetry(async () => 'ok', { label: 'test', maxRetries: -1 })).rejects.toThrow(RangeError);
  });
});

describe('error helpers', () => {
  it('retries only the statuses that mean "try again"', () => {
    expect([408, 409, 429, 500, 502, 503, 504, 529].every(isRetryableStatusCode)).toBe(true);
    expect([400, 401, 403, 404, 422].some(isRetryableStatusCode)).toBe(false);
  });

  it('names the status and the server message, and truncates long pages', () => {
    const error = httpStatusError('openai model "m"', 502, `<html>${'x'.repeat(2000)}</html>`, undefined);
    expect(error.message.startsWith('openai model "m" failed with HTTP 502: <html>xxx')).toBe(true);
    expect(error.message.length).toBeLessThan(600);
    expect(error.isRetryable).toBe(true);
    expect(httpStatusError('l', 404, '', undefined).message).toBe('l failed with HTTP 404: (no error message)');
  });

  it('walks the cause chain for the useful part of a network error', () => {
    const error = new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') });
    expect(describeErrorChain(error)).toBe('fetch failed <- connect ECONNREFUSED 127.0.0.1:9');
  });

  it('keeps credentials out of the endpoint named in messages', () => {
    expect(redactURL('https://user:secret@llm.internal:8443/v1/?key=abc')).toBe('https://llm.internal:8443/v1');
  });
});

/** Counts the abort listeners added to `signal` from now on. */
function countListeners(signal: AbortSignal): () => number {
  let count = 0;
  const add = signal.addEventListener.bind(signal);
  signal.addEventListener = ((...args: Parameters<AbortSignal['addEventListener']>) => {
    count += 1;
    add(...args);
  }) as AbortSignal['addEventListener'];
  return () => count;
}
