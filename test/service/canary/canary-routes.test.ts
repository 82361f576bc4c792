/** The canary over HTTP (reports, adopt) and in /metrics, through inject(). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type TriageApp } from '../../../src/service/app.js';
import { runCanary } from '../../../src/service/canary/run-canary.js';
import { silentLogger } from '../../../src/service/queue/logger.js';
import { createTestServices, TEST_REVIEWER_TOKEN, type TestServices } from '../support/test-services.js';
import { regressingRuntime, writeCanarySet } from './canary-fixtures.js';

const auth = { authorization: `Bearer ${TEST_REVIEWER_TOKEN}` };

function sample(metrics: string, name: string): string | undefined {
  return metrics.split('\n').find((line) => line.startsWith(`${name} `) || line.startsWith(`${name}{`));
}

describe('the canary API and metrics', () => {
  let folder: string;
  let services: TestServices;
  let app: TriageApp;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'canary-routes-'));
    services = await createTestServices({ environment: { CANARY_SET: writeCanarySet(folder) } });
    app = await buildApp(services);
  });
  afterAll(async () => {
    await app.close();
    await services.cleanup();
    rmSync(folder, { recursive: true, force: true });
  });

  const run = (candidate = false) =>
    runCanary({
      config: services.config,
      db: services.runtime.store.db,
      logger: silentLogger,
      ...(candidate ? { openRuntime: regressingRuntime(services.config) } : {}),
    });

  it('metrics show 0 (never) before the first run, then the last run', async () => {
    const before = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(sample(before, 'triage_canary_last_run_timestamp_seconds')).toBe('triage_canary_last_run_timestamp_seconds 0');
    expect(sample(before, 'triage_canary_agreement_ratio')).toBeUndefined();

    const baseline = await run();
    const afterBaseline = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(sample(afterBaseline, 'triage_canary_last_run_regressions')).toBe('triage_canary_last_run_regressions 0');
    expect(sample(afterBaseline, 'triage_canary_agreement_ratio')).toBe('triage_canary_agreement_ratio{field="intent"} 1');
    expect(afterBaseline).toContain('triage_canary_agreement_ratio{field="decision"} 1');
    expect(afterBaseline).toContain('triage_canary_agreement_ratio{field="tags"} 1');
    const finishedAt = baseline.status === 'finished' ? Date.parse(baseline.report.finishedAt!) / 1000 : NaN;
    expect(sample(afterBaseline, 'triage_canary_last_run_timestamp_seconds')).toBe(`triage_canary_last_run_timestamp_seconds ${finishedAt}`);

    await run(true);
    const afterCandidate = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(sample(afterCandidate, 'triage_canary_last_run_regressions')).not.toBe('triage_canary_last_run_regressions 0');
    expect(afterCandidate).toContain('triage_canary_agreement_ratio{field="decision"} 0.5');
  });

  it('lists reports with the baseline, shows one with what changed, and adopts another', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/canary/reports', headers: auth });
    expect(list.statusCode).toBe(200);
    const { reports, baselineId } = list.json();
    expect(reports).toHaveLength(2);
    const [latest, first] = reports;
    expect(baselineId).toBe(first.id);
    expect(latest).toMatchObject({ regression: true, baselineId: first.id, status: 'finished' });
    expect(latest.results).toBeUndefined();

    const detail = (await app.inject({ method: 'GET', url: `/api/canary/reports/${latest.id}`, headers: auth })).json();
    expect(detail.results.map((result: { id: string }) => result.id)).toEqual(['pw', 'cancel']);
    expect(detail.comparison.changes.find((change: { id: string }) => change.id === 'pw')).toMatchObject({ decision: { before: 'sent', after: 'drafted' } });

    const adopt = await app.inject({ method: 'POST', url: '/api/canary/adopt', headers: auth, payload: { reportId: latest.id } });
    expect(adopt.statusCode).toBe(200);
    expect(adopt.json().reportId).toBe(latest.id);
    expect((await app.inject({ method: 'GET', url: '/api/canary/reports', headers: auth })).json().baselineId).toBe(latest.id);
    // Without a report id, the latest finished report is adopted.
    const third = await run();
    const adoptLatest = await app.inject({ method: 'POST', url: '/api/canary/adopt', headers: auth, payload: {} });
    expect(adoptLatest.json().reportId).toBe(third.status === 'finished' ? third.report.id : 'none');
  });

  it('refuses without the token, an unknown report, and a bad body', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/canary/reports' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/canary/reports/nope', headers: auth })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: '/api/canary/adopt', headers: auth, payload: { reportId: 'nope' } })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: '/api/canary/adopt', headers: auth, payload: { colour: 'red' } })).statusCode).toBe(400);
  });
});
