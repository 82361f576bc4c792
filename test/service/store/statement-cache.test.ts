import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../../src/service/store/database.js';
import { migrateToLatest } from '../../../src/service/store/migrations/migrator.js';
import { getTicket, insertTicketIfAbsent } from '../../../src/service/store/repositories/ticket-repository.js';

describe('SQLite statement cache', () => {
  it('prepares each SQL text once and gives the same answers', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'statement-cache-'));
    const store = await createDatabase(`sqlite:${join(folder, 'cache.db')}`);
    const prepared: string[] = [];
    const prepare = BetterSqlite3.prototype.prepare;
    try {
      await migrateToLatest(store.db);
      BetterSqlite3.prototype.prepare = function (this: BetterSqlite3.Database, source: string) {
        prepared.push(source);
        return prepare.call(this, source);
      } as typeof prepare;
      for (const id of ['T-1', 'T-2', 'T-3']) {
        await insertTicketIfAbsent(store.db, { id, source: 'cli', customerEmail: 'ada@example.com', body: `ticket ${id}`, receivedAt: new Date().toISOString() });
      }
      expect((await getTicket(store.db, 'T-2'))?.body).toBe('ticket T-2');
      expect((await getTicket(store.db, 'T-3'))?.body).toBe('ticket T-3');
      expect(prepared.length).toBe(new Set(prepared).size);
    } finally {
      BetterSqlite3.prototype.prepare = prepare;
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
