/**
 * A PostgreSQL database of its own for a test that runs the real service: the service keeps its
 * tables in the default schema and pg-boss in "pgboss", so a fresh database is what isolates it from
 * every other test on the same server. Dropped (with its connections) afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const ADMIN_URL =
  process.env.DATABASE_URL?.startsWith('postgres') === true ? process.env.DATABASE_URL : 'postgres://postgres@127.0.0.1:5432/test';

export interface ScratchDatabase {
  readonly name: string;
  /** The database's url on the real server. */
  readonly url: string;
  /** The same database reached through another host:port (a proxy). */
  urlVia(port: number): string;
  query<T extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

export async function createScratchDatabase(prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  await admin((client) => client.query(`create database "${name}"`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  pool.on('error', () => {});
  return {
    name,
    url: url.toString(),
    urlVia(port) {
      const via = new URL(url);
      via.hostname = '127.0.0.1';
      via.port = String(port);
      return via.toString();
    },
    async query<T extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
      return (await pool.query<T>(text, values)).rows;
    },
    async drop() {
      await pool.end();
      await admin((client) => client.query(`drop database if exists "${name}" with (force)`));
    },
  };
}

async function admin(work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
