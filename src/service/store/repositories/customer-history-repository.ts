/** A customer's other tickets, for the reviewer's customer panel. */
import type { Executor } from './with-transaction.js';

export interface EarlierTicket {
  id: string;
  source: string;
  subject: string | null;
  firstLine: string;
  receivedAt: string;
  status: string;
  decision: string | null;
}

/** The customer's tickets other than `exceptTicketId`, newest first. Emails compare case-insensitively. */
export async function listCustomerTickets(db: Executor, email: string, exceptTicketId: string, limit = 20): Promise<EarlierTicket[]> {
  const rows = await db
    .selectFrom('tickets')
    .leftJoin('decisions', 'decisions.ticket_id', 'tickets.id')
    .select(['tickets.id', 'tickets.source', 'tickets.subject', 'tickets.body', 'tickets.received_at', 'tickets.status', 'decisions.decision'])
    .where('tickets.customer_email', 'in', [...new Set([email, email.trim().toLowerCase()])])
    .where('tickets.id', '!=', exceptTicketId)
    .orderBy('tickets.received_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    source: row.source,
    subject: row.subject,
    firstLine: row.body.split('\n').find((line) => line.trim())?.trim().slice(0, 160) ?? '',
    receivedAt: row.received_at,
    status: row.status,
    decision: row.decision ?? null,
  }));
}
