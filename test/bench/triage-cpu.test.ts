import { describe, expect, it } from 'vitest';
import { runTriageCpuBench } from '../../bench/triage-cpu.js';

describe('runTriageCpuBench', () => {
  it('triages a few eval tickets after a warm-up and reports the CPU per ticket, first sight and seen again', async () => {
    const result = await runTriageCpuBench({ limit: 3, passes: 2, log: () => undefined });
    expect(result.tickets).toBe(3);
    expect(result.firstSight.cpuMsPerTicket).toBeGreaterThan(0);
    expect(result.seenAgain?.wallMsPerTicket).toBeGreaterThan(0);
  });
});
