import type { Insertable, Selectable } from 'kysely';

export interface TicketClaimsTable {
  ticket_id: string;
  reviewer: string;
  claimed_at: string;
}

export type TicketClaimRow = Selectable<TicketClaimsTable>;
export type NewTicketClaimRow = Insertable<TicketClaimsTable>;
