import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../database.js';

/** What every repository function takes: the database, or a transaction the caller already holds. */
export type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Runs `fn` in a transaction, or inside the caller's when `db` already is one: Kysely refuses
 * nested `transaction()` calls, and joining lets a caller group several repository calls
 * atomically (store the ticket and enqueue its job, say). On SQLite, better-sqlite3 runs it on
 * its one connection, so the transaction also excludes every other writer of this handle.
 */
export async function withTransaction<T>(db: Executor, fn: (transaction: Transaction<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Transaction<Database>);
  return db.transaction().execute(fn);
}
