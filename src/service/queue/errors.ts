/** Errors of the queue, the worker and the outbox. The job handler acts on them (retry, release, fail). */
import { ServiceError } from '../errors.js';

export class QueueError extends ServiceError {}

export type JobAbortReason = 'shutdown' | 'lease-lost' | 'expired';

/**
 * The reason a job's signal is aborted with. `shutdown` releases the job (it runs again elsewhere
 * without counting as a failure); the others count as a failed attempt.
 */
export class JobAbortedError extends QueueError {
  constructor(
    readonly reason: JobAbortReason,
    message: string,
  ) {
    super(message);
  }
}

/** The queue was used in a way it cannot serve (a SQLite transaction handed to pg-boss, say). */
export class QueueUsageError extends QueueError {}
