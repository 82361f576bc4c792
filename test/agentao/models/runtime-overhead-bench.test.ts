import { describe, expect, it } from 'vitest';
import { runRuntimeOverheadBench } from '../../../bench/runtime-overhead.js';

describe('runRuntimeOverheadBench', () => {
  it('runs every runtime through full two-step chats and reports comparable numbers', async () => {
    const report = await runRuntimeOverheadBench({ chats: 4, warmup: 1, rounds: 2 });

    expect(report.results.map((result) => result.name)).toEqual([
      'agentao (ours)',
      'OpenAI Agents SDK',
      'Vercel AI SDK',
      'raw fetch (HTTP floor)',
      'agentao (ours, Anthropic)',
      'raw fetch (Messages API floor)',
    ]);
    for (const result of report.results) {
      // Two model calls per chat: the tool call, then the answer built from the tool's result.
      expect(result.chats).toBe(4);
      expect(result.steps).toBe(8);
      expect(result.msPerStepByRound).toHaveLength(2);
      expect(result.msPerStep).toBeGreaterThan(0);
      expect(result.stepsPerSecond).toBeCloseTo(1000 / result.msPerStep, 6);
      expect(result.cpuMsPerStepByRound).toHaveLength(2);
      expect(result.cpuMsPerStep).toBeGreaterThan(0);
    }
    expect(report.results[0]?.ratioToOurs).toBe(1);
    // Each floor is the zero of CPU over the floor for its own wire format.
    const floors = report.results.filter((result) => result.name.startsWith('raw fetch'));
    expect(floors.map((result) => [result.wire, result.cpuOverFloorMsPerStep])).toEqual([
      ['chat-completions', 0],
      ['messages', 0],
    ]);
  });
});
