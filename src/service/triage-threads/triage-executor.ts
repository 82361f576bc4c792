/**
 * Where a ticket's triage runs. processTicket() keeps storage on its own thread (one writer) and
 * hands the stored, scrubbed ticket to an executor: in this thread (the CLI, the eval, tests and
 * tiny deployments) or on a pool of worker threads (triage-thread-pool.ts), so the HTTP event loop
 * is not blocked by the triage's CPU work.
 */
import { triageTicket, type TriageDependencies, type TriageRunResult } from '../../triage/pipeline.js';
import type { Ticket } from '../../triage/types.js';

export interface TriageRunOptions {
  /** Shutdown, a lost lease or an expired job: the run stops and nothing is decided. */
  signal?: AbortSignal;
  /** A queue that retries wants a model outage thrown; the CLI wants a draft at once. */
  rethrowRetryableModelErrors?: boolean;
}

export interface TriageExecutor {
  readonly kind: 'in-process' | 'threads';
  triage(ticket: Ticket, options?: TriageRunOptions): Promise<TriageRunResult>;
  /** Ends the executor's threads, if it has any; in-flight runs should have finished or been aborted. */
  close(): Promise<void>;
}

export function createInProcessExecutor(deps: TriageDependencies): TriageExecutor {
  return {
    kind: 'in-process',
    triage: (ticket, options = {}) => triageTicket(ticket, deps, options),
    close: async () => undefined,
  };
}
