/**
 * Stores for queue, worker and outbox tests: SQLite in a temporary file, PostgreSQL in a fresh
 * random schema (with a pg-boss schema of its own), both removed afterwards.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDatabase, type StoreHandle } from '../../../../src/service/store/database.js';
import type { DialectName } from '../../../../src/service/store/dialect.js';
import { migrateToLatest } from '../../../../src/service/store/migrations/migrator.js';

export const POSTGRES_URL =
  process.env.DATABASE_URL?.startsWith('postgres') === true
    ? process.env.DATABASE_URL
    : 'postgres://postgres@127.0.0.1:5432/test';

export interface TestStoreLocation {
  dialect: DialectName;
  /** What createDatabase / createTriageRuntime take. */
  databaseUrl: string;
  /** PostgreSQL only: the store's schema. */
  schema?: string;
  /** PostgreSQL only: a schema for pg-boss, so tests never share its tables. */
  bossSchema?: string;
  open(): Promise<StoreHandle>;
  openMigrated(): Promise<StoreHandle>;
  destroy(): Promise<void>;
}

export function createTestStoreLocation(dialect: DialectName): TestStoreLocation {
  if (dialect === 'sqlite') {
    const directory = mkdtempSync(path.join(tmpdir(), 'queue-test-'));
    const databaseUrl = `sqlite:${path.join(directory, 'triage.db')}`;
    return {
      dialect,
      databaseUrl,
      open: () => createDatabase(databaseUrl),
      openMigrated: () => openMigrated(() => createDatabase(databaseUrl)),
      destroy: async () => rmSync(directory, { recursive: true, force: true }),
    };
  }
  const suffix = randomBytes(6).toString('hex');
  const schema = `queue_test_${suffix}`;
  const bossSchema = `boss_test_${suffix}`;
  return {
    dialect,
    databaseUrl: POSTGRES_URL,
    schema,
    bossSchema,
    open: () => createDatabase(POSTGRES_URL, { schema }),
    openMigrated: () => openMigrated(() => createDatabase(POSTGRES_URL, { schema })),
    destroy: () => dropSchemas([schema, bossSchema]),
  };
}

async function openMigrated(open: () => Promise<StoreHandle>): Promise<StoreHandle> {
  const handle = await open();
  await migrateToLatest(handle.db);
  return handle;
}

export async function dropSchemas(schemas: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}
