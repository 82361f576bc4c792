/**
 * The messages between the pool and a triage thread. Everything here survives structured clone:
 * plain data, no class instances (an Error's class does not cross a thread; its name, message and
 * `isRetryable` do, and the pool rebuilds a TriageThreadError from them).
 */
import type { Ticket } from '../../triage/types.js';
import type { Config } from '../config.js';
import type { RecordedRun } from '../recorded-run.js';

/** What a thread needs to build its own triage parts (workerData). */
export interface TriageThreadData {
  config: Config;
  /** The store the thread opens its own CRM read connection to (the demo CRM lives there). */
  databaseUrl: string;
  /** PostgreSQL schema of the store, when it is not the default one. */
  schema?: string;
  /**
   * Tests: a module URL whose default export gets the thread's dependencies and returns the ones to
   * use (a scripted model in place of the configured one). Production never sets it.
   */
  dependencyHook?: string;
  /** The TypeScript entry the tsx bootstrap imports (unset when the compiled `.js` runs directly). */
  entry?: string;
}

export type ToThread =
  | { type: 'run'; id: number; ticket: Ticket; rethrowRetryableModelErrors?: boolean }
  | { type: 'cancel'; id: number; reason: string }
  | { type: 'close' };

export interface SerializedError {
  name: string;
  message: string;
  isRetryable?: boolean;
}

export type FromThread =
  | { type: 'ready' }
  | { type: 'result'; id: number; result: RecordedRun }
  | { type: 'error'; id: number; error: SerializedError };

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const retryable = (error as { isRetryable?: unknown }).isRetryable;
  return { name: error.name, message: error.message, ...(typeof retryable === 'boolean' ? { isRetryable: retryable } : {}) };
}

/** An abort reason as text: an Error subclass (the queue's JobAbortedError) does not cross a thread. */
export function describeAbortReason(reason: unknown): string {
  if (reason instanceof Error) return reason.message;
  return reason === undefined ? 'the run was cancelled' : String(reason);
}
