import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface AuditEventsTable {
  id: Generated<number>;
  ticket_id: string;
  run_id: string | null;
  /** Position of the event within its ticket, from 1, continuing across runs. */
  seq: number;
  type: string;
  ts: string;
  /** JSON text. */
  data: string;
}

export type AuditEventRow = Selectable<AuditEventsTable>;
export type NewAuditEventRow = Insertable<AuditEventsTable>;
export type AuditEventRowUpdate = Updateable<AuditEventsTable>;
