/**
 * The canary's schedule on SQLite: a timer aimed at the next cron slot. The clock is injected so
 * tests drive time instead of waiting for it. Which process runs a slot is settled by the report
 * row keyed by the slot (see claimCanaryReport), so several processes may run this timer.
 */
import type { Logger } from '../queue/logger.js';
import { nextSlot, slotAtOrBefore } from './cron-slots.js';

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => {
    const timer = setTimeout(callback, ms);
    // The schedule alone must not keep a process alive that is otherwise done.
    timer.unref();
    return timer;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * The longest single wait: Node caps timers at about 24.8 days, and a machine that sleeps lets a
 * long timer fire late; waking at least hourly re-reads the clock.
 */
export const MAX_TIMER_WAIT_MS = 60 * 60_000;

export interface CanarySchedule {
  /** The slot the schedule waits for (undefined once stopped). */
  readonly nextRun: Date | undefined;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

export function startTimerSchedule(options: { cron: string; run: (slot: Date) => Promise<unknown>; clock?: Clock; logger: Logger }): CanarySchedule {
  const clock = options.clock ?? systemClock;
  let next: Date | undefined = nextSlot(options.cron, new Date(clock.now()));
  let timer: unknown;
  let running: Promise<void> | undefined;
  let stopped = false;

  function arm(): void {
    if (stopped || next === undefined) return;
    const wait = Math.min(MAX_TIMER_WAIT_MS, Math.max(0, next.getTime() - clock.now()));
    timer = clock.setTimeout(tick, wait);
  }

  function tick(): void {
    timer = undefined;
    if (stopped || next === undefined) return;
    const now = new Date(clock.now());
    if (now < next) {
      arm();
      return;
    }
    // After a sleep several slots may have passed: run the latest one, not each of them.
    const slot = slotAtOrBefore(options.cron, now);
    next = nextSlot(options.cron, now);
    running = options
      .run(slot)
      .then(
        () => undefined,
        (error: unknown) => options.logger.error({ slot: slot.toISOString(), error: error instanceof Error ? error.message : String(error) }, 'scheduled canary run failed'),
      )
      .finally(() => {
        running = undefined;
        arm();
      });
  }

  arm();
  return {
    get nextRun() {
      return stopped ? undefined : next;
    },
    async stop() {
      stopped = true;
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}
