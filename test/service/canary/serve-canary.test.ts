/** `triage serve` schedules the canary: on SQLite its timer runs the set at the cron slot. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../../src/service/config.js';
import { serve } from '../../../src/service/server.js';
import { ManualClock, writeCanarySet } from './canary-fixtures.js';

describe('triage serve and the canary', () => {
  it('runs the canary set at the CANARY_CRON slot and reports it in the API and /metrics', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'serve-canary-'));
    const token = 'serve-canary-token-0123456789';
    const config = loadConfig({
      DATABASE_URL: `sqlite:${join(folder, 'serve.db')}`,
      TRIAGE_THREADS: '0',
      REVIEWER_TOKEN: token,
      CANARY_SET: writeCanarySet(folder),
      CANARY_CRON: '30 6 * * *',
      LOG_LEVEL: 'silent',
    });
    const clock = new ManualClock(new Date('2026-12-03T06:29:00Z'));
    let stop: (() => void) | undefined;
    let served: Promise<void> | undefined;
    const address = await new Promise<string>((resolve) => {
      served = serve(config, {
        port: 0,
        canaryClock: clock,
        onListening: (listeningAt, stopServer) => {
          stop = stopServer;
          resolve(listeningAt);
        },
        worker: { signals: [], sweepIntervalMs: 0 },
      });
    });
    const reports = async () => {
      const response = await fetch(`${address}/api/canary/reports`, { headers: { authorization: `Bearer ${token}` } });
      return ((await response.json()) as { reports: { slot: string; status: string }[] }).reports;
    };
    try {
      expect(await reports()).toEqual([]);
      clock.advanceTo(new Date('2026-12-03T06:30:00Z'));
      await vi.waitFor(async () => expect(await reports()).toMatchObject([{ slot: '2026-12-03T06:30:00.000Z', status: 'finished' }]), { timeout: 20_000, interval: 100 });
      const metrics = await (await fetch(`${address}/metrics`)).text();
      expect(metrics).toMatch(/^triage_canary_last_run_timestamp_seconds [1-9]/m);
      expect(metrics).toMatch(/^triage_canary_last_run_regressions 0$/m);
    } finally {
      stop?.();
      await served;
      rmSync(folder, { recursive: true, force: true, maxRetries: 3 });
    }
  });
});
