/** Human-readable eval reports and baseline comparisons, for `triage eval` and `triage canary`. */
import type { BaselineComparison } from '../service/canary/baseline.js';
import type { EvalReport } from '../service/canary/eval-report.js';

const percent = (value: number | null) => (value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`);

export function formatReport(report: EvalReport): string {
  const { summary } = report;
  const lines = [
    `Eval: ${summary.total} tickets, ${summary.sent} sent, ${summary.drafted} drafted, ${summary.errors} invalid`,
    `  intent accuracy    ${percent(summary.intent.accuracy)} (${summary.intent.correct}/${summary.intent.labelled})`,
    `  decision accuracy  ${percent(summary.decision.accuracy)} (${summary.decision.correct}/${summary.decision.labelled})`,
    `  tag accuracy       ${percent(summary.tags.accuracy)} (${summary.tags.correct}/${summary.tags.labelled})`,
    `  time per ticket    ${summary.msPerTicket.toFixed(2)} ms`,
  ];
  const failing = report.results.filter((result) => result.failed?.length);
  if (failing.length) {
    lines.push('', 'Not as expected:');
    for (const result of failing.slice(0, 50)) lines.push(`  ${result.id}: ${result.failed?.join('; ')}`);
    if (failing.length > 50) lines.push(`  ... and ${failing.length - 50} more`);
  }
  return `${lines.join('\n')}\n`;
}

export function formatComparison(comparison: BaselineComparison): string {
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
