/**
 * The daily canary on SQLite: a timer driven by an injected clock (never by waiting), one run per
 * slot across processes, the first report adopted as baseline, and an alert when decisions or
 * tags regress.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCanaryAlert } from '../../../src/service/canary/canary-alert.js';
import { startCanarySchedule } from '../../../src/service/canary/canary-schedule.js';
import { runCanary } from '../../../src/service/canary/run-canary.js';
import { MAX_TIMER_WAIT_MS, startTimerSchedule } from '../../../src/service/canary/timer-schedule.js';
import { loadConfig, type Config } from '../../../src/service/config.js';
import type { Logger } from '../../../src/service/queue/logger.js';
import { createDatabase, type StoreHandle } from '../../../src/service/store/database.js';
import { migrateToLatest } from '../../../src/service/store/migrations/migrator.js';
import { adoptedCanaryBaseline, listCanaryReports } from '../../../src/service/store/repositories/canary-report-repository.js';
import { ManualClock, regressingRuntime, writeCanarySet } from './canary-fixtures.js';

function recordingLogger() {
  const lines: { level: string; message: string }[] = [];
  const logger: Logger = {
    info: (_fields, message) => lines.push({ level: 'info', message }),
    warn: (_fields, message) => lines.push({ level: 'warn', message }),
    error: (_fields, message) => lines.push({ level: 'error', message }),
  };
  return { logger, lines };
}

describe('the canary on SQLite', () => {
  let folder: string;
  let config: Config;
  let store: StoreHandle;

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'canary-'));
    config = loadConfig({ DATABASE_URL: `sqlite:${join(folder, 'triage.db')}`, CANARY_SET: writeCanarySet(folder), CANARY_CRON: '0 6 * * *' });
    store = await createDatabase(config.DATABASE_URL);
    await migrateToLatest(store.db);
  });
  afterEach(async () => {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('runs the set at each cron slot of the injected clock; the first report becomes the baseline', async () => {
    const clock = new ManualClock(new Date('2026-12-03T05:59:00Z'));
    const { logger } = recordingLogger();
    const schedule = await startCanarySchedule({ config, store, logger, clock });
    try {
      expect(schedule?.nextRun?.toISOString()).toBe('2026-12-03T06:00:00.000Z');
      clock.advanceTo(new Date('2026-12-03T05:59:59Z'));
      expect(await listCanaryReports(store.db)).toEqual([]);

      clock.advanceTo(new Date('2026-12-03T06:00:00Z'));
      await vi.waitFor(async () => expect((await listCanaryReports(store.db)).map((report) => report.status)).toEqual(['finished']), { timeout: 20_000 });
      const [first] = await listCanaryReports(store.db);
      expect(first).toMatchObject({ slot: '2026-12-03T06:00:00.000Z', regression: false, baselineId: null, setPath: config.CANARY_SET });
      expect(first?.modelId).toMatch(/^local\/.+ classifier:[0-9a-f]{12}$/);
      expect(first?.setHash).toMatch(/^[0-9a-f]{64}$/);
      expect((await adoptedCanaryBaseline(store.db))?.id).toBe(first?.id);
      await vi.waitFor(() => expect(schedule?.nextRun?.toISOString()).toBe('2026-12-04T06:00:00.000Z'), { timeout: 20_000 });

      clock.advanceTo(new Date('2026-12-04T06:00:00Z'));
      await vi.waitFor(async () => expect(await listCanaryReports(store.db)).toHaveLength(2), { timeout: 20_000 });
      await vi.waitFor(async () => expect((await listCanaryReports(store.db))[0]?.status).toBe('finished'), { timeout: 20_000 });
      const [second] = await listCanaryReports(store.db);
      expect(second).toMatchObject({ slot: '2026-12-04T06:00:00.000Z', baselineId: first?.id, regression: false, adoptedAt: null });
    } finally {
      await schedule?.stop();
    }
    expect(schedule?.nextRun).toBeUndefined();
  });

  it('two processes on one store run a slot once', async () => {
    const clock = new ManualClock(new Date('2026-12-03T05:59:00Z'));
    const other = await createDatabase(config.DATABASE_URL);
    const runs: string[] = [];
    const runner = (db: StoreHandle['db']) => async (slot: Date) => {
      const outcome = await runCanary({ config, db, logger: recordingLogger().logger }, { slot });
      runs.push(outcome.status);
    };
    const schedules = [
      startTimerSchedule({ cron: config.CANARY_CRON, run: runner(store.db), clock, logger: recordingLogger().logger }),
      startTimerSchedule({ cron: config.CANARY_CRON, run: runner(other.db), clock, logger: recordingLogger().logger }),
    ];
    try {
      clock.advanceTo(new Date('2026-12-03T06:00:00Z'));
      await vi.waitFor(() => expect(runs.sort()).toEqual(['finished', 'skipped']), { timeout: 20_000 });
      expect(await listCanaryReports(store.db)).toHaveLength(1);
    } finally {
      await Promise.all(schedules.map((schedule) => schedule.stop()));
      await other.close();
    }
  });

  it('after a long sleep runs only the latest missed slot, and never waits longer than an hour at once', async () => {
    const clock = new ManualClock(new Date('2026-12-03T07:00:00Z'));
    const slots: string[] = [];
    const schedule = startTimerSchedule({
      cron: '0 6 * * *',
      run: async (slot) => slots.push(slot.toISOString()),
      clock,
      logger: recordingLogger().logger,
    });
    try {
      // The timer re-reads the clock at least hourly, so a jump of three days is noticed within an hour.
      expect(clock.pendingTimers).toBe(1);
      clock.advanceTo(new Date(clock.now() + MAX_TIMER_WAIT_MS - 1));
      expect(slots).toEqual([]);
      clock.jumpTo(new Date('2026-12-06T06:30:00Z'));
      await vi.waitFor(() => expect(slots).toEqual(['2026-12-06T06:00:00.000Z']), { timeout: 20_000 });
    } finally {
      await schedule.stop();
    }
  });

  it('CANARY_CRON=off schedules nothing', async () => {
    const off = loadConfig({ DATABASE_URL: config.DATABASE_URL, CANARY_CRON: 'off' });
    expect(await startCanarySchedule({ config: off, store, logger: recordingLogger().logger })).toBeUndefined();
    expect(() => loadConfig({ CANARY_CRON: 'every morning' })).toThrow(/CANARY_CRON: not a cron expression/);
  });

  it('a regression of decisions or tags is stored, logged at error level and posted as {text}', async () => {
    const { logger, lines } = recordingLogger();
    const posts: { url: string; body: unknown }[] = [];
    const fetchStub = (async (url: string | URL | Request, init?: RequestInit) => {
      posts.push({ url: String(url), body: JSON.parse(String(init?.body)) });
      return new Response('ok', { status: 200 });
    }) as typeof fetch;
    const alert = createCanaryAlert({ url: 'http://alerts.example/hook', logger, fetch: fetchStub });

    const baseline = await runCanary({ config, db: store.db, logger, alert });
    expect(baseline).toMatchObject({ status: 'finished', adopted: true, regressions: [] });
    expect(posts).toEqual([]);

    const candidate = await runCanary({ config, db: store.db, logger, alert, openRuntime: regressingRuntime(config) });
    expect(candidate.status).toBe('finished');
    if (candidate.status !== 'finished') return;
    expect(candidate.regressions).toContain('pw');
    expect(candidate.report).toMatchObject({ regression: true, adoptedAt: null });
    expect(candidate.report.baselineId).toBe(baseline.status === 'finished' ? baseline.report.id : 'none');
    expect(lines.filter((line) => line.level === 'error').map((line) => line.message).join('\n')).toMatch(/decisions or tags regressed on \d+ line\(s\)/);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.url).toBe('http://alerts.example/hook');
    expect(Object.keys(posts[0]?.body as object)).toEqual(['text']);
    expect((posts[0]?.body as { text: string }).text).toMatch(/- pw: decision sent -> drafted/);
    // Not adopted: the baseline stays until someone adopts the new report.
    expect((await adoptedCanaryBaseline(store.db))?.id).toBe(baseline.status === 'finished' ? baseline.report.id : 'none');
  });

  it('a post that fails is logged and the report is still stored', async () => {
    const { logger, lines } = recordingLogger();
    const failing = (async () => {
      throw new Error('connection refused');
    }) as typeof fetch;
    const alert = createCanaryAlert({ url: 'http://alerts.example/hook', logger, fetch: failing });
    await runCanary({ config, db: store.db, logger, alert });
    const outcome = await runCanary({ config, db: store.db, logger, alert, openRuntime: regressingRuntime(config) });
    expect(outcome).toMatchObject({ status: 'finished', report: { regression: true } });
    expect(lines.some((line) => line.level === 'warn' && /could not be posted/.test(line.message))).toBe(true);
  });

  it('a set that cannot be read fails the run, recorded with its reason', async () => {
    const { logger } = recordingLogger();
    const outcome = await runCanary({ config, db: store.db, logger }, { setPath: join(folder, 'missing.jsonl') });
    expect(outcome).toMatchObject({ status: 'failed', error: expect.stringMatching(/cannot read the canary set .*ENOENT/) });
    expect((await listCanaryReports(store.db))[0]).toMatchObject({ status: 'failed', error: expect.stringMatching(/ENOENT/) });
    expect(await adoptedCanaryBaseline(store.db)).toBeNull();
  });
});
