/**
 * Every store test runs once per dialect: SQLite in a temporary file and PostgreSQL in a fresh
 * random schema of the test database, dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { createDatabase, type StoreHandle } from '../../../src/service/store/database.js';
import type { DialectName } from '../../../src/service/store/dialect.js';
import { migrateToLatest } from '../../../src/service/store/migrations/migrator.js';

export const POSTGRES_URL =
  process.env.DATABASE_URL?.startsWith('postgres') === true
    ? process.env.DATABASE_URL
    : 'postgres://postgres@127.0.0.1:5432/test';

/** A place for one store: a temp file or a random schema, each opened any number of times. */
export interface StoreLocation {
  dialect: DialectName;
  open(): Promise<StoreHandle>;
  /** Removes the file or drops the schema. */
  destroy(): Promise<void>;
}

export interface StoreDialect {
  name: DialectName;
  createLocation(): StoreLocation;
}

export const storeDialects: StoreDialect[] = [
  {
    name: 'sqlite',
    createLocation() {
      const directory = mkdtempSync(path.join(tmpdir(), 'store-test-'));
      // A nested folder that does not exist yet: createDatabase must create it.
      const url = `sqlite:${path.join(directory, 'nested', 'triage.db')}`;
      return {
        dialect: 'sqlite',
        open: () => createDatabase(url),
        destroy: async () => rmSync(directory, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'postgres',
    createLocation() {
      const schema = randomSchemaName();
      return {
        dialect: 'postgres',
        open: () => createDatabase(POSTGRES_URL, { schema }),
        destroy: () => dropSchema(schema),
      };
    },
  },
];

export function randomSchemaName(): string {
  return `store_test_${randomBytes(6).toString('hex')}`;
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}

/**
 * Opens and migrates a store for the enclosing describe block and removes it afterwards. Read
 * `.handle` inside tests (it is set in beforeAll).
 */
export function useMigratedStore(dialect: StoreDialect): { readonly handle: StoreHandle } {
  let location: StoreLocation | undefined;
  let handle: StoreHandle | undefined;
  beforeAll(async () => {
    location = dialect.createLocation();
    handle = await location.open();
    await migrateToLatest(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
    await location?.destroy();
  });
  return {
    get handle(): StoreHandle {
      if (!handle) throw new Error('the store is opened in beforeAll');
      return handle;
    },
  };
}
