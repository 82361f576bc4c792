/**
 * How far the service got, read from its store (a fresh database per scenario, so every row is
 * this scenario's): tickets stored, decided, and their outbox entries delivered, pending or failed.
 */
import BetterSqlite3 from 'better-sqlite3';
import type { ScratchDatabase } from './scratch-database.js';

export interface Progress {
  storedIds: Set<string>;
  decided: number;
  delivered: number;
  outboxPending: number;
  outboxFailed: number;
}

export interface ProgressReader {
  read(): Promise<Progress>;
  close(): void;
}

const QUERIES = {
  tickets: 'select id from tickets',
  decided: 'select count(*) as count from decisions',
  outbox: 'select status, count(*) as count from outbox group by status',
};

function toProgress(ids: string[], decided: number, outbox: { status: string; count: number | string }[]): Progress {
  const byStatus = new Map(outbox.map((row) => [row.status, Number(row.count)]));
  return {
    storedIds: new Set(ids),
    decided,
    delivered: byStatus.get('delivered') ?? 0,
    outboxPending: byStatus.get('pending') ?? 0,
    outboxFailed: byStatus.get('failed') ?? 0,
  };
}

export function sqliteProgress(filename: string): ProgressReader {
  let database: BetterSqlite3.Database | undefined;
  return {
    async read() {
      database ??= new BetterSqlite3(filename, { readonly: true, fileMustExist: true });
      database.pragma('busy_timeout = 2000');
      const ids = (database.prepare(QUERIES.tickets).all() as { id: string }[]).map((row) => row.id);
      const decided = Number((database.prepare(QUERIES.decided).get() as { count: number }).count);
      const outbox = database.prepare(QUERIES.outbox).all() as { status: string; count: number }[];
      return toProgress(ids, decided, outbox);
    },
    close() {
      database?.close();
    },
  };
}

export function postgresProgress(database: ScratchDatabase): ProgressReader {
  return {
    async read() {
      const ids = (await database.query<{ id: string }>(QUERIES.tickets)).map((row) => row.id);
      const decided = Number((await database.query<{ count: string }>(QUERIES.decided))[0]?.count ?? 0);
      const outbox = await database.query<{ status: string; count: string }>(QUERIES.outbox);
      return toProgress(ids, decided, outbox);
    },
    close() {},
  };
}
