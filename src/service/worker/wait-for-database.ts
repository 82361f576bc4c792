/**
 * A worker or serve process started while its database is unreachable (a deployment where the
 * database restarts at the same time, a container started first) waits for it instead of exiting:
 * the opening step is retried with a growing pause while the failure is a lost connection, and
 * given up as soon as a stop is requested. Any other failure (bad settings, a failed migration)
 * is thrown at once.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { errorMessage } from '../queue/job-queue.js';
import type { Logger } from '../queue/logger.js';
import { isConnectionLost } from '../store/connection-errors.js';

export interface WaitForDatabaseOptions {
  logger: Logger;
  /** Aborted when a stop is requested: the wait ends and `undefined` is returned. */
  signal: AbortSignal;
  firstDelayMs?: number;
  maxDelayMs?: number;
}

export async function openWhenDatabaseAnswers<T>(open: () => Promise<T>, options: WaitForDatabaseOptions): Promise<T | undefined> {
  let delayMs = options.firstDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 10_000;
  for (let attempt = 1; ; attempt += 1) {
    if (options.signal.aborted) return undefined;
    try {
      return await open();
    } catch (error) {
      if (!isConnectionLost(error)) throw error;
      options.logger.warn({ error: errorMessage(error), attempt, retryInMs: delayMs }, 'the database cannot be reached; waiting for it');
    }
    try {
      await sleep(delayMs, undefined, { signal: options.signal });
    } catch {
      return undefined;
    }
    delayMs = Math.min(maxDelayMs, delayMs * 2);
  }
}
