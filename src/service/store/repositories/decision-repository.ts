import type { TriageDecision, TriageOutcome, TriageStep } from '../../../triage/types.js';
import { nowTimestamp, parseJsonText, toJsonText, toTimestamp } from '../dialect.js';
import { InvalidStoreInputError } from '../errors.js';
import { prepareQuery } from '../prepared-query.js';
import type { DecisionRow } from '../tables/decisions.js';
import { type Executor, withTransaction } from './with-transaction.js';

export interface StoredDecision extends TriageOutcome {
  runId: string;
  createdAt: string;
}

export interface SaveDecisionInput extends TriageOutcome {
  runId: string;
  /** Defaults to now; given when importing or replaying decisions made earlier. */
  createdAt?: Date | string;
}

/** Stores a ticket's outcome (replacing an earlier one) and its tags, atomically. */
export async function saveDecision(db: Executor, outcome: SaveDecisionInput): Promise<StoredDecision> {
  const tags = [...new Set(outcome.tags)];
  const values = {
    ticket_id: outcome.ticketId,
    run_id: outcome.runId,
    decision: outcome.decision,
    intent: outcome.intent,
    confidence: outcome.confidence,
    reply: outcome.reply,
    tags: toJsonText(tags),
    reasons: toJsonText(outcome.reasons),
    steps: toJsonText(outcome.steps),
    created_at: outcome.createdAt === undefined ? nowTimestamp() : toTimestamp(outcome.createdAt, 'createdAt'),
  };
  return withTransaction(db, async (transaction) => {
    const { ticket_id: _ticketId, ...replaceable } = values;
    const row = await transaction
      .insertInto('decisions')
      .values(values)
      .onConflict((conflict) => conflict.column('ticket_id').doUpdateSet(replaceable))
      .returningAll()
      .executeTakeFirstOrThrow();
    await transaction.deleteFrom('decision_tags').where('ticket_id', '=', outcome.ticketId).execute();
    if (tags.length > 0) {
      await transaction
        .insertInto('decision_tags')
        .values(tags.map((tag) => ({ ticket_id: outcome.ticketId, tag })))
        .execute();
    }
    return toStoredDecision(row);
  });
}

/**
 * Stores a ticket's first outcome and its tags, inside the caller's transaction, without reading
 * anything back. A decision already stored makes it fail (unique ticket_id): the caller checked
 * under the ticket's lock that there is none, so that would be a second writer to stop, not to
 * overwrite.
 */
export async function insertDecision(transaction: Executor, outcome: SaveDecisionInput): Promise<void> {
  const tags = [...new Set(outcome.tags)];
  await insertDecisionRow.execute(transaction, [
    outcome.ticketId,
    outcome.runId,
    outcome.decision,
    outcome.intent,
    outcome.confidence,
    outcome.reply,
    toJsonText(tags),
    toJsonText(outcome.reasons),
    toJsonText(outcome.steps),
    outcome.createdAt === undefined ? nowTimestamp() : toTimestamp(outcome.createdAt, 'createdAt'),
  ]);
  // decision_tags rows go with their decision (on delete cascade), so a first decision has none to replace.
  if (tags.length > 0) {
    await transaction
      .insertInto('decision_tags')
      .values(tags.map((tag) => ({ ticket_id: outcome.ticketId, tag })))
      .execute();
  }
}

const insertDecisionRow = prepareQuery<
  [ticketId: string, runId: string, decision: TriageDecision, intent: string, confidence: number, reply: string, tags: string, reasons: string, steps: string, createdAt: string],
  never
>((db, slot) =>
  db.insertInto('decisions').values({
    ticket_id: slot(0),
    run_id: slot(1),
    decision: slot(2),
    intent: slot(3),
    confidence: slot(4),
    reply: slot(5),
    tags: slot(6),
    reasons: slot(7),
    steps: slot(8),
    created_at: slot(9),
  }),
);

const selectDecision = prepareQuery<[ticketId: string], DecisionRow>((db, slot) => db.selectFrom('decisions').selectAll().where('ticket_id', '=', slot<string>(0)));

export async function getDecision(db: Executor, ticketId: string): Promise<StoredDecision | null> {
  const [row] = (await selectDecision.execute(db, [ticketId])).rows;
  return row ? toStoredDecision(row) : null;
}

export interface DecisionQuery {
  /** Inclusive. */
  minConfidence?: number;
  /** Inclusive. */
  maxConfidence?: number;
  /** Inclusive, on created_at. */
  since?: Date | string;
  /** Inclusive, on created_at. */
  until?: Date | string;
  decision?: TriageDecision;
  /** Decisions carrying this tag. */
  tag?: string;
  /** Default 100. */
  limit?: number;
  offset?: number;
}

/** Decisions matching every filter given, newest first. */
export async function queryDecisions(db: Executor, query: DecisionQuery = {}): Promise<StoredDecision[]> {
  const limit = query.limit ?? 100;
  const offset = query.offset ?? 0;
  requireInteger(limit, 'limit', 1);
  requireInteger(offset, 'offset', 0);
  let select = db.selectFrom('decisions').selectAll();
  if (query.minConfidence !== undefined) {
    select = select.where('confidence', '>=', requireNumber(query.minConfidence, 'minConfidence'));
  }
  if (query.maxConfidence !== undefined) {
    select = select.where('confidence', '<=', requireNumber(query.maxConfidence, 'maxConfidence'));
  }
  if (query.since !== undefined) select = select.where('created_at', '>=', toTimestamp(query.since, 'since'));
  if (query.until !== undefined) select = select.where('created_at', '<=', toTimestamp(query.until, 'until'));
  if (query.decision !== undefined) select = select.where('decision', '=', query.decision);
  if (query.tag !== undefined) {
    const tag = query.tag;
    // A subquery on decision_tags (indexed on tag) rather than a LIKE over the JSON text.
    select = select.where('ticket_id', 'in', (expression) =>
      expression.selectFrom('decision_tags').select('decision_tags.ticket_id').where('decision_tags.tag', '=', tag),
    );
  }
  const rows = await select
    .orderBy('created_at', 'desc')
    // Ties on created_at would otherwise page in an unspecified, database-dependent order.
    .orderBy('ticket_id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map(toStoredDecision);
}

function requireInteger(value: number, name: string, minimum: number): void {
  if (!Number.isInteger(value) || value < minimum) {
    throw new InvalidStoreInputError(`${name} must be an integer >= ${minimum}, got ${value}`);
  }
}

function requireNumber(value: number, name: string): number {
  if (!Number.isFinite(value)) throw new InvalidStoreInputError(`${name} must be a finite number, got ${value}`);
  return value;
}

function toStoredDecision(row: DecisionRow): StoredDecision {
  return {
    ticketId: row.ticket_id,
    runId: row.run_id,
    decision: row.decision,
    confidence: Number(row.confidence),
    intent: row.intent,
    tags: parseJsonText<string[]>(row.tags, []),
    reply: row.reply,
    steps: parseJsonText<TriageStep[]>(row.steps, []),
    reasons: parseJsonText<string[]>(row.reasons, []),
    createdAt: row.created_at,
  };
}
