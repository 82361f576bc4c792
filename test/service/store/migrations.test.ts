import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase, type StoreHandle } from '../../../src/service/store/database.js';
import { migrateToLatest, migrations } from '../../../src/service/store/migrations/migrator.js';
import { dropSchema, POSTGRES_URL, randomSchemaName, storeDialects } from './store-dialects.js';

const ALL_MIGRATIONS = Object.keys(migrations).sort();
const TABLES = [
  'audit_events',
  'customers',
  'decision_tags',
  'decisions',
  'jobs',
  'orders',
  'outbox',
  'runs',
  'tickets',
  'webhook_deliveries',
];

describe.each(storeDialects)('migrations on $name', (dialect) => {
  it('migrate an empty store to the latest schema, and a second run is a no-op', async () => {
    const location = dialect.createLocation();
    const handle = await location.open();
    try {
      const first = await migrateToLatest(handle.db);
      expect(first.executed).toEqual(ALL_MIGRATIONS);
      const names = await tableNames(handle);
      for (const table of TABLES) expect(names).toContain(table);

      const second = await migrateToLatest(handle.db);
      expect(second.executed).toEqual([]);
    } finally {
      await handle.close();
      await location.destroy();
    }
  });

  it('a reopened store finds its migrations already run', async () => {
    const location = dialect.createLocation();
    try {
      const first = await location.open();
      await migrateToLatest(first.db);
      await first.close();
      const again = await location.open();
      try {
        expect((await migrateToLatest(again.db)).executed).toEqual([]);
      } finally {
        await again.close();
      }
    } finally {
      await location.destroy();
    }
  });

  it('two stores opened at the same moment on one database run each migration once', async () => {
    if (dialect.name === 'sqlite') {
      // better-sqlite3 is synchronous: two handles in one process would block each other's
      // event loop, so the SQLite case runs as separate processes (see the next describe).
      return;
    }
    const location = dialect.createLocation();
    const handles = await Promise.all([location.open(), location.open(), location.open()]);
    try {
      const summaries = await Promise.all(handles.map((handle) => migrateToLatest(handle.db)));
      const executed = summaries.flatMap((summary) => summary.executed).sort();
      expect(executed).toEqual(ALL_MIGRATIONS);
    } finally {
      await Promise.all(handles.map((handle) => handle.close()));
      await location.destroy();
    }
  });
});

describe('migrations on sqlite from several processes', () => {
  const directories: string[] = [];
  afterAll(() => {
    for (const directory of directories) rmSync(directory, { recursive: true, force: true });
  });

  it('three processes starting together on a new file run each migration once and all succeed', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'store-migrate-'));
    directories.push(directory);
    const url = `sqlite:${path.join(directory, 'triage.db')}`;
    const children = [0, 1, 2].map(() => startChild(url));
    await Promise.all(children.map((child) => child.ready));
    for (const child of children) child.process.stdin.write('go\n');
    const results = await Promise.all(children.map((child) => child.result));
    for (const result of results) expect(result.error).toBeUndefined();
    const executed = results.flatMap((result) => result.executed ?? []).sort();
    expect(executed).toEqual(ALL_MIGRATIONS);
  });
});

describe('migrations on postgres in separate schemas', () => {
  const schemas = [randomSchemaName(), randomSchemaName()];
  afterAll(async () => {
    for (const schema of schemas) await dropSchema(schema);
  });

  it('a schema gets its own migration table although another schema already has one', async () => {
    for (const schema of schemas) {
      const handle = await createDatabase(POSTGRES_URL, { schema });
      try {
        expect((await migrateToLatest(handle.db)).executed).toEqual(ALL_MIGRATIONS);
        const { rows } = await sql<{ schema: string }>`
          select table_schema as schema from information_schema.tables where table_name = 'kysely_migration'
        `.execute(handle.db);
        expect(rows.map((row) => row.schema)).toContain(schema);
      } finally {
        await handle.close();
      }
    }
  });
});

async function tableNames(handle: StoreHandle): Promise<string[]> {
  if (handle.dialect === 'sqlite') {
    const { rows } = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(handle.db);
    return rows.map((row) => row.name);
  }
  // current_schema(): only this store's tables, not those of other test schemas.
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables where table_schema = current_schema()
  `.execute(handle.db);
  return rows.map((row) => row.name);
}

interface ChildResult {
  executed?: string[];
  error?: string;
}

function startChild(url: string): {
  process: ChildProcessWithoutNullStreams;
  ready: Promise<void>;
  result: Promise<ChildResult>;
} {
  const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
  const script = fileURLToPath(new URL('./fixtures/migrate-child.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, url], { cwd: projectRoot });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const lines = createInterface({ input: child.stdout });
  let resolveReady!: () => void;
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  const result = new Promise<ChildResult>((resolve, reject) => {
    let last: ChildResult | undefined;
    lines.on('line', (line) => {
      if (line === 'ready') resolveReady();
      else if (line.startsWith('{')) last = JSON.parse(line) as ChildResult;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (last) resolve(last);
      else reject(new Error(`migrate-child exited with ${code} and no result: ${stderr}`));
    });
  });
  // A child that dies before saying ready must fail the test rather than hang it.
  result.catch(() => resolveReady());
  return { process: child, ready, result };
}
