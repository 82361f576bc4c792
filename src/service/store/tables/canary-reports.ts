import type { Insertable, Selectable, Updateable } from 'kysely';

export type CanaryReportStatus = 'running' | 'finished' | 'failed';

/** One run of the eval canary: what ran, its results and how it compares with the baseline. */
export interface CanaryReportsTable {
  id: string;
  /** The scheduled time this run is for (unique: one process per slot); null for a run by hand. */
  slot: string | null;
  status: CanaryReportStatus;
  started_at: string;
  finished_at: string | null;
  set_path: string;
  /** sha256 of the eval set's bytes. */
  set_hash: string | null;
  model_id: string | null;
  /** JSON text: EvalSummary. */
  summary: string | null;
  /** JSON text: EvalResult[]. */
  results: string | null;
  /** JSON text: BaselineComparison, when there was a baseline to compare with. */
  comparison: string | null;
  baseline_id: string | null;
  /** 0 or 1: decisions or tags regressed against the baseline. */
  regression: number;
  /** When this report became the baseline; the latest adopted one is the baseline. */
  adopted_at: string | null;
  error: string | null;
}

export type CanaryReportRow = Selectable<CanaryReportsTable>;
export type NewCanaryReportRow = Insertable<CanaryReportsTable>;
export type CanaryReportRowUpdate = Updateable<CanaryReportsTable>;
