import { timeOrderedId } from '../time-ordered-id.js';
import { sql, type UpdateObject } from 'kysely';
import {
  fromDatabaseBoolean,
  nowTimestamp,
  onConflictDoNothing,
  parseJsonText,
  toDatabaseBoolean,
  toJsonText,
} from '../dialect.js';
import { InvalidStoreInputError, RecordNotFoundError, StoreError } from '../errors.js';
import { prepareQuery } from '../prepared-query.js';
import type { Database } from '../database.js';
import type { OutboxKind, OutboxRow, OutboxStatus } from '../tables/outbox.js';
import type { Executor } from './with-transaction.js';

export type { OutboxKind, OutboxStatus };

export interface OutboxEntry {
  id: string;
  ticketId: string;
  kind: OutboxKind;
  text: string;
  tags: string[];
  confidence: number;
  /** A public reply to the customer, or else an internal note for agents. */
  public: boolean;
  idempotencyKey: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  approvedBy: string | null;
}

export interface NewOutboxEntry {
  ticketId: string;
  kind: OutboxKind;
  /** The scrubbed copy, for display; delivered only when there is no sealed text. */
  text: string;
  /** The exact text to deliver, sealed by the outbox cipher. */
  sealedText?: string | null;
  tags: string[];
  confidence: number;
  public: boolean;
  idempotencyKey: string;
  approvedBy?: string | null;
}

const insertOutboxRow = prepareQuery<
  [
    id: string,
    ticketId: string,
    kind: OutboxKind,
    text: string,
    tags: string,
    confidence: number,
    isPublic: 0 | 1,
    idempotencyKey: string,
    createdAt: string,
    approvedBy: string | null,
    sealedText: string | null,
  ],
  OutboxRow
>((db, slot) =>
  onConflictDoNothing(
    db.insertInto('outbox').values({
      id: slot(0),
      ticket_id: slot(1),
      kind: slot(2),
      text: slot(3),
      tags: slot(4),
      confidence: slot(5),
      public: slot(6),
      idempotency_key: slot(7),
      status: 'pending',
      attempts: 0,
      last_error: null,
      created_at: slot(8),
      delivered_at: null,
      approved_by: slot(9),
      sealed_text: slot(10),
    }),
  ).returningAll(),
);

/**
 * Queues a reply or note once per idempotency key: a second call with the same key, concurrent
 * or later, gets the first call's entry and `inserted: false`.
 */
export async function insertOutboxIfAbsent(
  db: Executor,
  entry: NewOutboxEntry,
): Promise<{ inserted: boolean; row: OutboxEntry }> {
  const [insertedRow] = (
    await insertOutboxRow.execute(db, [
      timeOrderedId(),
      entry.ticketId,
      entry.kind,
      entry.text,
      toJsonText(entry.tags),
      entry.confidence,
      toDatabaseBoolean(entry.public),
      entry.idempotencyKey,
      nowTimestamp(),
      entry.approvedBy ?? null,
      entry.sealedText ?? null,
    ])
  ).rows;
  if (insertedRow) return { inserted: true, row: toOutboxEntry(insertedRow) };
  const existing = await getOutboxByKey(db, entry.idempotencyKey);
  if (!existing) {
    throw new StoreError(`outbox entry ${entry.idempotencyKey} conflicted with a row that no longer exists; retry`);
  }
  return { inserted: false, row: existing };
}

export async function getOutboxByKey(db: Executor, idempotencyKey: string): Promise<OutboxEntry | null> {
  const row = await db.selectFrom('outbox').selectAll().where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
  return row ? toOutboxEntry(row) : null;
}

export async function getOutboxEntry(db: Executor, id: string): Promise<OutboxEntry | null> {
  const row = await db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toOutboxEntry(row) : null;
}

/** A ticket's entries, oldest first. */
export async function getOutboxForTicket(db: Executor, ticketId: string): Promise<OutboxEntry[]> {
  const rows = await db
    .selectFrom('outbox')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toOutboxEntry);
}

/** Entries waiting for delivery, oldest first. */
export async function listPendingOutbox(db: Executor, limit: number): Promise<OutboxEntry[]> {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new InvalidStoreInputError(`limit must be an integer >= 1, got ${limit}`);
  }
  const rows = await db
    .selectFrom('outbox')
    .selectAll()
    .where('status', '=', 'pending')
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(toOutboxEntry);
}

/**
 * Counts the attempt; a redelivery keeps the first delivery time. `wipeSealedText` erases the exact
 * text once it has nothing more to do (a delivered reply); a draft keeps it until it is reviewed.
 */
export async function markOutboxDelivered(
  db: Executor,
  id: string,
  options: { wipeSealedText?: boolean } = {},
): Promise<OutboxEntry> {
  const statement = options.wipeSealedText ? markDeliveredWiping : markDeliveredKeeping;
  const [row] = (await statement.execute(db, [nowTimestamp(), id])).rows;
  if (!row) throw new RecordNotFoundError(`outbox entry ${id} does not exist`);
  return toOutboxEntry(row);
}

function markDeliveredStatement(wipeSealedText: boolean) {
  return prepareQuery<[deliveredAt: string, id: string], OutboxRow>((db, slot) =>
    db
      .updateTable('outbox')
      .set({
        status: 'delivered',
        attempts: sql<number>`attempts + 1`,
        last_error: null,
        delivered_at: sql<string>`coalesce(delivered_at, ${slot<string>(0)})`,
        ...(wipeSealedText ? { sealed_text: null } : {}),
      })
      .where('id', '=', slot<string>(1))
      .returningAll(),
  );
}

const markDeliveredWiping = markDeliveredStatement(true);
const markDeliveredKeeping = markDeliveredStatement(false);

/**
 * The sealed exact text of an entry, or null (delivered and wiped, or a row without one). Kept out
 * of OutboxEntry on purpose: entries are shown and serialised, this never is.
 */
export async function readSealedText(db: Executor, id: string): Promise<string | null> {
  const row = await db.selectFrom('outbox').select('sealed_text').where('id', '=', id).executeTakeFirst();
  return row?.sealed_text ?? null;
}

/** Erases an entry's exact text (a reviewed draft, a delivered reply). */
export async function wipeSealedText(db: Executor, id: string): Promise<void> {
  await db.updateTable('outbox').set({ sealed_text: null }).where('id', '=', id).execute();
}

/**
 * Puts a `failed` entry back to `pending` with its attempts reset (a reviewer's retry). Conditional
 * on `failed`, so two clicks re-arm it once; null when the entry was not failed.
 */
export async function rearmFailedOutbox(db: Executor, id: string): Promise<OutboxEntry | null> {
  const row = await db
    .updateTable('outbox')
    .set({ status: 'pending', attempts: 0 })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .returningAll()
    .executeTakeFirst();
  return row ? toOutboxEntry(row) : null;
}

/** Failed entries (given up), newest first, for the review queue. */
export async function listFailedOutbox(db: Executor, limit: number): Promise<OutboxEntry[]> {
  const rows = await db
    .selectFrom('outbox')
    .selectAll()
    .where('status', '=', 'failed')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(toOutboxEntry);
}

/**
 * Counts the failed attempt and keeps its error. `retryable` leaves the entry pending so the next
 * delivery pass tries again; otherwise it becomes `failed`.
 */
export async function markOutboxFailed(
  db: Executor,
  id: string,
  error: string,
  options: { retryable?: boolean } = {},
): Promise<OutboxEntry> {
  return updateOutbox(db, id, {
    status: options.retryable ? 'pending' : 'failed',
    attempts: sql<number>`attempts + 1`,
    last_error: error,
  });
}

/** For review decisions: `rejected`, or back to `pending` to retry, with who approved it. */
export async function setOutboxStatus(
  db: Executor,
  id: string,
  status: OutboxStatus,
  options: { approvedBy?: string; lastError?: string | null } = {},
): Promise<OutboxEntry> {
  return updateOutbox(db, id, {
    status,
    ...(options.approvedBy !== undefined ? { approved_by: options.approvedBy } : {}),
    ...(options.lastError !== undefined ? { last_error: options.lastError } : {}),
  });
}

async function updateOutbox(db: Executor, id: string, changes: UpdateObject<Database, 'outbox'>): Promise<OutboxEntry> {
  const row = await db.updateTable('outbox').set(changes).where('id', '=', id).returningAll().executeTakeFirst();
  if (!row) throw new RecordNotFoundError(`outbox entry ${id} does not exist`);
  return toOutboxEntry(row);
}

export function toOutboxEntry(row: OutboxRow): OutboxEntry {
  return {
    id: row.id,
    ticketId: row.ticket_id,
    kind: row.kind,
    text: row.text,
    tags: parseJsonText<string[]>(row.tags, []),
    confidence: Number(row.confidence),
    public: fromDatabaseBoolean(row.public),
    idempotencyKey: row.idempotency_key,
    status: row.status,
    attempts: Number(row.attempts),
    lastError: row.last_error,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
    approvedBy: row.approved_by,
  };
}
