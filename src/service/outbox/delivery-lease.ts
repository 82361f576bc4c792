/**
 * Who is delivering an outbox entry right now, and when it may be tried again.
 *
 * The outbox table says what to deliver (`pending`) and what happened (`delivered`, `failed`); it
 * has no column for "in flight". The lease lives in the store's `jobs` table instead, which has
 * exactly the columns a lease needs: one row per entry (queue `outbox-delivery`, `ticket_id`
 * holding the outbox entry's id), `locked_by`/`locked_until` for the holder, `run_after` for the
 * backoff, `attempts` counting claims. Every claim is one conditional statement, so two
 * dispatchers (threads of one process or several processes) never hold the same entry at once, and
 * a holder that crashed loses its claim when `locked_until` passes.
 */
import { randomUUID } from 'node:crypto';
import { type ExpressionBuilder, type RawBuilder, sql, type Transaction } from 'kysely';
import type { Database } from '../store/database.js';
import { dialectOf, nowTimestamp, onConflictDoNothing, toJsonText } from '../store/dialect.js';
import { RecordNotFoundError } from '../store/errors.js';
import { markOutboxDelivered } from '../store/repositories/outbox-repository.js';
import { prepareQuery } from '../store/prepared-query.js';
import type { Executor } from '../store/repositories/with-transaction.js';
import type { JobStatus } from '../store/tables/jobs.js';

export const OUTBOX_LEASE_QUEUE = 'outbox-delivery';

export interface DeliveryLease {
  outboxId: string;
  holder: string;
  /** 1 for the first claim of this entry; a claim after a crash counts too. */
  claims: number;
}

export interface ClaimInput {
  outboxId: string;
  ticketId: string;
  holder: string;
  leaseMs: number;
  maxAttempts: number;
}

// The first claim of an entry, in every delivery: compiled once (prepared-query.ts).
const insertLease = prepareQuery<
  [id: string, outboxId: string, payload: string, maxAttempts: number, now: string, holder: string, lockedUntil: string],
  { attempts: number | string }
>((db, slot) =>
  onConflictDoNothing(
    db.insertInto('jobs').values({
      id: slot(0),
      queue: OUTBOX_LEASE_QUEUE,
      ticket_id: slot(1),
      payload: slot(2),
      status: 'active',
      attempts: 1,
      max_attempts: slot(3),
      run_after: slot(4),
      locked_by: slot(5),
      locked_until: slot(6),
      last_error: null,
      created_at: slot(4),
      updated_at: slot(4),
    }),
  ).returning(['attempts']),
);

/**
 * Takes the entry's lease, or returns null when another dispatcher holds it or it is backing off.
 * A lease left `completed` or `failed` is taken again: the entry is pending again only because a
 * reviewer reopened it (delivery settles the lease in the same transaction as the entry).
 */
export async function claimDeliveryLease(db: Executor, input: ClaimInput): Promise<DeliveryLease | null> {
  const now = nowTimestamp();
  const lockedUntil = new Date(Date.now() + input.leaseMs).toISOString();
  const [inserted] = (
    await insertLease.execute(db, [
      randomUUID(),
      input.outboxId,
      toJsonText({ outboxId: input.outboxId, ticketId: input.ticketId }),
      input.maxAttempts,
      now,
      input.holder,
      lockedUntil,
    ])
  ).rows;
  if (inserted) return { outboxId: input.outboxId, holder: input.holder, claims: Number(inserted.attempts) };

  const claimable = (expression: ExpressionBuilder<Database, 'jobs'>) =>
    expression.or([
      expression.and([expression('status', '=', 'active'), expression('locked_until', '<', now)]),
      expression.and([expression('status', '=', 'pending'), expression('run_after', '<=', now)]),
      expression('status', 'in', ['completed', 'failed']),
    ]);
  const claimed = await db
    .updateTable('jobs')
    .set({
      status: 'active',
      attempts: sql<number>`attempts + 1`,
      locked_by: input.holder,
      locked_until: lockedUntil,
      updated_at: now,
    })
    .where('queue', '=', OUTBOX_LEASE_QUEUE)
    .where('ticket_id', '=', input.outboxId)
    .where(claimable)
    .returning(['attempts'])
    .executeTakeFirst();
  return claimed ? { outboxId: input.outboxId, holder: input.holder, claims: Number(claimed.attempts) } : null;
}

/**
 * The first claim of a new entry's lease as a part of the PostgreSQL statement that writes the
 * entry (decision-statement.ts): the same row `claimDeliveryLease` inserts, selected from the CTE
 * `written_outbox` (the new entry; none when its key existed, and then no lease is taken), RETURNING
 * `attempts`. A new entry has a new id, so no lease row can be there before it.
 */
export function leaseInsertFromWrittenOutbox(input: ClaimInput): { insert: RawBuilder<unknown>; lease(claims: number): DeliveryLease } {
  const now = nowTimestamp();
  const lockedUntil = new Date(Date.now() + input.leaseMs).toISOString();
  const insert = sql`
    insert into jobs (id, queue, ticket_id, payload, status, attempts, max_attempts, run_after, locked_by, locked_until, last_error, created_at, updated_at)
    select ${randomUUID()}, ${OUTBOX_LEASE_QUEUE}, written_outbox.id, ${toJsonText({ outboxId: input.outboxId, ticketId: input.ticketId })}, 'active', 1,
      ${input.maxAttempts}, ${now}, ${input.holder}, ${lockedUntil}, null, ${now}, ${now}
    from written_outbox where written_outbox.id = ${input.outboxId} and written_outbox.status = 'pending'
    on conflict do nothing
    returning attempts`;
  return { insert, lease: (claims) => ({ outboxId: input.outboxId, holder: input.holder, claims }) };
}

export interface SettleInput {
  status: Exclude<JobStatus, 'active'>;
  lastError?: string | null;
  /** For `pending`: not before this time. */
  runAfter?: Date;
  /** Give the claim back uncounted (shutdown). */
  uncount?: boolean;
}

/** Ends the claim; only the holder can. False when the lease had passed to someone else. */
// The settle of every delivered entry (a status and an error, nothing uncounted).
const settleLease = prepareQuery<[status: JobStatus, runAfter: string, now: string, lastError: string | null, outboxId: string, holder: string], never>((db, slot) =>
  db
    .updateTable('jobs')
    .set({ status: slot(0), locked_by: null, locked_until: null, run_after: slot(1), updated_at: slot(2), last_error: slot(3) })
    .where('queue', '=', OUTBOX_LEASE_QUEUE)
    .where('ticket_id', '=', slot<string>(4))
    .where('status', '=', 'active')
    .where('locked_by', '=', slot<string>(5)),
);

export async function settleDeliveryLease(db: Executor, lease: DeliveryLease, input: SettleInput): Promise<boolean> {
  const now = nowTimestamp();
  if (input.lastError !== undefined && !input.uncount) {
    const runAfter = (input.runAfter ?? new Date()).toISOString();
    const result = await settleLease.execute(db, [input.status, runAfter, now, input.lastError, lease.outboxId, lease.holder]);
    return Number(result.numAffectedRows ?? 0) > 0;
  }
  const result = await db
    .updateTable('jobs')
    .set({
      status: input.status,
      locked_by: null,
      locked_until: null,
      run_after: (input.runAfter ?? new Date()).toISOString(),
      updated_at: now,
      ...(input.lastError !== undefined ? { last_error: input.lastError } : {}),
      ...(input.uncount ? { attempts: sql<number>`case when attempts > 0 then attempts - 1 else 0 end` } : {}),
    })
    .where('queue', '=', OUTBOX_LEASE_QUEUE)
    .where('ticket_id', '=', lease.outboxId)
    .where('status', '=', 'active')
    .where('locked_by', '=', lease.holder)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * A delivered entry: marked delivered (attempts + 1, first delivery time kept, a reply's sealed
 * text wiped) and its lease settled `completed`, as `markOutboxDelivered` and `settleDeliveryLease`
 * do. On PostgreSQL one statement (data-modifying CTEs): the mark rides in another ticket's
 * transaction (rider-commit.ts), where each statement is a round trip. Throws when the entry does
 * not exist; run it in a transaction, so that rolls the settle back too.
 */
export async function markDeliveredSettlingLease(transaction: Transaction<Database>, lease: DeliveryLease, options: { wipeSealedText: boolean }): Promise<void> {
  if (dialectOf(transaction) !== 'postgres') {
    await markOutboxDelivered(transaction, lease.outboxId, options);
    await settleDeliveryLease(transaction, lease, { status: 'completed', lastError: null });
    return;
  }
  const now = nowTimestamp();
  const { rows } = await sql<{ marked: number | string }>`
    with marked as (
      update outbox set status = 'delivered', attempts = attempts + 1, last_error = null, delivered_at = coalesce(delivered_at, ${now})
        ${options.wipeSealedText ? sql`, sealed_text = null` : sql``}
      where id = ${lease.outboxId}
      returning id
    ), settled as (
      update jobs set status = 'completed', locked_by = null, locked_until = null, run_after = ${new Date().toISOString()}, updated_at = ${now}, last_error = null
      where queue = ${OUTBOX_LEASE_QUEUE} and ticket_id = ${lease.outboxId} and status = 'active' and locked_by = ${lease.holder}
      returning 1
    )
    select (select count(*) from marked) as marked`.execute(transaction);
  if (Number(rows[0]?.marked ?? 0) === 0) throw new RecordNotFoundError(`outbox entry ${lease.outboxId} does not exist`);
}
