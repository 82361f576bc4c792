/**
 * Prometheus metrics of one service instance. A registry per instance (not prom-client's global one)
 * so tests can build several apps in one process.
 */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { TriageDecision } from '../triage/types.js';

export interface TriageMetrics {
  readonly registry: Registry;
  received: Counter<'provider'>;
  duplicate: Counter<'provider'>;
  rejected: Counter<'provider' | 'code'>;
  processed: Counter<'decision'>;
  sent: Counter;
  drafted: Counter;
  failed: Counter;
  acceptSeconds: Histogram<'provider'>;
  triageSeconds: Histogram<'decision'>;
  /** Outbox entries given up after their last attempt (or a non-retryable error), by kind. */
  outboxDeliveriesFailed: Counter<'kind'>;
  /** Outbox entries by state, read from the store at each scrape (so it survives restarts). */
  /** Records one finished triage: the worker and the CLI call it. */
  observeOutcome(decision: TriageDecision, seconds: number): void;
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): TriageMetrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  const counter = <L extends string>(name: string, help: string, labelNames: L[] = []) =>
    new Counter<L>({ name, help, labelNames, registers: [registry] });
  const metrics: TriageMetrics = {
    registry,
    received: counter('triage_tickets_received_total', 'Webhook tickets accepted and queued', ['provider']),
    duplicate: counter('triage_tickets_duplicate_total', 'Webhook deliveries recognised as duplicates', ['provider']),
    rejected: counter('triage_webhooks_rejected_total', 'Webhook requests refused', ['provider', 'code']),
    processed: counter('triage_tickets_processed_total', 'Tickets triaged to a decision', ['decision']),
    sent: counter('triage_tickets_sent_total', 'Tickets answered automatically'),
    drafted: counter('triage_tickets_drafted_total', 'Tickets left as a draft for a human'),
    failed: counter('triage_tickets_failed_total', 'Triage attempts that failed'),
    acceptSeconds: new Histogram({
      name: 'triage_webhook_accept_seconds',
      help: 'Time to verify, store and enqueue a webhook',
      labelNames: ['provider'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers: [registry],
    }),
    triageSeconds: new Histogram({
      name: 'triage_duration_seconds',
      help: 'Time to triage one ticket',
      labelNames: ['decision'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    outboxDeliveriesFailed: counter('triage_outbox_deliveries_failed_total', 'Outbox entries given up: the reply or note was not delivered', ['kind']),
    observeOutcome(decision, seconds) {
      metrics.processed.inc({ decision });
      (decision === 'sent' ? metrics.sent : metrics.drafted).inc();
      metrics.triageSeconds.observe({ decision }, seconds);
    },
  };
  return metrics;
}
