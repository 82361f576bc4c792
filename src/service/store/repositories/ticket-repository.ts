import type { Ticket } from '../../../triage/types.js';
import { dialectOf, lockForUpdate, nowTimestamp, onConflictDoNothing, parseJsonText, toJsonText, toTimestamp } from '../dialect.js';
import { RecordNotFoundError, StoreError } from '../errors.js';
import { prepareQuery } from '../prepared-query.js';
import type { TicketRow, TicketStatus } from '../tables/tickets.js';
import type { Executor } from './with-transaction.js';

export type { TicketStatus };

export interface StoredTicket extends Ticket {
  status: TicketStatus;
  /** What the worker fetches from the helpdesk before triage (see PendingEnrichment). */
  pendingEnrichment?: Readonly<Record<string, string>>;
  createdAt: string;
  updatedAt: string;
}

export interface InsertTicketResult {
  /** True for exactly one caller per ticket, however many insert it at the same time. */
  inserted: boolean;
  /** The stored ticket: the new one, or the one already there (which may have another id when it matched on source and external id). */
  ticket: StoredTicket;
}

/**
 * Stores a new ticket with status `queued`, or finds the one already stored under the same id or
 * the same (source, external id): helpdesks retry webhooks, and a retry must not triage twice.
 */
export async function insertTicketIfAbsent(
  db: Executor,
  ticket: Ticket,
  pendingEnrichment?: Readonly<Record<string, string>>,
): Promise<InsertTicketResult> {
  const now = nowTimestamp();
  const insertedRow = await onConflictDoNothing(
    db.insertInto('tickets').values({
      id: ticket.id,
      source: ticket.source,
      external_id: ticket.externalId ?? null,
      customer_email: ticket.customerEmail,
      subject: ticket.subject ?? null,
      body: ticket.body,
      received_at: toTimestamp(ticket.receivedAt, 'receivedAt'),
      status: 'queued',
      created_at: now,
      updated_at: now,
      pending_enrichment: pendingEnrichment === undefined ? null : toJsonText(pendingEnrichment),
      thread_id: ticket.threadId ?? null,
    }),
  )
    .returningAll()
    .executeTakeFirst();
  if (insertedRow) return { inserted: true, ticket: toStoredTicket(insertedRow) };

  const existing = await findConflictingTicket(db, ticket);
  if (!existing) {
    // Only possible if the conflicting row was deleted between the two statements.
    throw new StoreError(`ticket ${ticket.id} conflicted with a row that no longer exists; retry`);
  }
  return { inserted: false, ticket: toStoredTicket(existing) };
}

async function findConflictingTicket(db: Executor, ticket: Ticket): Promise<TicketRow | undefined> {
  const byId = await db.selectFrom('tickets').selectAll().where('id', '=', ticket.id).executeTakeFirst();
  if (byId || ticket.externalId === undefined) return byId;
  return db
    .selectFrom('tickets')
    .selectAll()
    .where('source', '=', ticket.source)
    .where('external_id', '=', ticket.externalId)
    .executeTakeFirst();
}

export async function getTicket(db: Executor, id: string): Promise<StoredTicket | null> {
  const row = await db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toStoredTicket(row) : null;
}

const selectTicketForUpdate = prepareQuery<[id: string], TicketRow & { decided: number | boolean }>((db, slot) =>
  lockForUpdate(
    db
      .selectFrom('tickets')
      .selectAll('tickets')
      .select((expression) =>
        expression.exists(expression.selectFrom('decisions').select('decisions.ticket_id').whereRef('decisions.ticket_id', '=', 'tickets.id')).as('decided'),
      )
      .where('tickets.id', '=', slot<string>(0)),
    dialectOf(db),
  ),
);

/**
 * The ticket, its row locked for the rest of the transaction (PostgreSQL; see lockForUpdate), and
 * whether it has a decision: one statement where a worker would otherwise need two.
 */
export async function getTicketForUpdate(db: Executor, id: string): Promise<{ ticket: StoredTicket; decided: boolean } | null> {
  const [row] = (await selectTicketForUpdate.execute(db, [id])).rows;
  if (!row) return null;
  const { decided, ...ticket } = row;
  return { ticket: toStoredTicket(ticket), decided: decided === true || decided === 1 };
}

/**
 * Stores what the worker fetched for a ticket and clears its pending enrichment, so the helpdesk
 * is asked once per ticket however often its job runs.
 */
export async function completeTicketEnrichment(
  db: Executor,
  ticket: Pick<Ticket, 'id' | 'customerEmail' | 'subject' | 'body' | 'threadId'>,
): Promise<StoredTicket> {
  const row = await db
    .updateTable('tickets')
    .set({
      customer_email: ticket.customerEmail,
      subject: ticket.subject ?? null,
      body: ticket.body,
      pending_enrichment: null,
      thread_id: ticket.threadId ?? null,
      updated_at: nowTimestamp(),
    })
    .where('id', '=', ticket.id)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new RecordNotFoundError(`ticket ${ticket.id} does not exist`);
  return toStoredTicket(row);
}

const updateTicketStatus = prepareQuery<[status: TicketStatus, updatedAt: string, id: string], TicketRow>((db, slot) =>
  db.updateTable('tickets').set({ status: slot(0), updated_at: slot(1) }).where('id', '=', slot<string>(2)).returningAll(),
);

export async function setTicketStatus(db: Executor, id: string, status: TicketStatus): Promise<StoredTicket> {
  const [row] = (await updateTicketStatus.execute(db, [status, nowTimestamp(), id])).rows;
  if (!row) throw new RecordNotFoundError(`ticket ${id} does not exist`);
  return toStoredTicket(row);
}

/** Locks a ticket's row for the rest of the transaction; throws when the ticket does not exist. */
export async function lockTicket(db: Executor, ticketId: string): Promise<void> {
  const ticket = await lockForUpdate(db.selectFrom('tickets').select('id').where('id', '=', ticketId), dialectOf(db))
    .executeTakeFirst();
  if (!ticket) throw new RecordNotFoundError(`ticket ${ticketId} does not exist`);
}

export interface WebhookDelivery {
  provider: string;
  deliveryId: string;
  ticketId: string;
}

/** Returns true the first time a provider's delivery id is seen, false for every redelivery. */
export async function recordWebhookDelivery(db: Executor, delivery: WebhookDelivery): Promise<boolean> {
  const row = await onConflictDoNothing(
    db.insertInto('webhook_deliveries').values({
      provider: delivery.provider,
      delivery_id: delivery.deliveryId,
      ticket_id: delivery.ticketId,
      received_at: nowTimestamp(),
    }),
  )
    .returning('delivery_id')
    .executeTakeFirst();
  return row !== undefined;
}

export function toStoredTicket(row: TicketRow): StoredTicket {
  return {
    id: row.id,
    source: row.source as Ticket['source'],
    ...(row.external_id !== null ? { externalId: row.external_id } : {}),
    ...(row.thread_id ? { threadId: row.thread_id } : {}),
    customerEmail: row.customer_email,
    ...(row.subject !== null ? { subject: row.subject } : {}),
    body: row.body,
    receivedAt: row.received_at,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.pending_enrichment ? { pendingEnrichment: parseJsonText<Record<string, string>>(row.pending_enrichment, {}) } : {}),
  };
}
