/**
 * Canary reports: a row is claimed when a run starts (for a scheduled run, keyed by its slot so
 * only one process runs it), finished with its results and comparison, and may be adopted as the
 * baseline that later runs are compared with.
 */
import { randomUUID } from 'node:crypto';
import { fromDatabaseBoolean, nowTimestamp, onConflictDoNothing, parseJsonText, toDatabaseBoolean, toJsonText, toTimestamp } from '../dialect.js';
import { RecordNotFoundError, StoreError } from '../errors.js';
import type { CanaryReportRow, CanaryReportStatus } from '../tables/canary-reports.js';
import type { Executor } from './with-transaction.js';

export interface CanaryReportHeader {
  id: string;
  slot: string | null;
  status: CanaryReportStatus;
  startedAt: string;
  finishedAt: string | null;
  setPath: string;
  setHash: string | null;
  modelId: string | null;
  baselineId: string | null;
  regression: boolean;
  adoptedAt: string | null;
  error: string | null;
  /** The eval summary, once finished. */
  summary: unknown;
}

export interface CanaryReport extends CanaryReportHeader {
  results: unknown;
  comparison: unknown;
}

export interface FinishedCanaryRun {
  setHash: string;
  modelId: string;
  summary: unknown;
  results: unknown;
  comparison: unknown;
  baselineId: string | null;
  regression: boolean;
}

/**
 * Starts a report. With a slot, only the first caller for that slot gets a row; the others get
 * null and must not run.
 */
export async function claimCanaryReport(db: Executor, input: { setPath: string; slot?: Date | string; startedAt?: Date }): Promise<CanaryReportHeader | null> {
  const row = await onConflictDoNothing(
    db.insertInto('canary_reports').values({
      id: randomUUID(),
      slot: input.slot === undefined ? null : toTimestamp(input.slot, 'slot'),
      status: 'running',
      started_at: input.startedAt ? input.startedAt.toISOString() : nowTimestamp(),
      set_path: input.setPath,
      regression: toDatabaseBoolean(false),
    }),
  )
    .returningAll()
    .executeTakeFirst();
  return row ? toHeader(row) : null;
}

export async function finishCanaryReport(db: Executor, id: string, run: FinishedCanaryRun, finishedAt: Date = new Date()): Promise<CanaryReport> {
  const row = await db
    .updateTable('canary_reports')
    .set({
      status: 'finished',
      finished_at: finishedAt.toISOString(),
      set_hash: run.setHash,
      model_id: run.modelId,
      summary: toJsonText(run.summary),
      results: toJsonText(run.results),
      comparison: run.comparison === undefined ? null : toJsonText(run.comparison),
      baseline_id: run.baselineId,
      regression: toDatabaseBoolean(run.regression),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new RecordNotFoundError(`canary report ${id} does not exist`);
  return toReport(row);
}

export async function failCanaryReport(db: Executor, id: string, error: string, finishedAt: Date = new Date()): Promise<void> {
  await db.updateTable('canary_reports').set({ status: 'failed', finished_at: finishedAt.toISOString(), error }).where('id', '=', id).execute();
}

export async function getCanaryReport(db: Executor, id: string): Promise<CanaryReport | null> {
  const row = await db.selectFrom('canary_reports').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toReport(row) : null;
}

/** Newest first, without the per-line results. */
export async function listCanaryReports(db: Executor, limit = 20): Promise<CanaryReportHeader[]> {
  const rows = await db
    .selectFrom('canary_reports')
    .selectAll()
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toHeader);
}

export async function latestFinishedCanaryReport(db: Executor): Promise<CanaryReport | null> {
  const row = await db
    .selectFrom('canary_reports')
    .selectAll()
    .where('status', '=', 'finished')
    .orderBy('finished_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toReport(row) : null;
}

/** The baseline: the report adopted last. */
export async function adoptedCanaryBaseline(db: Executor): Promise<CanaryReport | null> {
  const row = await db
    .selectFrom('canary_reports')
    .selectAll()
    .where('adopted_at', 'is not', null)
    .orderBy('adopted_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toReport(row) : null;
}

/** Makes a finished report the baseline. */
export async function adoptCanaryReport(db: Executor, id: string, adoptedAt: Date = new Date()): Promise<CanaryReportHeader> {
  const existing = await db.selectFrom('canary_reports').select(['id', 'status']).where('id', '=', id).executeTakeFirst();
  if (!existing) throw new RecordNotFoundError(`canary report ${id} does not exist`);
  if (existing.status !== 'finished') throw new StoreError(`canary report ${id} is ${existing.status}: only a finished report can be the baseline`);
  const row = await db.updateTable('canary_reports').set({ adopted_at: adoptedAt.toISOString() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  return toHeader(row);
}

function toHeader(row: CanaryReportRow): CanaryReportHeader {
  return {
    id: row.id,
    slot: row.slot,
    status: row.status,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    setPath: row.set_path,
    setHash: row.set_hash,
    modelId: row.model_id,
    baselineId: row.baseline_id,
    regression: fromDatabaseBoolean(Number(row.regression)),
    adoptedAt: row.adopted_at,
    error: row.error,
    summary: parseJsonText<unknown>(row.summary, null),
  };
}

function toReport(row: CanaryReportRow): CanaryReport {
  return { ...toHeader(row), results: parseJsonText<unknown>(row.results, null), comparison: parseJsonText<unknown>(row.comparison, null) };
}
