import type { Insertable, Selectable, Updateable } from 'kysely';

export type JobStatus = 'pending' | 'active' | 'completed' | 'failed';

/**
 * The SQLite job queue's table. One row per (queue, ticket): a unique index that only covers
 * non-final rows is not portable, so a retry resets the existing row instead of adding one.
 */
export interface JobsTable {
  id: string;
  queue: string;
  ticket_id: string;
  /** JSON text. */
  payload: string;
  status: JobStatus;
  attempts: number;
  max_attempts: number;
  run_after: string;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export type JobRow = Selectable<JobsTable>;
export type NewJobRow = Insertable<JobsTable>;
export type JobRowUpdate = Updateable<JobsTable>;
