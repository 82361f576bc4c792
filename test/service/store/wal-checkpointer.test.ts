/**
 * WAL checkpoints on a thread of their own (src/service/store/wal-checkpointer.ts): the thread moves
 * the WAL's frames into the database file while the main connection never checkpoints inside its
 * commits, and a store opened for a long-running process sets that up.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDatabase } from '../../../src/service/store/database.js';
import { BACKSTOP_AUTOCHECKPOINT_PAGES, type CheckpointResult, startWalCheckpointer } from '../../../src/service/store/wal-checkpointer.js';

describe('the WAL checkpointer thread', () => {
  let folder: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'wal-checkpointer-'));
  });

  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('checkpoints what the main connection wrote, which never checkpoints itself', async () => {
    const filename = join(folder, 'store.db');
    const main = new BetterSqlite3(filename);
    main.pragma('journal_mode = WAL');
    main.pragma('wal_autocheckpoint = 0');
    main.exec('create table rows (id integer primary key, body text)');
    const insert = main.prepare('insert into rows (body) values (?)');
    for (let index = 0; index < 200; index += 1) insert.run('x'.repeat(500));
    const results: CheckpointResult[] = [];
    const checkpointer = startWalCheckpointer({ filename, intervalMs: 20, onCheckpoint: (result) => results.push(result) });
    try {
      await vi.waitFor(() => expect(results.some((result) => result.log > 0 && result.checkpointed === result.log)).toBe(true), { timeout: 10_000, interval: 20 });
      // The main connection keeps committing meanwhile: PASSIVE waits for nobody.
      insert.run('after');
      expect(main.prepare('select count(*) as count from rows').get()).toEqual({ count: 201 });
    } finally {
      await checkpointer.close();
      await checkpointer.close();
      main.close();
    }
  });

  it('lets a process whose last work is awaiting close() resume after it (the thread is not referenced until then)', () => {
    const database = pathToFileURL(new URL('../../../src/service/store/database.ts', import.meta.url).pathname).href;
    const script = [
      `import { createDatabase } from ${JSON.stringify(database)};`,
      `const store = await createDatabase(${JSON.stringify(`sqlite:${join(folder, 'child.db')}`)}, { walCheckpointThread: true });`,
      `await store.close();`,
      `console.log('closed');`,
    ].join('\n');
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(child.stderr).toBe('');
    expect(child.stdout).toBe('closed\n');
  });

  it('is started by a store opened for a long-running process, which keeps only a backstop threshold', async () => {
    const readThreshold = async (walCheckpointThread: boolean) => {
      const store = await createDatabase(`sqlite:${join(folder, `store-${walCheckpointThread}.db`)}`, { walCheckpointThread });
      try {
        const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(store.db);
        return rows[0]?.wal_autocheckpoint;
      } finally {
        await store.close();
      }
    };
    expect(await readThreshold(true)).toBe(BACKSTOP_AUTOCHECKPOINT_PAGES);
    // SQLite's default: the committing connection checkpoints at 1,000 pages.
    expect(await readThreshold(false)).toBe(1000);
  });
});
