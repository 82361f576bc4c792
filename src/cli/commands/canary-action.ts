/**
 * `triage canary run | list | adopt [reportId]`: the daily canary by hand. Reports are stored in
 * the main store, like the ones `triage serve` runs on its schedule.
 */
import { createCanaryAlert } from '../../service/canary/canary-alert.js';
import { runCanary } from '../../service/canary/run-canary.js';
import { InputError } from '../../service/errors.js';
import type { Logger } from '../../service/queue/logger.js';
import {
  adoptCanaryReport,
  adoptedCanaryBaseline,
  getCanaryReport,
  latestFinishedCanaryReport,
  listCanaryReports,
} from '../../service/store/repositories/canary-report-repository.js';
import { withCommandRuntime } from '../open-runtime.js';
import type { CliIo } from '../cli-io.js';

function stderrLogger(io: CliIo): Logger {
  return {
    info: () => undefined,
    warn: (_fields, message) => io.stderr(`triage: warning: ${message}\n`),
    error: (_fields, message) => io.stderr(`${message}\n`),
  };
}

/** Returns the exit code: 1 when decisions or tags regressed against the baseline, or the run failed. */
export async function runCanaryRunCommand(io: CliIo, options: { set?: string; json?: boolean }): Promise<number> {
  return withCommandRuntime(io, async (runtime, config) => {
    const logger = stderrLogger(io);
    const outcome = await runCanary(
      { config, db: runtime.store.db, logger, alert: createCanaryAlert({ url: config.CANARY_ALERT_URL, logger }) },
      options.set ? { setPath: options.set } : {},
    );
    if (outcome.status === 'failed') throw new InputError(`canary run ${outcome.reportId} failed: ${outcome.error}`);
    if (outcome.status === 'skipped') return 0;
    const { report, regressions, adopted } = outcome;
    if (options.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    else {
      io.stdout(`Canary report ${report.id} (model ${report.modelId})\n`);
      io.stdout(adopted ? 'No baseline yet: this report is now the baseline.\n' : `Compared with baseline ${report.baselineId}: ${regressions.length} line(s) regressed in decisions or tags.\n`);
    }
    return regressions.length > 0 ? 1 : 0;
  });
}

export async function runCanaryListCommand(io: CliIo, options: { limit?: string; json?: boolean }): Promise<void> {
  const limit = Number(options.limit ?? 10);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new InputError('--limit must be a whole number from 1 to 200');
  await withCommandRuntime(io, async (runtime) => {
    const [reports, baseline] = await Promise.all([listCanaryReports(runtime.store.db, limit), adoptedCanaryBaseline(runtime.store.db)]);
    if (options.json) {
      io.stdout(`${JSON.stringify({ baselineId: baseline?.id ?? null, reports }, null, 2)}\n`);
      return;
    }
    io.stdout(`${reports.length} canary report(s); baseline ${baseline?.id ?? '(none)'}\n`);
    for (const report of reports) {
      const flags = [report.id === baseline?.id ? 'baseline' : '', report.regression ? 'REGRESSION' : '', report.error ?? ''].filter(Boolean).join(' ');
      io.stdout(`  ${report.id}  ${report.startedAt}  ${report.status.padEnd(8)} ${report.modelId ?? ''}  ${flags}\n`);
    }
  });
}

export async function runCanaryAdoptCommand(io: CliIo, reportId: string | undefined): Promise<void> {
  await withCommandRuntime(io, async (runtime) => {
    const { db } = runtime.store;
    const target = reportId ? await getCanaryReport(db, reportId) : await latestFinishedCanaryReport(db);
    if (!target) throw new InputError(reportId ? `no canary report with id "${reportId}"` : 'no finished canary report to adopt', 'not_found');
    if (target.status !== 'finished') throw new InputError(`canary report ${target.id} is ${target.status}: only a finished report can be the baseline`);
    const adopted = await adoptCanaryReport(db, target.id);
    io.stdout(`canary report ${adopted.id} is now the baseline\n`);
  });
}
