/**
 * Errors of the ticket domain. One base class so a caller (the worker's job handler, the CLI) can
 * tell "the domain could not finish this ticket" from a bug, and a stable `code` to log, count and
 * test against instead of a message meant for people. Subclasses live beside what throws them and
 * add only what a caller acts on (`isRetryable`, the CPU budget's figures).
 */

export const TRIAGE_ERROR_CODES = [
  /** The CRM could not answer (timeout, 5xx, network, a malformed answer). */
  'crm_unavailable',
  /** The CRM answered about another customer or order than the one asked for. */
  'crm_mismatch',
  /** The ticket used more CPU than TRIAGE_CPU_BUDGET_MS. */
  'cpu_budget_exceeded',
  /** A knowledge-base article or folder is missing or malformed. */
  'knowledge_base_invalid',
] as const;
export type TriageErrorCode = (typeof TRIAGE_ERROR_CODES)[number];

export interface TriageErrorOptions {
  cause?: unknown;
}

export class TriageError extends Error {
  constructor(
    readonly code: TriageErrorCode,
    message: string,
    options: TriageErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    // new.target keeps the subclass name without every subclass repeating it.
    this.name = new.target.name;
  }
}
