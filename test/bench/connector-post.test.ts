import { describe, expect, it } from 'vitest';
import { runConnectorPostBench } from '../../bench/connector-post.js';

describe('runConnectorPostBench', () => {
  it('posts through both transports in alternating rounds and reports the cost per post', async () => {
    const report = await runConnectorPostBench({ posts: 5, rounds: 2, warmup: 1 });
    expect(report.results.map((result) => `${result.round}:${result.transport}`)).toEqual(['1:request', '1:fetch', '2:request', '2:fetch']);
    for (const result of report.results) {
      expect(result.cpuMsPerPost).toBeGreaterThan(0);
      expect(result.wallMsPerPost).toBeGreaterThan(0);
    }
  });
});
