/**
 * A limit on the total time a task lets its model calls take (a support ticket, a batch item: the
 * runtime does not care which). The caller creates one per task; the agent counts every model
 * call against it, and the HTTP providers shorten each attempt and refuse a retry wait to fit what
 * is left. Without it a hanging model costs (timeout x attempts) per call, per loop step.
 */
import { ModelCallError } from '../errors.js';

export interface TimeBudgetOptions {
  /** Milliseconds on a monotonic clock; replaceable so tests need not wait. Default performance.now. */
  now?: () => number;
}

export class ModelTimeBudget {
  readonly totalMs: number;
  readonly #now: () => number;
  #spentMs = 0;
  /** When the call being tracked started; undefined between calls. */
  #since: number | undefined;

  constructor(totalMs: number, options: TimeBudgetOptions = {}) {
    if (!(totalMs > 0)) throw new RangeError(`a model time budget must be positive, got ${totalMs} ms.`);
    this.totalMs = totalMs;
    this.#now = options.now ?? (() => performance.now());
  }

  /** Milliseconds left, the call under way included; never negative. */
  remainingMs(): number {
    const running = this.#since === undefined ? 0 : this.#now() - this.#since;
    return Math.max(0, this.totalMs - this.#spentMs - running);
  }

  get spentMs(): number {
    return this.totalMs - this.remainingMs();
  }

  /** Throws ModelTimeBudgetError when nothing is left. */
  assertAvailable(label: string): void {
    if (this.remainingMs() <= 0) throw new ModelTimeBudgetError(label, this.totalMs);
  }

  /** Runs one model call, counting its time. Calls of one task run one after the other. */
  async track<T>(call: () => Promise<T>): Promise<T> {
    if (this.#since !== undefined) return call();
    this.#since = this.#now();
    try {
      return await call();
    } finally {
      this.#spentMs += this.#now() - this.#since;
      this.#since = undefined;
    }
  }
}

/**
 * The task's model time is used up. Not retryable: the same task would use it up again, so the
 * caller hands the work to whoever handles failures (a person, a dead-letter queue) instead.
 */
export class ModelTimeBudgetError extends ModelCallError {
  readonly budgetMs: number;

  constructor(label: string, budgetMs: number, options: { cause?: unknown } = {}) {
    super(`${label}: the model time budget of ${budgetMs} ms for this task is used up`, { isRetryable: false, ...options });
    this.budgetMs = budgetMs;
  }
}
