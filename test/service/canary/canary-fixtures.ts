/** Shared by the canary tests: a small eval set, a candidate that regresses, an injected clock. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../../../src/service/canary/timer-schedule.js';
import type { Config } from '../../../src/service/config.js';
import { createTriageRuntime } from '../../../src/service/triage-runtime.js';
import { IntentClassifier } from '../../../src/triage/local-model/intent-classifier.js';

export function writeCanarySet(folder: string): string {
  const path = join(folder, 'canary.jsonl');
  const lines = [
    { id: 'pw', text: 'I forgot my password and cannot log in', expect: { intent: 'recover_password', decision: 'sent', tags: [] } },
    { id: 'cancel', text: 'Please cancel my subscription, it is too expensive', email: 'linus@example.com', expect: { decision: 'drafted', tags: ['retention'] } },
  ];
  writeFileSync(path, lines.map((line) => JSON.stringify(line)).join('\n'));
  return path;
}

/** A candidate that learnt the wrong thing: password questions are delivery questions. */
export function regressingClassifier(): IntentClassifier {
  return IntentClassifier.train(
    [
      ...['forgot my password', 'password reset please', 'cannot log in password', 'I lost my password'].map((text) => ({ text, intent: 'delivery_period' })),
      ...['cancel my subscription', 'end my plan', 'stop my membership', 'close my subscription'].map((text) => ({ text, intent: 'cancel_order' })),
    ],
    { calibrationShare: 0, epochs: 20 },
  );
}

export function regressingRuntime(config: Config) {
  const classifier = regressingClassifier();
  return () => createTriageRuntime(config, { databaseUrl: 'sqlite::memory:', classifier });
}

/** Time moves only when the test says so; due timers fire in order. */
export class ManualClock implements Clock {
  #time: number;
  #timers = new Map<number, { at: number; callback: () => void }>();
  #nextId = 1;

  constructor(start: Date) {
    this.#time = start.getTime();
  }

  now(): number {
    return this.#time;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.#nextId++;
    this.#timers.set(id, { at: this.#time + ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.#timers.delete(handle as number);
  }

  get pendingTimers(): number {
    return this.#timers.size;
  }

  /** A machine that slept: time jumps, and the timers that came due fire once, at the new time. */
  jumpTo(target: Date): void {
    this.#time = target.getTime();
    const due = [...this.#timers].filter(([, timer]) => timer.at <= this.#time).sort((a, b) => a[1].at - b[1].at);
    for (const [id, timer] of due) {
      this.#timers.delete(id);
      timer.callback();
    }
  }

  /** A machine that ran: due timers fire in order, each at its own time. */
  advanceTo(target: Date): void {
    for (;;) {
      const due = [...this.#timers].filter(([, timer]) => timer.at <= target.getTime()).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.#timers.delete(due[0]);
      this.#time = Math.max(this.#time, due[1].at);
      due[1].callback();
    }
    this.#time = target.getTime();
  }
}
