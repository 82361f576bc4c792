import { readFileSync } from 'node:fs';
import cliProgress from 'cli-progress';
import { InputError } from '../service/errors.js';
import {
  compareWithBaseline,
  parseBaseline,
  parseEvalSet,
  runEval,
  type BaselineComparison,
  type EvalReport,
} from '../service/eval-canary.js';
import type { TriageRuntime } from '../service/triage-runtime.js';
import type { CliIo } from './run-cli.js';

type WithRuntime = <T>(fn: (runtime: TriageRuntime) => Promise<T>, databaseUrl?: string) => Promise<T>;

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

function threshold(value: string | boolean | undefined, name: string, integer: boolean): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0 || (integer && !Number.isInteger(number))) {
    throw new InputError(`${name} must be a ${integer ? 'whole ' : ''}number >= 0, got "${String(value)}"`);
  }
  return number;
}

function formatReport(report: EvalReport): string {
  const { summary } = report;
  const pct = (value: number | null) => (value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`);
  const lines = [
    `Eval: ${summary.total} tickets, ${summary.sent} sent, ${summary.drafted} drafted, ${summary.errors} invalid`,
    `  intent accuracy    ${pct(summary.intent.accuracy)} (${summary.intent.correct}/${summary.intent.labelled})`,
    `  decision accuracy  ${pct(summary.decision.accuracy)} (${summary.decision.correct}/${summary.decision.labelled})`,
    `  tag accuracy       ${pct(summary.tags.accuracy)} (${summary.tags.correct}/${summary.tags.labelled})`,
    `  time per ticket    ${summary.msPerTicket.toFixed(2)} ms`,
  ];
  const failing = report.results.filter((result) => result.failed?.length || result.error);
  if (failing.length) {
    lines.push('', 'Not as expected:');
    for (const result of failing.slice(0, 50)) lines.push(`  ${result.id}: ${result.error ?? result.failed?.join('; ')}`);
    if (failing.length > 50) lines.push(`  ... and ${failing.length - 50} more`);
  }
  return `${lines.join('\n')}\n`;
}

function formatComparison(comparison: BaselineComparison): string {
  const lines = [`Compared with the baseline: ${comparison.changes.length} line(s) changed`];
  for (const change of comparison.changes.slice(0, 50)) {
    const parts: string[] = [];
    if (change.decision) parts.push(`decision ${change.decision.before} -> ${change.decision.after}`);
    if (change.intent) parts.push(`intent ${change.intent.before} -> ${change.intent.after}`);
    if (change.tags) parts.push(`tags [${change.tags.before}] -> [${change.tags.after}]`);
    if (change.replyDiff) parts.push('reply changed');
    lines.push(`  ${change.id}: ${parts.join(', ')}`);
    for (const diffLine of change.replyDiff?.slice(0, 12) ?? []) lines.push(`      ${diffLine}`);
  }
  if (comparison.missing.length) lines.push(`  missing from this run: ${comparison.missing.join(', ')}`);
  if (comparison.exceeded.length) lines.push('REGRESSION:', ...comparison.exceeded.map((reason) => `  - ${reason}`));
  return `${lines.join('\n')}\n`;
}

export async function runEvalCommand(io: CliIo, options: Record<string, string | boolean | undefined>, withRuntime: WithRuntime): Promise<number> {
  const setPath = String(options.set);
  const lines = parseEvalSet(readText(setPath, 'eval set'), setPath);
  const thresholds = {
    maxRegressions: threshold(options.maxRegressions, '--max-regressions', true),
    maxNewSends: threshold(options.maxNewSends, '--max-new-sends', true),
    maxAccuracyDrop: threshold(options.maxAccuracyDrop, '--max-accuracy-drop', false),
  };
  const baseline = options.baseline ? parseBaseline(readText(String(options.baseline), 'baseline'), String(options.baseline)) : undefined;

  const bar = io.stderrIsTty && lines.length > 20 ? new cliProgress.SingleBar({ stream: process.stderr, clearOnComplete: true }, cliProgress.Presets.shades_classic) : undefined;
  bar?.start(lines.length, 0);
  const report = await withRuntime(
    (runtime) => runEval(runtime, lines, { onProgress: (done) => bar?.update(done) }),
    options.store ? undefined : 'sqlite::memory:',
  ).finally(() => bar?.stop());

  const comparison = baseline ? compareWithBaseline(report, baseline, thresholds) : undefined;
  if (options.json) io.stdout(`${JSON.stringify(comparison ? { ...report, comparison } : report, null, 2)}\n`);
  else io.stdout(formatReport(report) + (comparison ? `\n${formatComparison(comparison)}` : ''));
  if (comparison?.exceeded.length) {
    io.stderr(`triage: eval regression: ${comparison.exceeded.join('; ')}\n`);
    return 1;
  }
  return 0;
}
