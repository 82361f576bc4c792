/**
 * The console's canary view in Debian's chromium against the real service: the last reports with
 * their agreement and regression, what a report changed, and adopting it as the baseline.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type TriageApp } from '../../../src/service/app.js';
import { runCanary } from '../../../src/service/canary/run-canary.js';
import { silentLogger } from '../../../src/service/queue/logger.js';
import { regressingRuntime, writeCanarySet } from '../canary/canary-fixtures.js';
import { createTestServices, TEST_REVIEWER_TOKEN, type TestServices } from '../support/test-services.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

describe.skipIf(!existsSync(CHROMIUM))('the canary view in a browser', () => {
  let folder: string;
  let services: TestServices;
  let app: TriageApp;
  let baseUrl: string;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const reportIds: { baseline: string; candidate: string } = { baseline: '', candidate: '' };

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'canary-console-'));
    services = await createTestServices({ environment: { CANARY_SET: writeCanarySet(folder) } });
    app = await buildApp(services);
    await app.listen({ host: '127.0.0.1', port: 0 });
    baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const runner = { config: services.config, db: services.runtime.store.db, logger: silentLogger };
    const baseline = await runCanary(runner);
    const candidate = await runCanary({ ...runner, openRuntime: regressingRuntime(services.config) });
    if (baseline.status !== 'finished' || candidate.status !== 'finished') throw new Error('the canary runs did not finish');
    reportIds.baseline = baseline.report.id;
    reportIds.candidate = candidate.report.id;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await services?.cleanup();
    rmSync(folder, { recursive: true, force: true });
  });

  it('shows the reports, what the regressed one changed, and adopts it as the baseline', async () => {
    await page.goto(`${baseUrl}/#token=${encodeURIComponent(TEST_REVIEWER_TOKEN)}`);
    await page.locator('#app-nav').waitFor();
    await page.locator('#app-nav a[data-route="canary"]').click();
    const candidateRow = page.locator(`#canary-reports tr[data-report-id="${reportIds.candidate}"]`);
    const baselineRow = page.locator(`#canary-reports tr[data-report-id="${reportIds.baseline}"]`);
    await candidateRow.waitFor();
    expect(await page.locator('#canary-reports tbody tr').count()).toBe(2);
    expect(await candidateRow.textContent()).toContain('regressed');
    expect(await candidateRow.textContent()).toContain('50%');
    expect(await baselineRow.textContent()).toContain('baseline');

    await candidateRow.getByRole('button', { name: 'What changed' }).click();
    await page.locator('#canary-changes').waitFor();
    expect(await page.locator('#canary-changes').textContent()).toMatch(/pw: decision sent → drafted/);

    await page.locator('#adopt-report').click();
    await page.waitForFunction((id) => {
      const row = (globalThis as unknown as { document: { querySelector(selector: string): { textContent: string | null } | null } }).document.querySelector(
        `#canary-reports tr[data-report-id="${id}"]`,
      );
      return row?.textContent?.includes('baseline') ?? false;
    }, reportIds.candidate);
    const list = await app.inject({ method: 'GET', url: '/api/canary/reports', headers: { authorization: `Bearer ${TEST_REVIEWER_TOKEN}` } });
    expect(list.json().baselineId).toBe(reportIds.candidate);
    expect(pageErrors).toEqual([]);
  });
});
