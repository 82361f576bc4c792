import { describe, expect, it } from 'vitest';
import { runSkillLoadBench } from '../../bench/skill-load.js';

describe('runSkillLoadBench', () => {
  it('loads the project skills through fresh managers and reports the cost per load', () => {
    const report = runSkillLoadBench({ loads: 5, warmup: 1 });
    expect(report.loads).toBe(5);
    expect(report.skills).toBeGreaterThan(0);
    expect(report.cpuMsPerLoad).toBeGreaterThanOrEqual(0);
    expect(report.wallMsPerLoad).toBeGreaterThan(0);
  });
});
