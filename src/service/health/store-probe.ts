/**
 * Is the store reachable right now? Answered within a deadline and without blocking the event loop.
 *
 * - SQLite: better-sqlite3 is synchronous, and the store's connection waits up to its busy_timeout
 *   (5 s) for a write lock with the event loop blocked. The probe uses a connection of its own with
 *   busy_timeout 0: a read (never blocked in WAL mode), then a try for the write lock, retried on a
 *   timer until the deadline. A lock another process holds past the deadline means the service
 *   cannot write: a failing check, not a 19-second answer.
 * - PostgreSQL: `select 1` on the store's pool, raced against the deadline (a dropped network can
 *   hang a connect for minutes).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import type { StoreHandle } from '../store/database.js';
import { errorMessage } from '../queue/job-queue.js';
import { withDeadline } from './with-deadline.js';

export interface CheckResult {
  ok: boolean;
  detail?: string;
}

export interface StoreProbe {
  check(timeoutMs: number): Promise<CheckResult>;
  close(): void;
}

/** How long to wait between two tries for SQLite's write lock. */
const LOCK_RETRY_MS = 50;

export function createStoreProbe(store: StoreHandle): StoreProbe {
  if (store.dialect === 'sqlite' && store.filename !== undefined && store.filename !== ':memory:') {
    return createSqliteProbe(store.filename);
  }
  return {
    check: (timeoutMs) =>
      withDeadline(
        sql`select 1 as ok`.execute(store.db).then(() => ({ ok: true })),
        timeoutMs,
        `the store did not answer within ${timeoutMs} ms`,
      ).catch((error: unknown) => ({ ok: false, detail: errorMessage(error) })),
    close() {},
  };
}

function createSqliteProbe(filename: string): StoreProbe {
  let connection: BetterSqlite3.Database | undefined;
  const open = (): BetterSqlite3.Database => {
    if (!connection) {
      connection = new BetterSqlite3(filename, { fileMustExist: true });
      connection.pragma('busy_timeout = 0');
    }
    return connection;
  };
  return {
    async check(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      try {
        const database = open();
        database.prepare('select count(*) from sqlite_master').get();
        for (;;) {
          try {
            // Takes and gives back the write lock at once; nothing is written.
            database.exec('begin immediate');
            database.exec('rollback');
            return { ok: true };
          } catch (error) {
            if (!isBusy(error)) throw error;
            if (Date.now() + LOCK_RETRY_MS > deadline) {
              return { ok: false, detail: `another connection has held the SQLite write lock for over ${timeoutMs} ms` };
            }
            await sleep(LOCK_RETRY_MS);
          }
        }
      } catch (error) {
        // A broken connection is reopened on the next check (the file may have come back).
        connection?.close();
        connection = undefined;
        return { ok: false, detail: `the SQLite store cannot be read: ${errorMessage(error)}` };
      }
    },
    close() {
      connection?.close();
      connection = undefined;
    },
  };
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}
