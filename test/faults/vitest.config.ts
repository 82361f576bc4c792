import { defineConfig } from 'vitest/config';

// The fault-injection suite: minutes of real processes under faults, kept out of `npm test`
// (docs/reliability.md). One file, its scenarios in order, nothing else running beside them.
export default defineConfig({
  test: {
    include: ['test/faults/**/*.fault.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
