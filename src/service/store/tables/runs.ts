import type { Insertable, Selectable, Updateable } from 'kysely';

/** `released`: stopped from outside before a decision (shutdown, lease or expiry); the job runs again. */
export type RunStatus = 'running' | 'succeeded' | 'failed' | 'released';

export interface RunsTable {
  id: string;
  ticket_id: string;
  attempt: number;
  status: RunStatus;
  model: string;
  started_at: string;
  finished_at: string | null;
  error: string | null;
}

export type RunRow = Selectable<RunsTable>;
export type NewRunRow = Insertable<RunsTable>;
export type RunRowUpdate = Updateable<RunsTable>;
