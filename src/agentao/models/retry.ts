/**
 * The retry policy shared by the HTTP chat-model providers: one policy decides for every provider,
 * and tests drive it with an injected sleep instead of the wall clock.
 */
import { setTimeout as sleepWithTimer } from 'node:timers/promises';
import { ModelCallError } from '../errors.js';
import { ModelTimeBudgetError, type ModelTimeBudget } from './time-budget.js';

export type Sleep = (delayMs: number, signal?: AbortSignal) => Promise<void>;

export interface RetryPolicy {
  /** Retries after the first attempt: 3 means at most 4 requests. */
  maxRetries: number;
  /** Delay before the first retry when the server gives no Retry-After. */
  initialDelayMs: number;
  /** Ceiling for every delay, including one asked for by Retry-After. */
  maxDelayMs: number;
  backoffMultiplier: number;
  /** Up to this fraction of a computed delay is taken off at random, so clients do not retry in step. */
  jitterRatio: number;
}

export interface RetryOptions extends Partial<RetryPolicy> {
  sleep?: Sleep;
  /** A number in [0, 1); replaceable so tests can pin the jitter. */
  random?: () => number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  maxRetries: 3,
  initialDelayMs: 500,
  maxDelayMs: 30_000,
  backoffMultiplier: 2,
  jitterRatio: 0.25,
});

/** 408 and 409 are the servers' own "try again" answers; 529 is Anthropic's "overloaded". */
const RETRYABLE_STATUS_CODES: ReadonlySet<number> = new Set([408, 409, 429, 500, 502, 503, 504, 529]);

export function isRetryableStatusCode(statusCode: number): boolean {
  return RETRYABLE_STATUS_CODES.has(statusCode);
}

export const defaultSleep: Sleep = async (delayMs, signal) => {
  await sleepWithTimer(delayMs, undefined, signal === undefined ? undefined : { signal });
};

/**
 * The delay a server asked for, in milliseconds: `retry-after-ms` (OpenAI's and Anthropic's own),
 * else `Retry-After` as seconds or as an HTTP date. Undefined when absent or unreadable.
 */
export function parseRetryAfter(headers: Headers | undefined, now: number = Date.now()): number | undefined {
  if (headers === undefined) return undefined;
  const milliseconds = headers.get('retry-after-ms');
  if (milliseconds !== null && milliseconds.trim() !== '') {
    const value = Number(milliseconds);
    if (Number.isFinite(value) && value >= 0) return value;
  }
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter === undefined || retryAfter === '') return undefined;
  if (/^[+-]?\d+(\.\d+)?$/.test(retryAfter)) {
    const seconds = Number(retryAfter);
    return seconds >= 0 ? seconds * 1000 : undefined;
  }
  // Date.parse reads "-5" as a year, hence the number check first.
  const date = Date.parse(retryAfter);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** The delay before retry number `retryIndex` (0 for the first retry). */
export function computeRetryDelay(
  retryIndex: number,
  policy: RetryPolicy,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number {
  // A server's own figure is honoured as given (no jitter: it already knows when it will be ready),
  // but never past the ceiling, so one bad header cannot park a worker for an hour.
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxDelayMs);
  const exponential = policy.initialDelayMs * policy.backoffMultiplier ** retryIndex;
  const capped = Math.min(exponential, policy.maxDelayMs);
  return capped * (1 - policy.jitterRatio * random());
}

export interface AttemptContext {
  /** Aborts when the caller's signal aborts or when this attempt runs out of time. */
  signal: AbortSignal;
  /** 0 for the first request. */
  attempt: number;
}

export interface WithRetryOptions extends RetryOptions {
  /** Names the call in messages, e.g. `openai model "gpt-4o-mini"`. */
  label: string;
  signal?: AbortSignal;
  /** Limit for one attempt, reading the body included. */
  timeoutMs?: number;
  /** The delay a failed attempt's server asked for, read from the error the attempt threw. */
  retryAfterOf?: (error: ModelCallError) => number | undefined;
  /**
   * The task's model time: an attempt is cut to what is left, and a retry whose wait (the
   * server's Retry-After included) does not fit is not made.
   */
  budget?: Pick<ModelTimeBudget, 'remainingMs' | 'totalMs'>;
}

/**
 * Runs `operation` until it succeeds, fails with a non-retryable ModelCallError, or the retries run
 * out. An abort of the caller's signal ends everything at once with the signal's reason, as fetch
 * does; any error that is not a ModelCallError is a bug and is rethrown untouched.
 */
export async function withRetry<T>(
  operation: (context: AttemptContext) => Promise<T>,
  options: WithRetryOptions,
): Promise<T> {
  const policy = resolvePolicy(options);
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const callerSignal = options.signal;

  const budget = options.budget;
  let lastFailure: ModelCallError | undefined;
  callerSignal?.throwIfAborted();
  const scope = createCallScope(callerSignal);
  try {
    for (let attempt = 0; ; attempt += 1) {
      callerSignal?.throwIfAborted();
      const remainingMs = budget?.remainingMs() ?? Infinity;
      if (budget && remainingMs <= 0) throw new ModelTimeBudgetError(options.label, budget.totalMs, { cause: lastFailure });
      // The budget's end cuts an attempt short like a timeout would, but it is final.
      const cutByBudget = budget !== undefined && remainingMs < (options.timeoutMs ?? Infinity);
      const signal = scope.startAttempt(cutByBudget ? remainingMs : options.timeoutMs);
      let failure: ModelCallError;
      try {
        return await operation({ signal, attempt });
      } catch (error) {
        callerSignal?.throwIfAborted();
        if (scope.timedOut() && cutByBudget) {
          throw new ModelTimeBudgetError(options.label, budget.totalMs, { cause: error });
        }
        if (scope.timedOut()) {
          failure = new ModelCallError(`${options.label} timed out after ${options.timeoutMs} ms`, {
            isRetryable: true,
            cause: error,
          });
        } else if (error instanceof ModelCallError) {
          failure = error;
        } else {
          throw error;
        }
      } finally {
        scope.endAttempt();
      }

      if (!failure.isRetryable) throw failure;
      if (attempt >= policy.maxRetries) {
        if (attempt === 0) throw failure;
        throw new ModelCallError(`${failure.message} (gave up after ${attempt + 1} attempts)`, {
          isRetryable: true,
          ...(failure.statusCode === undefined ? {} : { statusCode: failure.statusCode }),
          cause: failure,
        });
      }
      lastFailure = failure;
      const retryAfterMs = options.retryAfterOf?.(failure);
      const delayMs = computeRetryDelay(attempt, policy, retryAfterMs, random);
      const waitMs = Math.max(delayMs, retryAfterMs ?? 0);
      if (budget && waitMs >= budget.remainingMs()) {
        // Waiting would spend what is left on nothing; the caller may try the task again later.
        throw new ModelCallError(
          `${failure.message} (not retried: waiting ${Math.round(waitMs)} ms does not fit in the ${Math.round(budget.remainingMs())} ms ` +
            `left of the model time budget of ${budget.totalMs} ms)`,
          { isRetryable: failure.isRetryable, ...(failure.statusCode === undefined ? {} : { statusCode: failure.statusCode }), cause: failure },
        );
      }
      try {
        await sleep(delayMs, callerSignal);
      } catch (error) {
        // An aborting sleep throws its own AbortError; the caller expects the reason it gave.
        callerSignal?.throwIfAborted();
        throw error;
      }
    }
  } finally {
    scope.dispose();
  }
}

function resolvePolicy(options: RetryOptions): RetryPolicy {
  const policy: RetryPolicy = {
    maxRetries: options.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries,
    initialDelayMs: options.initialDelayMs ?? DEFAULT_RETRY_POLICY.initialDelayMs,
    maxDelayMs: options.maxDelayMs ?? DEFAULT_RETRY_POLICY.maxDelayMs,
    backoffMultiplier: options.backoffMultiplier ?? DEFAULT_RETRY_POLICY.backoffMultiplier,
    jitterRatio: options.jitterRatio ?? DEFAULT_RETRY_POLICY.jitterRatio,
  };
  if (!Number.isInteger(policy.maxRetries) || policy.maxRetries < 0) {
    throw new RangeError(`maxRetries must be a whole number >= 0, got ${policy.maxRetries}.`);
  }
  if (policy.jitterRatio < 0 || policy.jitterRatio > 1) {
    throw new RangeError(`jitterRatio must be between 0 and 1, got ${policy.jitterRatio}.`);
  }
  return policy;
}

interface CallScope {
  /** The signal for the next attempt, aborted by the caller or when `timeoutMs` runs out. */
  startAttempt(timeoutMs: number | undefined): AbortSignal;
  /** Whether the attempt under way (or just ended) was cut by its timer. */
  timedOut(): boolean;
  endAttempt(): void;
  dispose(): void;
}

/**
 * One signal for every attempt of a call: the caller's signal and the time limit are combined
 * once per call, not per attempt, because that plumbing (controller, listener, timer) showed in
 * the CPU of an agent step. Only an attempt cut by its timer costs a new controller, since an
 * aborted signal stays aborted.
 */
function createCallScope(callerSignal: AbortSignal | undefined): CallScope {
  let controller = new AbortController();
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  const onCallerAbort = (): void => controller.abort(callerSignal?.reason);
  callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  const endAttempt = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  return {
    startAttempt(timeoutMs) {
      if (timedOut) {
        controller = new AbortController();
        timedOut = false;
      }
      if (timeoutMs !== undefined) {
        const attemptController = controller;
        timer = setTimeout(() => {
          timedOut = true;
          attemptController.abort(new DOMException(`The attempt timed out after ${timeoutMs} ms.`, 'TimeoutError'));
        }, timeoutMs);
      }
      return controller.signal;
    },
    timedOut: () => timedOut,
    endAttempt,
    dispose() {
      endAttempt();
      callerSignal?.removeEventListener('abort', onCallerAbort);
    },
  };
}

/** A non-2xx answer, with the server's own words; retryable by status code. */
export function httpStatusError(
  label: string,
  statusCode: number,
  serverMessage: string | undefined,
  cause: unknown,
): ModelCallError {
  const detail = serverMessage === undefined || serverMessage.trim() === '' ? '(no error message)' : serverMessage.trim();
  return new ModelCallError(`${label} failed with HTTP ${statusCode}: ${truncate(detail, 500)}`, {
    isRetryable: isRetryableStatusCode(statusCode),
    statusCode,
    cause,
  });
}

/** The request or its response body was cut off; a fresh connection may well succeed. */
export function connectionError(label: string, what: string, cause: unknown): ModelCallError {
  return new ModelCallError(`${label} ${what}: ${describeErrorChain(cause)}`, { isRetryable: true, cause });
}

/** `fetch failed <- connect ECONNREFUSED 127.0.0.1:9`: the useful part of undici errors is deep. */
export function describeErrorChain(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth += 1) {
    const message = current instanceof Error ? current.message : String(current);
    if (message !== '' && !parts.includes(message)) parts.push(message);
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.length === 0 ? 'unknown error' : parts.join(' <- ');
}

export function truncate(text: string, maxLength: number): string {
  return text.length <= maxLength ? text : `${text.slice(0, maxLength)}... (${text.length} characters)`;
}

/** Error messages name the endpoint, but never credentials someone put in the URL. */
export function redactURL(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    parsed.search = '';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}

/** A provider's response body as JSON; a body that is not JSON is a clear, non-retryable error. */
export function parseJsonBody(bodyText: string, label: string, statusCode: number): unknown {
  try {
    return JSON.parse(bodyText);
  } catch (error) {
    throw new ModelCallError(`${label} answered with a body that is not JSON: ${JSON.stringify(truncate(bodyText, 200))}`, {
      statusCode,
      cause: error,
    });
  }
}
