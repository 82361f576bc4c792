/**
 * Smoke test of bench/cli-startup.ts with one run per case, so the benchmark cannot rot: every
 * command exits 0 and reports its CPU time. No speed is asserted.
 */
import { describe, expect, it } from 'vitest';
import { formatStartupReport, runCliStartupBench, STARTUP_CASES, type StartupCaseName } from '../../bench/cli-startup.js';

describe('CLI start-up bench', () => {
  it('runs every case and reports wall and CPU time for each', async () => {
    const cases = Object.keys(STARTUP_CASES) as StartupCaseName[];
    const report = await runCliStartupBench({ runs: 1, cases });
    expect(report.results.map((result) => result.case)).toEqual(cases);
    for (const result of report.results) {
      expect(result.runs).toBe(1);
      expect(result.medianWallMs).toBeGreaterThan(0);
      expect(result.medianCpuMs).toBeGreaterThan(0);
    }
    expect(formatStartupReport(report).split('\n')).toHaveLength(2 + cases.length);
  }, 300_000);
});
