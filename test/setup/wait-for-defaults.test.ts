import { describe, expect, it, vi } from 'vitest';

describe('vi.waitFor defaults (test/setup/wait-for-defaults.ts)', () => {
  it('waits past the library default of 1 s when no timeout is given', async () => {
    const start = Date.now();
    // Counts polls, not time: the condition turns true only after more polls than 1 s would allow.
    let polls = 0;
    await vi.waitFor(() => {
      polls += 1;
      if (Date.now() - start < 1_500) throw new Error('not yet');
    });
    expect(polls).toBeGreaterThan(1);
  });

  it('keeps an explicit timeout', async () => {
    await expect(vi.waitFor(() => { throw new Error('never'); }, { timeout: 100 })).rejects.toThrow('never');
  });
});
