/**
 * What becomes of a ticket whose triage failed for good: a draft for a human, never a dropped
 * ticket. The decision is `drafted` with the tags `needs-human` and `triage-failed` and the
 * failure as its reason; the outbox gets a draft; the ticket is `drafted`; the audit trail gets a
 * `triage-failed` event. All in one transaction.
 *
 * The draft's text is a holding reply a reviewer may send as it is (approval sends the draft text
 * when no edit is given), so it says nothing internal; the reason lives in the decision, the audit
 * event and the tags, which the helpdesk note carries.
 */
import type { TriageOutcome } from '../../triage/types.js';
import { outboxIdempotencyKey } from '../process-ticket.js';
import { appendAuditEvents } from '../store/repositories/audit-repository.js';
import { getDecision, saveDecision } from '../store/repositories/decision-repository.js';
import { insertOutboxIfAbsent } from '../store/repositories/outbox-repository.js';
import { finishRun, listRuns, startRun } from '../store/repositories/run-repository.js';
import { getTicket, setTicketStatus } from '../store/repositories/ticket-repository.js';
import type { Executor } from '../store/repositories/with-transaction.js';
import { withTransaction } from '../store/repositories/with-transaction.js';

export const TRIAGE_FAILED_TAGS: readonly string[] = Object.freeze(['needs-human', 'triage-failed']);

export const HOLDING_REPLY =
  'Thank you for your message. A member of our support team is looking into your request and will reply to you personally.';

export interface TriageFailure {
  ticketId: string;
  /** Already scrubbed: it is stored and shown to reviewers. */
  reason: string;
  attempts: number;
  /** Names the model on the run this failure is recorded against, when the ticket has no run yet. */
  model: string;
}

export type FailureRecord =
  | { status: 'recorded'; outcome: TriageOutcome }
  /** The ticket had a decision already (a run that succeeded before a later step failed): kept. */
  | { status: 'already-decided'; outcome: TriageOutcome }
  | { status: 'ticket-missing' };

export async function recordTriageFailure(db: Executor, failure: TriageFailure): Promise<FailureRecord> {
  return withTransaction(db, async (transaction) => {
    const ticket = await getTicket(transaction, failure.ticketId);
    if (!ticket) return { status: 'ticket-missing' };
    const existing = await getDecision(transaction, failure.ticketId);
    if (existing) return { status: 'already-decided', outcome: existing };

    const runId = await failedRunId(transaction, failure);
    const outcome: TriageOutcome = {
      ticketId: failure.ticketId,
      decision: 'drafted',
      confidence: 0,
      intent: 'unknown',
      tags: [...TRIAGE_FAILED_TAGS],
      reply: HOLDING_REPLY,
      steps: [],
      reasons: [`automatic triage failed after ${failure.attempts} attempt(s): ${failure.reason}`],
    };
    await appendAuditEvents(transaction, {
      ticketId: failure.ticketId,
      runId,
      events: [{ type: 'triage-failed', ts: new Date().toISOString(), data: { attempts: failure.attempts, reason: failure.reason } }],
    });
    await saveDecision(transaction, { ...outcome, runId });
    await insertOutboxIfAbsent(transaction, {
      ticketId: failure.ticketId,
      kind: 'draft',
      text: HOLDING_REPLY,
      tags: [...TRIAGE_FAILED_TAGS],
      confidence: 0,
      public: false,
      idempotencyKey: outboxIdempotencyKey(failure.ticketId, 'draft'),
    });
    await setTicketStatus(transaction, failure.ticketId, 'drafted');
    return { status: 'recorded', outcome };
  });
}

/**
 * The decision points at a run: the ticket's last one (closed as failed if a crash left it
 * running), or a new failed run when the ticket never got as far as starting one.
 */
async function failedRunId(transaction: Executor, failure: TriageFailure): Promise<string> {
  const runs = await listRuns(transaction, failure.ticketId);
  const last = runs.at(-1);
  if (last) {
    if (last.status === 'running') await finishRun(transaction, last.id, { status: 'failed', error: failure.reason });
    return last.id;
  }
  const run = await startRun(transaction, { ticketId: failure.ticketId, model: failure.model });
  await finishRun(transaction, run.id, { status: 'failed', error: failure.reason });
  return run.id;
}
