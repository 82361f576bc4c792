/**
 * The canary in /metrics: read from the stored reports at scrape time, so every instance behind a
 * load balancer reports the same last run, whichever process ran it.
 */
import { Gauge, type Registry } from 'prom-client';
import { z } from 'zod';
import { latestFinishedCanaryReport } from '../store/repositories/canary-report-repository.js';
import type { Executor } from '../store/repositories/with-transaction.js';

const storedSummary = z.object({
  intent: z.object({ accuracy: z.number().nullable() }),
  decision: z.object({ accuracy: z.number().nullable() }),
  tags: z.object({ accuracy: z.number().nullable() }),
});
const storedComparison = z.object({ decisionOrTagRegressions: z.array(z.string()), newSends: z.array(z.string()) });

const AGREEMENT_FIELDS = ['intent', 'decision', 'tags'] as const;

export function registerCanaryMetrics(registry: Registry, db: Executor): void {
  // buildApp may run more than once on one registry (tests); a metric is registered once.
  if (registry.getSingleMetric('triage_canary_last_run_timestamp_seconds')) return;
  const latestReport = () => latestFinishedCanaryReport(db);
  new Gauge({
    name: 'triage_canary_last_run_timestamp_seconds',
    help: 'When the last finished canary run finished (Unix time; 0: never)',
    registers: [registry],
    async collect() {
      const report = await latestReport();
      if (report?.finishedAt) this.set(Date.parse(report.finishedAt) / 1000);
    },
  });
  new Gauge({
    name: 'triage_canary_last_run_regressions',
    help: 'Lines whose decision or tags regressed against the baseline in the last canary run (0 when it was the baseline)',
    registers: [registry],
    async collect() {
      const report = await latestReport();
      if (!report) return;
      const comparison = storedComparison.safeParse(report.comparison);
      this.set(comparison.success ? new Set([...comparison.data.decisionOrTagRegressions, ...comparison.data.newSends]).size : 0);
    },
  });
  new Gauge({
    name: 'triage_canary_agreement_ratio',
    help: 'Share of the last canary run\'s labelled lines whose result agreed with the expectation, per field',
    labelNames: ['field'],
    registers: [registry],
    async collect() {
      // A field the last run had no labelled lines for must not keep an older run's value.
      this.reset();
      const report = await latestReport();
      const summary = storedSummary.safeParse(report?.summary);
      if (!summary.success) return;
      for (const field of AGREEMENT_FIELDS) {
        const accuracy = summary.data[field].accuracy;
        if (accuracy !== null) this.set({ field }, accuracy);
      }
    },
  });
}
