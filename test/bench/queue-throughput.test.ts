/**
 * Smoke test of bench/queue-throughput.ts with a few tickets per case, so the benchmark cannot
 * rot: every case drains, and its own check (one decision and one outbox row per ticket, every
 * reply delivered once) passes. No speed is asserted.
 */
import { describe, expect, it } from 'vitest';
import { formatQueueReport, QUEUE_CASES, type QueueCaseName, runQueueThroughputBench } from '../../bench/queue-throughput.js';
import { postgresUrl } from '../service/support/test-services.js';

describe('queue throughput bench', () => {
  it('drains every case, in-process and in worker processes, with exactly one decision and one delivered outbox row per ticket', async () => {
    const cases = Object.keys(QUEUE_CASES) as QueueCaseName[];
    const report = await runQueueThroughputBench({ tickets: 12, cases, postgresUrl: postgresUrl() });
    expect(report.results.map((result) => result.case)).toEqual(cases);
    for (const result of report.results) {
      expect(result.check).toEqual({ decisions: 12, outboxRows: 12, ticketsWithOneOfEach: 12, outboxDelivered: 12, helpdeskCreated: 12, ok: true });
      expect(result.sent + result.drafted).toBe(12);
      expect(result.drainSeconds).toBeGreaterThan(0);
      expect(result.deliveredSeconds).toBeGreaterThanOrEqual(result.drainSeconds - 0.05);
      expect(result.ticketsPerSecond).toBeGreaterThan(0);
    }
    expect(formatQueueReport(report).split('\n')).toHaveLength(2 + cases.length);
  }, 300_000);
});
