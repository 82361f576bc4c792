/**
 * A ticket's decision on PostgreSQL as one statement (data-modifying CTEs): the ticket's status,
 * the run's audit events (numbered after the ticket's last one), the decision and its tags, the
 * outbox entry, the run's end and, when the caller gives them, the queue job's completion and the
 * new entry's delivery lease. The transaction it replaces sent each of these as a statement of its
 * own (10 to 11 round trips with BEGIN and COMMIT, docs/benchmarks.md); run alone it is one round
 * trip and one implicit transaction, and inside a transaction (with the delivered marks riding
 * along, rider-commit.ts) one statement of it.
 *
 * What stays as the transaction had it:
 * - All or nothing. Every write, the parts' too, is conditional on the ticket and the run existing (the transaction
 *   threw RecordNotFoundError and rolled back; here nothing is written and the caller throws it).
 *   A second decision for the ticket (another attempt decided first) fails the unique key and the
 *   whole statement with it, as it rolled the transaction back.
 * - The ticket's row lock: the status update takes it, as the transaction's first statement did.
 * - The audit sequence. Every CTE reads the snapshot taken when the statement began, so the last
 *   `seq` is read before the row lock is waited for: an event appended meanwhile under that lock (a
 *   reviewer's claim, say) makes the insert fail on the unique (ticket_id, seq) index, and nothing
 *   is written. `isAuditSequenceConflict` tells that case apart; the caller runs the statement
 *   again, with a new snapshot (the transaction read `max(seq)` after the lock and never failed).
 * - An outbox entry already stored under the idempotency key is kept and not overwritten
 *   (`outbox` comes back null: the caller reads it); no lease is taken for it here.
 */
import { type RawBuilder, sql } from 'kysely';
import type { TriageOutcome } from '../../../triage/types.js';
import { nowTimestamp, toDatabaseBoolean, toJsonText } from '../dialect.js';
import type { OutboxRow } from '../tables/outbox.js';
import type { SerializedAuditEvent } from './audit-repository.js';
import type { NewOutboxEntry } from './outbox-repository.js';
import type { Executor } from './with-transaction.js';

export interface DecisionStatementInput {
  outcome: TriageOutcome;
  runId: string;
  /** Scrubbed and serialised (recorded-run.ts), in the run's order. */
  events: readonly SerializedAuditEvent[];
  /** The entry's id is chosen by the caller, so a part can name it before the statement runs. */
  outbox: NewOutboxEntry & { id: string };
  /**
   * Data-modifying statements that join this one, each RETURNING a row when it wrote: the queue
   * job's completion, for one (pg-boss-queue.ts). Each is built with the statement's guard, an SQL
   * condition it must add to its WHERE, so that it writes only when the rest is written. Their row
   * counts come back by name.
   */
  parts?: Readonly<Record<string, (guard: RawBuilder<unknown>) => RawBuilder<unknown>>>;
  /**
   * The new entry's delivery lease: an INSERT ... SELECT from the CTE named `written_outbox` (the
   * new entry's row; none when the key existed) RETURNING `attempts` (delivery-lease.ts).
   */
  lease?: RawBuilder<unknown>;
}

export interface DecisionStatementResult {
  /** False when the ticket or the run does not exist: nothing was written. */
  written: boolean;
  /** The new entry as written; null when an entry with its idempotency key was there already. */
  outbox: OutboxRow | null;
  /** The lease's `attempts` when it was taken. */
  leaseClaims: number | null;
  /** Rows each part returned. */
  partRows: Record<string, number>;
}

const PART_NAME = /^[a-z_]+$/;

export async function writeDecisionInOneStatement(db: Executor, input: DecisionStatementInput): Promise<DecisionStatementResult> {
  const { outcome, runId, events, outbox } = input;
  const ticketId = outcome.ticketId;
  const now = nowTimestamp();
  const tags = [...new Set(outcome.tags)];
  const parts = Object.entries(input.parts ?? {});
  for (const [name] of parts) if (!PART_NAME.test(name)) throw new Error(`a statement part's name must match ${PART_NAME}: "${name}"`);
  const guard = sql`exists (select 1 from target)`;
  const partCtes = parts.map(([name, part]) => sql`, ${sql.raw(`part_${name}`)} as (${part(guard)})`);
  const partCounts = parts.map(([name]) => sql`, (select count(*) from ${sql.raw(`part_${name}`)}) as ${sql.raw(`part_${name}`)}`);
  const { rows } = await sql<OutboxRow & { written: boolean; lease_attempts: number | string | null; [part: string]: unknown }>`
    with target as (
      select 1 from tickets where id = ${ticketId} and exists (select 1 from runs where id = ${runId} and ticket_id = ${ticketId})
    ), ticket as (
      update tickets set status = ${outcome.decision}, updated_at = ${now}
      where id = ${ticketId} and exists (select 1 from target)
      returning id
    ), events as (
      insert into audit_events (ticket_id, run_id, seq, type, ts, data)
      select ${ticketId}, ${runId}, last.seq + event.ord, event.type, event.ts, event.data
      from (select coalesce(max(seq), 0) as seq from audit_events where ticket_id = ${ticketId}) last,
        unnest(${events.map((event) => event.type)}::text[], ${events.map((event) => event.ts)}::text[], ${events.map((event) => event.dataText)}::text[])
          with ordinality as event(type, ts, data, ord)
      where exists (select 1 from target)
      order by event.ord
    ), decision as (
      insert into decisions (ticket_id, run_id, decision, intent, confidence, reply, tags, reasons, steps, created_at)
      select ${ticketId}, ${runId}, ${outcome.decision}, ${outcome.intent}, ${outcome.confidence}, ${outcome.reply},
        ${toJsonText(tags)}, ${toJsonText(outcome.reasons)}, ${toJsonText(outcome.steps)}, ${now}
      where exists (select 1 from target)
    ), decision_tag_rows as (
      insert into decision_tags (ticket_id, tag)
      select ${ticketId}, tag from unnest(${tags}::text[]) as tag
      where exists (select 1 from target)
    ), written_outbox as (
      insert into outbox (id, ticket_id, kind, text, tags, confidence, public, idempotency_key, status, attempts, last_error,
        created_at, delivered_at, approved_by, sealed_text)
      select ${outbox.id}, ${ticketId}, ${outbox.kind}, ${outbox.text}, ${toJsonText(outbox.tags)}, ${outbox.confidence},
        ${toDatabaseBoolean(outbox.public)}, ${outbox.idempotencyKey}, 'pending', 0, null, ${now}, null, ${outbox.approvedBy ?? null},
        ${outbox.sealedText ?? null}
      where exists (select 1 from target)
      on conflict do nothing
      returning *
    ), finished_run as (
      update runs set status = 'succeeded', error = null, finished_at = ${now}
      where id = ${runId} and exists (select 1 from target)
      returning id
    )${sql.join(partCtes, sql``)}${input.lease ? sql`, lease as (${input.lease})` : sql``}
    select exists (select 1 from target) as written,
      ${input.lease ? sql`(select attempts from lease)` : sql`null`} as lease_attempts${sql.join(partCounts, sql``)},
      written_outbox.*
    from (select 1) as one left join written_outbox on true`.execute(db);
  const row = rows[0]!;
  const { written, lease_attempts: leaseAttempts, ...rest } = row;
  const partRows: Record<string, number> = {};
  for (const [name] of parts) {
    partRows[name] = Number(rest[`part_${name}`]);
    delete rest[`part_${name}`];
  }
  return {
    written: written === true,
    outbox: rest.id === null || rest.id === undefined ? null : (rest as OutboxRow),
    leaseClaims: leaseAttempts === null ? null : Number(leaseAttempts),
    partRows,
  };
}

/**
 * The statement failed because another writer appended to the ticket's audit trail between its
 * snapshot and its row lock (see the file comment): running it again reads the new last `seq`.
 */
export function isAuditSequenceConflict(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === '23505' &&
    (error as { constraint?: unknown }).constraint === 'audit_events_ticket_id_seq_unique'
  );
}
