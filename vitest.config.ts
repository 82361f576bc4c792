import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores on CI: forks keep native modules (better-sqlite3) isolated per file.
    pool: 'forks',
    // vi.waitFor waits up to 20 s unless a test says otherwise (shared CI machines are busy).
    setupFiles: ['test/setup/wait-for-defaults.ts'],
  },
});
