import type { Insertable, Selectable, Updateable } from 'kysely';

/** `delivery_failed`: the decided reply or note could not be delivered to the helpdesk (see the outbox entry's last_error). */
export type TicketStatus = 'queued' | 'running' | 'sent' | 'drafted' | 'failed' | 'delivery_failed';

export interface TicketsTable {
  id: string;
  source: string;
  external_id: string | null;
  customer_email: string;
  subject: string | null;
  body: string;
  /** ISO-8601 UTC text, as every timestamp in the store. */
  received_at: string;
  status: TicketStatus;
  created_at: string;
  updated_at: string;
}

export type TicketRow = Selectable<TicketsTable>;
export type NewTicketRow = Insertable<TicketsTable>;
export type TicketRowUpdate = Updateable<TicketsTable>;
