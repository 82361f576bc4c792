import type { Transaction } from 'kysely';
import type { Database } from '../database.js';
import { parseJsonText, toJsonText } from '../dialect.js';
import { type PreparedQuery, prepareQuery } from '../prepared-query.js';
import type { AuditEventRow, NewAuditEventRow } from '../tables/audit-events.js';
import { lockTicket } from './ticket-repository.js';
import { type Executor, withTransaction } from './with-transaction.js';

export interface AuditEventInput {
  type: string;
  ts: string;
  data: unknown;
}

/** An event ready to store: scrubbed, its data already JSON text (recorded-run.ts). */
export interface SerializedAuditEvent {
  type: string;
  ts: string;
  dataText: string;
}

export interface StoredAuditEvent {
  id: number;
  ticketId: string;
  runId: string | null;
  /** 1, 2, 3, ... per ticket, continuing across runs. */
  seq: number;
  type: string;
  ts: string;
  data: unknown;
}

// Seven columns a row: far below SQLite's limit on bound parameters per statement.
const ROWS_PER_INSERT = 500;

/**
 * Appends events after the ticket's last one. The caller scrubs them first: this stores exactly
 * what it is given.
 */
export async function appendAuditEvents(
  db: Executor,
  input: { ticketId: string; runId?: string | null; events: readonly AuditEventInput[] },
): Promise<StoredAuditEvent[]> {
  if (input.events.length === 0) return [];
  return withTransaction(db, async (transaction) => {
    // Serialises appenders of one ticket on PostgreSQL; the unique (ticket_id, seq) index is the
    // backstop should anyone write without this lock.
    await lockTicket(transaction, input.ticketId);
    const rows = await auditRows(transaction, input);
    const stored: StoredAuditEvent[] = [];
    for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
      const inserted = await transaction
        .insertInto('audit_events')
        .values(rows.slice(start, start + ROWS_PER_INSERT))
        .returningAll()
        .execute();
      stored.push(...inserted.map(toStoredAuditEvent));
    }
    return stored.sort((left, right) => left.seq - right.seq);
  });
}

/**
 * `appendAuditEvents` for a caller that already holds the ticket's row lock and needs nothing back,
 * with events scrubbed and serialised where the triage ran: a run's events go in one multi-row
 * INSERT (per 500), without reading them back.
 */
export async function insertAuditEvents(
  transaction: Transaction<Database>,
  input: { ticketId: string; runId?: string | null; events: readonly SerializedAuditEvent[] },
): Promise<void> {
  if (input.events.length === 0) return;
  const firstSeq = await nextSeq(transaction, input.ticketId);
  const runId = input.runId ?? null;
  for (let start = 0; start < input.events.length; start += ROWS_PER_INSERT) {
    const chunk = input.events.slice(start, start + ROWS_PER_INSERT);
    await insertStatementFor(chunk.length).execute(
      transaction,
      chunk.flatMap((event, index) => [input.ticketId, runId, firstSeq + start + index, event.type, event.ts, event.dataText]),
    );
  }
}

/**
 * The multi-row INSERT for `rows` rows, compiled once per size and dialect: a run writes 10 to 40
 * events, so a handful of sizes recur. At most ROWS_PER_INSERT of them, each a few hundred bytes.
 */
const insertStatements = new Map<number, PreparedQuery<unknown[], never>>();

function insertStatementFor(rows: number): PreparedQuery<unknown[], never> {
  let statement = insertStatements.get(rows);
  if (statement === undefined) {
    statement = prepareQuery<unknown[], never>((db, slot) =>
      db.insertInto('audit_events').values(
        Array.from({ length: rows }, (_, index) => ({
          ticket_id: slot(index * 6),
          run_id: slot(index * 6 + 1),
          seq: slot(index * 6 + 2),
          type: slot(index * 6 + 3),
          ts: slot(index * 6 + 4),
          data: slot(index * 6 + 5),
        })),
      ),
    );
    insertStatements.set(rows, statement);
  }
  return statement;
}

const selectLastSeq = prepareQuery<[ticketId: string], { seq: number | string | null }>((db, slot) =>
  db
    .selectFrom('audit_events')
    .select((expression) => expression.fn.max('seq').as('seq'))
    .where('ticket_id', '=', slot<string>(0)),
);

async function nextSeq(transaction: Transaction<Database>, ticketId: string): Promise<number> {
  const [last] = (await selectLastSeq.execute(transaction, [ticketId])).rows;
  return Number(last?.seq ?? 0) + 1;
}

async function auditRows(
  transaction: Transaction<Database>,
  input: { ticketId: string; runId?: string | null; events: readonly AuditEventInput[] },
): Promise<NewAuditEventRow[]> {
  const firstSeq = await nextSeq(transaction, input.ticketId);
  return input.events.map((event, index) => ({
    ticket_id: input.ticketId,
    run_id: input.runId ?? null,
    seq: firstSeq + index,
    type: event.type,
    ts: event.ts,
    data: toJsonText(event.data),
  }));
}

/** A ticket's events in the order they were appended. */
export async function listAuditEvents(db: Executor, ticketId: string): Promise<StoredAuditEvent[]> {
  const rows = await db.selectFrom('audit_events').selectAll().where('ticket_id', '=', ticketId).orderBy('seq').execute();
  return rows.map(toStoredAuditEvent);
}

function toStoredAuditEvent(row: AuditEventRow): StoredAuditEvent {
  return {
    id: Number(row.id),
    ticketId: row.ticket_id,
    runId: row.run_id,
    seq: Number(row.seq),
    type: row.type,
    ts: row.ts,
    data: parseJsonText<unknown>(row.data, null),
  };
}
