/**
 * One model call inside what is left of a task's model time budget. The call gets its own signal,
 * aborted when the budget runs out, and the promise rejects with ModelTimeBudgetError then, even
 * for a model that ignores its signal: the loop never waits past the budget.
 */
import { ModelTimeBudgetError, type ModelTimeBudget } from '../models/time-budget.js';
import { linkSignals } from './abort.js';

export function callWithinBudget<T>(
  budget: ModelTimeBudget,
  label: string,
  signal: AbortSignal,
  call: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  budget.assertAvailable(label);
  const controller = new AbortController();
  const unlink = linkSignals(controller, [signal]);
  return budget.track(
    () =>
      new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          const error = new ModelTimeBudgetError(label, budget.totalMs);
          controller.abort(error);
          reject(error);
        }, budget.remainingMs());
        Promise.resolve()
          .then(() => call(controller.signal))
          .then(resolve, reject)
          .finally(() => {
            clearTimeout(timer);
            unlink();
          });
      }),
  );
}
