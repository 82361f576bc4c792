import type { Insertable, Selectable, Updateable } from 'kysely';

/** `delivery_failed`: the decided reply or note could not be delivered to the helpdesk (see the outbox entry's last_error). */
export type TicketStatus = 'queued' | 'running' | 'sent' | 'drafted' | 'noted' | 'failed' | 'delivery_failed';

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
  /** JSON text: what the worker fetches from the helpdesk before triage; null when nothing. */
  pending_enrichment: string | null;
  /** The helpdesk conversation a public reply goes to, when it is not the ticket itself (HubSpot). */
  thread_id: string | null;
}

export type TicketRow = Selectable<TicketsTable>;
export type NewTicketRow = Insertable<TicketsTable>;
export type TicketRowUpdate = Updateable<TicketsTable>;
