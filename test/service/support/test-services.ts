/**
 * A real service stack for tests: SQLite in a temp folder (or PostgreSQL in a fresh schema), the
 * local model, the embedded CRM, the jobs-table queue, and whatever connectors a test passes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { loadConfig } from '../../../src/service/config.js';
import { TEST_OUTBOX_KEY } from './test-outbox-key.js';
import type { Connectors } from '../../../src/service/connectors/index.js';
import { createMetrics } from '../../../src/service/metrics.js';
import { createSqliteQueue } from '../../../src/service/queue/sqlite-queue.js';
import type { JobQueue } from '../../../src/service/queue/job-queue.js';
import type { ServiceContext } from '../../../src/service/service-context.js';
import { createTriageRuntime, type RuntimeOverrides } from '../../../src/service/triage-runtime.js';

export const TEST_REVIEWER_TOKEN = 'test-reviewer-token-0123456789';

export function postgresUrl(): string {
  const url = process.env.DATABASE_URL;
  return url && url.startsWith('postgres') ? url : 'postgres://postgres@127.0.0.1:5432/test';
}

export interface TestServices extends ServiceContext {
  cleanup(): Promise<void>;
}

export async function createTestServices(
  options: { connectors?: Connectors; environment?: NodeJS.ProcessEnv; dialect?: 'sqlite' | 'postgres'; overrides?: RuntimeOverrides; queue?: JobQueue } = {},
): Promise<TestServices> {
  const folder = mkdtempSync(join(tmpdir(), 'triage-test-'));
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const databaseUrl = options.dialect === 'postgres' ? postgresUrl() : `sqlite:${join(folder, 'triage.db')}`;
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    REVIEWER_TOKEN: TEST_REVIEWER_TOKEN,
    // PostgreSQL requires a shared outbox key; SQLite generates a key file beside the database.
    ...(options.dialect === 'postgres' ? { OUTBOX_ENCRYPTION_KEY: TEST_OUTBOX_KEY } : {}),
    ...options.environment,
  });
  const runtime = await createTriageRuntime(config, { schema: options.dialect === 'postgres' ? schema : undefined, ...options.overrides });
  const queue =
    options.queue ??
    createSqliteQueue({
      db: runtime.store.db,
      onFailed: async () => undefined,
    });
  return {
    config,
    runtime,
    queue,
    connectors: options.connectors ?? {},
    metrics: createMetrics({ defaultMetrics: false }),
    logger: pino({ level: 'silent' }),
    reviewerToken: TEST_REVIEWER_TOKEN,
    async cleanup() {
      await queue.stop({ timeoutMs: 1000 }).catch(() => undefined);
      if (options.dialect === 'postgres') {
        const { sql } = await import('kysely');
        await sql.raw(`drop schema if exists "${schema}" cascade`).execute(runtime.store.db).catch(() => undefined);
      }
      await runtime.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
