/**
 * Backlog series for /metrics, read from the store at scrape time (so every process of a
 * deployment reports the same shared queue, and nothing has to be counted in memory):
 * triage_queue_depth, triage_queue_active, triage_queue_oldest_job_age_seconds and
 * triage_outbox_entries{status="pending"|"delivered"|"failed"|"rejected"}. A scrape while the store is down keeps the last
 * values and sets triage_backlog_scrape_ok to 0, so the scrape itself still answers (as does a
 * queue that is stopping: its own health is not ok).
 */
import { type Kysely } from 'kysely';
import { Gauge, type Registry } from 'prom-client';
import type { JobQueue } from '../queue/job-queue.js';
import type { Database } from '../store/database.js';
import type { OutboxStatus } from '../store/tables/outbox.js';
import { withDeadline } from './with-deadline.js';

/** Every outbox state, so a dashboard sees failures pile up against what was delivered. */
const WATCHED_OUTBOX_STATUSES = ['pending', 'delivered', 'failed', 'rejected'] as const satisfies readonly OutboxStatus[];

export interface BacklogSource {
  queue: JobQueue;
  db: Kysely<Database>;
  timeoutMs: number;
}

export function registerBacklogMetrics(registry: Registry, source: BacklogSource): void {
  // One registry per app; a second app on the same registry (tests) reuses the series.
  if (registry.getSingleMetric('triage_queue_depth')) return;
  // prom-client calls every gauge's collect() in the same tick of one scrape: one read serves all.
  let refreshing: Promise<void> | undefined;
  const collect = (): Promise<void> => {
    refreshing ??= refresh().finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  };
  const gauge = <L extends string>(name: string, help: string, labelNames: L[] = []) =>
    new Gauge<L>({ name, help, labelNames, registers: [registry], collect });
  const depth = gauge('triage_queue_depth', 'Triage jobs waiting to run, including those backing off before a retry');
  const active = gauge('triage_queue_active', 'Triage jobs running now, in any process');
  const oldest = gauge('triage_queue_oldest_job_age_seconds', 'Age of the oldest triage job waiting to run');
  const outbox = gauge('triage_outbox_entries', 'Outbox entries by delivery state', ['status']);
  const scrapeOk = gauge('triage_backlog_scrape_ok', '1 when the backlog series above were read from the store at this scrape');

  const refresh = async (): Promise<void> => {
    try {
      const [queueHealth, outboxCounts] = await withDeadline(
        Promise.all([source.queue.health(), countOutbox(source.db)]),
        source.timeoutMs,
        'the store did not answer',
      );
      // A queue that cannot be read reports zeros: keep the last values rather than show those.
      if (!queueHealth.ok) {
        scrapeOk.set(0);
        return;
      }
      depth.set(queueHealth.pending);
      active.set(queueHealth.active);
      oldest.set(queueHealth.oldestPendingSeconds ?? 0);
      for (const status of WATCHED_OUTBOX_STATUSES) outbox.set({ status }, outboxCounts.get(status) ?? 0);
      scrapeOk.set(1);
    } catch {
      scrapeOk.set(0);
    }
  };
}

async function countOutbox(db: Kysely<Database>): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('outbox')
    .select((expression) => ['status', expression.fn.countAll<number | string | bigint>().as('count')])
    .where('status', 'in', [...WATCHED_OUTBOX_STATUSES])
    .groupBy('status')
    .execute();
  return new Map(rows.map((row) => [row.status, Number(row.count)]));
}
