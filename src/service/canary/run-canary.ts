/**
 * One canary run, scheduled or by hand: claim the report row (for a scheduled slot, only one
 * process gets it), triage the eval set in an isolated in-memory store with the adopted model,
 * compare with the baseline, store the report, adopt it when there is no baseline yet, and alert
 * when decisions or tags regress.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { Config } from '../config.js';
import { InputError } from '../errors.js';
import { PROJECT_ROOT } from '../paths.js';
import type { Logger } from '../queue/logger.js';
import {
  adoptCanaryReport,
  adoptedCanaryBaseline,
  claimCanaryReport,
  failCanaryReport,
  finishCanaryReport,
  type CanaryReport,
} from '../store/repositories/canary-report-repository.js';
import type { Executor } from '../store/repositories/with-transaction.js';
import { createTriageRuntime, type TriageRuntime } from '../triage-runtime.js';
import { compareWithBaseline, toBaselineReport, type BaselineComparison } from './baseline.js';
import type { CanaryAlert } from './canary-alert.js';
import type { EvalReport } from './eval-report.js';
import { parseEvalSet, type EvalLine } from './eval-set.js';
import { modelIdentity } from './model-identity.js';
import { runEval } from './run-eval.js';

export interface CanaryRunnerOptions {
  config: Config;
  /** The main store, where reports live. */
  db: Executor;
  logger: Logger;
  alert?: CanaryAlert;
  /** The runtime the set is triaged with; default: the configured parts over an in-memory store. */
  openRuntime?: () => Promise<TriageRuntime>;
  now?: () => Date;
}

export type CanaryRunOutcome =
  | { status: 'skipped'; slot: string }
  | { status: 'finished'; report: CanaryReport; regressions: string[]; adopted: boolean }
  | { status: 'failed'; reportId: string; error: string };

/** Relative to the current directory, else to the project (the default set ships with it). */
export function resolveCanarySet(path: string): string {
  if (isAbsolute(path)) return path;
  const fromHere = resolve(path);
  return existsSync(fromHere) ? fromHere : resolve(PROJECT_ROOT, path);
}

/** What the canary alerts on: lines whose decision or tags now miss expectations, and new sends. */
export function regressedLines(comparison: BaselineComparison): string[] {
  return [...new Set([...comparison.decisionOrTagRegressions, ...comparison.newSends])];
}

async function evaluate(openRuntime: () => Promise<TriageRuntime>, lines: EvalLine[]): Promise<{ report: EvalReport; modelId: string }> {
  const runtime = await openRuntime();
  try {
    return { report: await runEval(runtime, lines), modelId: modelIdentity(runtime) };
  } finally {
    await runtime.close();
  }
}

export async function runCanary(options: CanaryRunnerOptions, run: { slot?: Date; setPath?: string } = {}): Promise<CanaryRunOutcome> {
  const now = options.now ?? (() => new Date());
  const setPath = run.setPath ?? options.config.CANARY_SET;
  const claimed = await claimCanaryReport(options.db, { setPath, slot: run.slot, startedAt: now() });
  if (!claimed) return { status: 'skipped', slot: run.slot?.toISOString() ?? '' };
  const fields = { reportId: claimed.id, slot: claimed.slot, setPath };
  try {
    let content: string;
    try {
      content = readFileSync(resolveCanarySet(setPath), 'utf8');
    } catch (error) {
      throw new InputError(`cannot read the canary set ${setPath} (CANARY_SET): ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    const { lines, warnings } = parseEvalSet(content, setPath);
    for (const warning of warnings) options.logger.warn(fields, warning);
    const evaluated = await evaluate(options.openRuntime ?? (() => createTriageRuntime(options.config, { databaseUrl: 'sqlite::memory:' })), lines);
    const baseline = await adoptedCanaryBaseline(options.db);
    const comparison = baseline ? compareWithBaseline(evaluated.report, toBaselineReport(baseline, `canary report ${baseline.id}`)) : undefined;
    const regressions = comparison ? regressedLines(comparison) : [];
    let report = await finishCanaryReport(
      options.db,
      claimed.id,
      {
        setHash: createHash('sha256').update(content).digest('hex'),
        modelId: evaluated.modelId,
        summary: evaluated.report.summary,
        results: evaluated.report.results,
        comparison,
        baselineId: baseline?.id ?? null,
        regression: regressions.length > 0,
      },
      now(),
    );
    // With nothing to compare with, the first report is the baseline: later runs show what changed.
    const adopted = baseline === null;
    if (adopted) report = { ...report, ...(await adoptCanaryReport(options.db, report.id, now())) };
    options.logger.info({ ...fields, modelId: evaluated.modelId, regressions: regressions.length, adopted }, 'canary run finished');
    if (comparison && baseline && regressions.length > 0) {
      await options.alert?.({ reportId: report.id, baselineId: baseline.id, modelId: evaluated.modelId, setPath, lines: regressions, comparison });
    }
    return { status: 'finished', report, regressions, adopted };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await failCanaryReport(options.db, claimed.id, message, now());
    options.logger.error({ ...fields, error: message }, 'canary run failed');
    return { status: 'failed', reportId: claimed.id, error: message };
  }
}
