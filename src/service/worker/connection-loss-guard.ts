/**
 * Keeps a worker or serve process alive through a database outage.
 *
 * pg-boss 10 completes or fails a job after the work callback returns without awaiting the call
 * (`onFetch` in pg-boss's manager.js), so a database that goes away at that moment surfaces as an
 * unhandled rejection, and Node ends the process on one: every process of a deployment died within
 * 0.1 s of an outage and stayed dead. Losing those writes is harmless: our queue settled the job
 * itself before, and a run pg-boss still sees as active expires and is retried.
 *
 * So while the process runs, an unhandled rejection that is a lost database connection is logged
 * and the process carries on; the queue, the outbox sweep and the webhooks retry on their own once
 * the database is back. Any other unhandled rejection is rethrown, which ends the process as Node
 * would: a bug is not hidden.
 */
import { errorMessage } from '../queue/job-queue.js';
import type { Logger } from '../queue/logger.js';
import { isConnectionLost } from '../store/connection-errors.js';

/** Installs the guard; the returned function removes it. */
export function guardAgainstConnectionLoss(logger: Logger): () => void {
  let logged = 0;
  const onRejection = (reason: unknown): void => {
    if (!isConnectionLost(reason)) throw reason;
    // An outage rejects many calls at once; a few lines say it, the rest would drown the log.
    logged += 1;
    if (logged <= 5 || logged % 100 === 0) {
      logger.warn({ error: errorMessage(reason), occurrences: logged }, 'database connection lost in a background call; carrying on');
    }
  };
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('unhandledRejection', onRejection);
  };
}
