/**
 * Where a ticket's triage runs. processTicket() keeps storage on its own thread (one writer) and
 * hands the stored, scrubbed ticket to an executor: in this thread (the CLI, the eval, tests and
 * tiny deployments) or on a pool of worker threads (triage-thread-pool.ts), so the HTTP event loop
 * is not blocked by the triage's CPU work. Either way the run comes back recorded (scrubbed and
 * serialised, recorded-run.ts), ready for the store.
 */
import { triageTicket, type TriageDependencies } from '../../triage/pipeline.js';
import type { Ticket } from '../../triage/types.js';
import { recordRun, type RecordedRun } from '../recorded-run.js';

export interface TriageRunOptions {
  /** Shutdown, a lost lease or an expired job: the run stops and nothing is decided. */
  signal?: AbortSignal;
  /** A queue that retries wants a model outage thrown; the CLI wants a draft at once. */
  rethrowRetryableModelErrors?: boolean;
}

export interface TriageExecutor {
  readonly kind: 'in-process' | 'threads';
  triage(ticket: Ticket, options?: TriageRunOptions): Promise<RecordedRun>;
  /** Ends the executor's threads, if it has any; in-flight runs should have finished or been aborted. */
  close(): Promise<void>;
}

export function createInProcessExecutor(deps: TriageDependencies): TriageExecutor {
  return {
    kind: 'in-process',
    triage: async (ticket, options = {}) => recordRun(await triageTicket(ticket, deps, options)),
    close: async () => undefined,
  };
}
