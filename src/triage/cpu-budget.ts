/**
 * A per-ticket CPU budget. The event loop is shared by every ticket a process triages, so one
 * ticket that costs seconds of CPU stalls them all (and health checks, and SIGTERM). The stages of
 * a triage run through `measure()`, which counts the CPU time the stage used; once a ticket is over
 * its budget, the stage that crossed it throws CpuBudgetExceededError and the ticket is drafted for
 * a human with the reason.
 *
 * Cooperative, not preemptive: a stage is only stopped after it returns (JavaScript cannot
 * interrupt a running function), so the budget bounds how many stages run over, not how long a
 * single stage may take. The text paths are linear in the ticket (test/triage/linear-text-paths),
 * which is what keeps one stage short; the budget stops the sum from growing without bound.
 */

import { TriageError } from './errors.js';

export class CpuBudgetExceededError extends TriageError {
  readonly stage: string;
  readonly spentMs: number;
  readonly limitMs: number;

  constructor(stage: string, spentMs: number, limitMs: number) {
    super(
      'cpu_budget_exceeded',
      `the ticket used ${Math.round(spentMs)} ms of CPU, more than its budget of ${limitMs} ms (TRIAGE_CPU_BUDGET_MS), ` +
        `by the end of the stage "${stage}"`,
    );
    this.stage = stage;
    this.spentMs = spentMs;
    this.limitMs = limitMs;
  }
}

export interface CpuBudgetOptions {
  /** CPU time used so far by this process, in ms; replaceable so tests count instead of time. */
  cpuTime?: () => number;
  /** Called once, when the budget is first exceeded (to stop the rest of the run). */
  onExceeded?: (error: CpuBudgetExceededError) => void;
}

function processCpuTimeMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

export class CpuBudget {
  readonly limitMs: number;
  readonly #cpuTime: () => number;
  readonly #onExceeded: ((error: CpuBudgetExceededError) => void) | undefined;
  #spentMs = 0;
  #exceeded: CpuBudgetExceededError | undefined;

  constructor(limitMs: number, options: CpuBudgetOptions = {}) {
    if (!(limitMs > 0)) throw new RangeError(`a CPU budget must be positive, got ${limitMs} ms.`);
    this.limitMs = limitMs;
    this.#cpuTime = options.cpuTime ?? processCpuTimeMs;
    this.#onExceeded = options.onExceeded;
  }

  get spentMs(): number {
    return this.#spentMs;
  }

  /** The error of the stage that crossed the budget, once one has. */
  get exceeded(): CpuBudgetExceededError | undefined {
    return this.#exceeded;
  }

  /**
   * Runs one stage and counts the CPU it used while it ran synchronously (for an async stage, the
   * part before its first await: the rest interleaves with other tickets and is not this one's).
   * Throws CpuBudgetExceededError, before the stage when the budget is already spent, after it
   * when this stage crossed it.
   */
  measure<T>(stage: string, run: () => T): T {
    this.check(stage);
    const start = this.#cpuTime();
    let result: T;
    try {
      result = run();
    } finally {
      this.#spentMs += Math.max(0, this.#cpuTime() - start);
    }
    if (this.#spentMs > this.limitMs) {
      this.#exceeded = new CpuBudgetExceededError(stage, this.#spentMs, this.limitMs);
      this.#onExceeded?.(this.#exceeded);
      throw this.#exceeded;
    }
    return result;
  }

  /** A checkpoint between stages: throws the recorded error once the budget is spent. */
  check(stage: string): void {
    if (this.#exceeded) throw this.#exceeded;
    if (this.#spentMs > this.limitMs) {
      this.#exceeded = new CpuBudgetExceededError(stage, this.#spentMs, this.limitMs);
      this.#onExceeded?.(this.#exceeded);
      throw this.#exceeded;
    }
  }
}
