/**
 * The jobs one queue instance is running, so `stop()` can wait for them, abort them and tell
 * which ones never settled. Shared by both queue implementations.
 */
import { setTimeout as sleep } from 'node:timers/promises';

interface RunningJob {
  controller: AbortController;
  settled: Promise<void>;
}

export class RunningJobs {
  readonly #jobs = new Map<string, RunningJob>();

  get size(): number {
    return this.#jobs.size;
  }

  ids(): string[] {
    return [...this.#jobs.keys()];
  }

  /**
   * Tracks `run` until it settles and returns it unchanged (a rejection is the caller's to handle).
   * `onSettled` runs once the job no longer counts as running.
   */
  track(jobId: string, controller: AbortController, run: Promise<void>, onSettled?: () => void): Promise<void> {
    const entry: RunningJob = {
      controller,
      settled: run
        .then(
          () => undefined,
          () => undefined,
        )
        .then(() => {
          if (this.#jobs.get(jobId) === entry) this.#jobs.delete(jobId);
          onSettled?.();
        }),
    };
    this.#jobs.set(jobId, entry);
    return run;
  }

  /** True when every job settled within `timeoutMs`. */
  async waitForAll(timeoutMs: number): Promise<boolean> {
    if (this.#jobs.size === 0) return true;
    const all = Promise.all([...this.#jobs.values()].map((job) => job.settled)).then(() => true);
    const timer = new AbortController();
    const timeout = sleep(Math.max(0, timeoutMs), false, { signal: timer.signal }).catch(() => false);
    try {
      return await Promise.race([all, timeout]);
    } finally {
      timer.abort();
    }
  }

  abortAll(reason: unknown): void {
    for (const job of this.#jobs.values()) {
      if (!job.controller.signal.aborted) job.controller.abort(reason);
    }
  }
}
