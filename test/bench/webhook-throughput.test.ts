/**
 * Smoke test of bench/webhook-throughput.ts with tiny numbers, so the benchmark cannot rot: every
 * case answers, every request of ours is stored with its job, and the report has its shape. No
 * speed is asserted.
 */
import { describe, expect, it } from 'vitest';
import { formatWebhookReport, runWebhookThroughputBench, signedWebhook } from '../../bench/webhook-throughput.js';
import { postgresUrl } from '../service/support/test-services.js';

describe('webhook throughput bench', () => {
  it('runs bare Fastify and our app on SQLite and PostgreSQL, and checks the store afterwards', async () => {
    const report = await runWebhookThroughputBench({ durationSeconds: 1, warmupSeconds: 0, connections: 2, postgresUrl: postgresUrl() });
    expect(report.results.map((result) => result.case)).toEqual(['bare', 'sqlite', 'sqlite-full', 'postgres']);
    for (const result of report.results) {
      expect(result.requests).toBeGreaterThan(0);
      expect(result.non2xx + result.errors + result.timeouts).toBe(0);
      expect(result.queued).toBe(result.requests);
      expect(result.requestsPerSecond).toBeGreaterThan(0);
      expect(result.latencyP99Ms).toBeGreaterThanOrEqual(result.latencyP50Ms);
      expect(result.ratioToBare).toBeGreaterThan(0);
      expect(result.cpuMsPerRequest).toBeGreaterThan(0);
      if (result.case === 'bare') {
        expect(result.stored).toBeNull();
      } else {
        // Every 202 was a stored ticket with its job (a request cut off by the end may add one more).
        expect(result.stored!.tickets).toBeGreaterThanOrEqual(result.queued);
        expect(result.stored!.jobs).toBe(result.stored!.tickets);
      }
    }
    expect(report.results[0]!.ratioToBare).toBe(1);
    expect(formatWebhookReport(report).split('\n')).toHaveLength(2 + report.results.length);
    // Four servers started, loaded and checked: minutes on a busy shared box, so the bound is loose.
  }, 240_000);

  it('measures accept while a backlog drains, on the main thread and on triage threads', async () => {
    const report = await runWebhookThroughputBench({
      cases: ['draining', 'draining-threads'],
      durationSeconds: 1,
      warmupSeconds: 0,
      connections: 2,
      backlog: 20,
      threads: 1,
    });
    expect(report.results.map((result) => [result.case, result.drain?.threads])).toEqual([
      ['draining', 0],
      ['draining-threads', 1],
    ]);
    for (const result of report.results) {
      expect(result.requests).toBeGreaterThan(0);
      expect(result.non2xx + result.errors + result.timeouts).toBe(0);
      expect(result.stored!.jobs).toBe(result.stored!.tickets);
      // The backlog plus what was accepted: nothing was lost while the workers ran.
      expect(result.stored!.tickets).toBeGreaterThanOrEqual(20 + result.queued);
      expect(result.drain!.backlog).toBe(20);
      expect(result.drain!.decided).toBeLessThanOrEqual(20);
    }
    expect(formatWebhookReport(report).split('\n')).toHaveLength(2 + report.results.length);
  }, 240_000);

  it('signs each body with its own HMAC', () => {
    const first = signedWebhook('a');
    const second = signedWebhook('b');
    expect(first.headers['x-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(first.headers['x-signature']).not.toBe(second.headers['x-signature']);
    expect(JSON.parse(first.body)).toMatchObject({ id: 'a', customer_email: 'ada@example.com' });
  });
});
