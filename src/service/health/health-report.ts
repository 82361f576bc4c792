/**
 * What GET /healthz answers: the store reachable, the queue running, and its backlog within the
 * configured thresholds. Each check is bounded by a deadline, so a store that hangs makes the
 * answer a 503 naming it rather than a request that never returns. `failing` names every check
 * that did not pass, in a fixed order, for a load balancer's log or a human.
 */
import type { JobQueue, QueueHealth } from '../queue/job-queue.js';
import { errorMessage } from '../queue/job-queue.js';
import type { CheckResult, StoreProbe } from './store-probe.js';
import { withDeadline } from './with-deadline.js';

export type HealthCheckName = 'store' | 'queue' | 'queue-depth' | 'queue-age';

export interface HealthThresholds {
  /** More waiting jobs than this fails `queue-depth`; 0 turns the check off. */
  maxQueueDepth: number;
  /** An oldest waiting job older than this fails `queue-age`; 0 turns the check off. */
  maxJobAgeSeconds: number;
  timeoutMs: number;
}

export interface HealthReport {
  ok: boolean;
  failing: HealthCheckName[];
  store: CheckResult;
  queue: QueueHealth;
}

export async function buildHealthReport(probe: StoreProbe, queue: JobQueue, thresholds: HealthThresholds): Promise<HealthReport> {
  const [store, queueHealth] = await Promise.all([
    probe.check(thresholds.timeoutMs),
    withDeadline(queue.health(), thresholds.timeoutMs, `the queue did not answer within ${thresholds.timeoutMs} ms`).catch(
      (error: unknown): QueueHealth => ({ ok: false, detail: errorMessage(error), pending: 0, active: 0 }),
    ),
  ]);
  const failing: HealthCheckName[] = [];
  if (!store.ok) failing.push('store');
  if (!queueHealth.ok) failing.push('queue');
  if (thresholds.maxQueueDepth > 0 && queueHealth.pending > thresholds.maxQueueDepth) failing.push('queue-depth');
  const age = queueHealth.oldestPendingSeconds ?? 0;
  if (thresholds.maxJobAgeSeconds > 0 && age > thresholds.maxJobAgeSeconds) failing.push('queue-age');
  return { ok: failing.length === 0, failing, store, queue: queueHealth };
}
