/**
 * The note the canary posts when decisions or tags regress: always logged at error level, and
 * posted as `{text}` (Slack's incoming-webhook shape, which many chat tools accept) when
 * CANARY_ALERT_URL is set. A failed post is logged, never thrown: the report is stored either way.
 */
import type { Logger } from '../queue/logger.js';
import type { BaselineComparison } from './baseline.js';

export interface CanaryRegression {
  reportId: string;
  baselineId: string;
  modelId: string;
  setPath: string;
  /** Lines whose decision or tags now miss their expectations, and lines now sent that were drafted. */
  lines: string[];
  comparison: BaselineComparison;
}

export type CanaryAlert = (regression: CanaryRegression) => Promise<void>;

export function describeRegression(regression: CanaryRegression): string {
  const changed = new Map(regression.comparison.changes.map((change) => [change.id, change]));
  const details = regression.lines.slice(0, 10).map((id) => {
    const change = changed.get(id);
    const parts: string[] = [];
    if (change?.decision) parts.push(`decision ${change.decision.before} -> ${change.decision.after}`);
    if (change?.tags) parts.push(`tags [${change.tags.before.join(', ')}] -> [${change.tags.after.join(', ')}]`);
    return `- ${id}: ${parts.join(', ') || 'no longer as expected'}`;
  });
  const more = regression.lines.length > 10 ? [`- ... and ${regression.lines.length - 10} more`] : [];
  return [
    `Triage canary: decisions or tags regressed on ${regression.lines.length} line(s) of ${regression.setPath} against baseline ${regression.baselineId}`,
    `(report ${regression.reportId}, model ${regression.modelId}).`,
    ...details,
    ...more,
    'If the change is intended, adopt the report as the new baseline: triage canary adopt ' + regression.reportId,
  ].join('\n');
}

export function createCanaryAlert(options: { url?: string; logger: Logger; fetch?: typeof fetch; timeoutMs?: number }): CanaryAlert {
  const post = options.fetch ?? globalThis.fetch;
  return async (regression) => {
    const text = describeRegression(regression);
    options.logger.error({ reportId: regression.reportId, baselineId: regression.baselineId, lines: regression.lines }, text);
    if (!options.url) return;
    try {
      const response = await post(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      if (!response.ok) options.logger.warn({ status: response.status }, 'the canary alert was not accepted by CANARY_ALERT_URL');
    } catch (error) {
      options.logger.warn({ error: error instanceof Error ? error.message : String(error) }, 'the canary alert could not be posted to CANARY_ALERT_URL');
    }
  };
}
