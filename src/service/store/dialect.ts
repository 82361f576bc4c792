/**
 * Every difference between SQLite and PostgreSQL that the store knows about, in one place.
 *
 * What is deliberately the same in both, so repositories need no branches:
 * - timestamps are ISO-8601 text in UTC (`toISOString()`), so range queries compare strings;
 * - JSON is text, written with `toJsonText` and read with `parseJsonText`;
 * - booleans are integers 0/1;
 * - real numbers are `double precision` (SQLite gives it REAL affinity; PostgreSQL's `real` is
 *   float4, about 7 digits, so a confidence would not read back as the number written);
 * - "insert ... on conflict do nothing returning *" is the same statement in both (SQLite >= 3.35):
 *   a conflicting insert returns no row, so `inserted` is "a row came back". Under concurrency
 *   PostgreSQL makes the losers wait for the winner's commit and then do nothing; SQLite has a
 *   single writer. Either way exactly one caller gets the row.
 *
 * What differs: row locks (`lockForUpdate`, `lockForUpdateSkipLocked`), unique-violation error
 * codes, and the migration lock (see `SqliteMigrationLockAdapter`).
 */
import {
  type InsertQueryBuilder,
  type Kysely,
  type MigrationLockOptions,
  PostgresAdapter,
  type SelectQueryBuilder,
  sql,
  SqliteAdapter,
  SqliteDialect,
  type SqliteDialectConfig,
  type DialectAdapter,
} from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import { InvalidStoreInputError } from './errors.js';

export type DialectName = 'sqlite' | 'postgres';

/** Which database a Kysely instance (or a transaction of one) talks to. */
export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** The current time as stored. */
export function nowTimestamp(): string {
  return new Date().toISOString();
}

/**
 * Normalises a timestamp to the one stored form. Every timestamp compared in a range query must go
 * through here: '2026-01-01T00:00:00Z' and '2026-01-01T00:00:00.000Z' are the same instant but do
 * not compare equal as strings.
 */
export function toTimestamp(value: Date | string | number, field = 'timestamp'): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new InvalidStoreInputError(`${field} is not a valid date: ${JSON.stringify(String(value))}`);
  }
  return date.toISOString();
}

export function toDatabaseBoolean(value: boolean): 0 | 1 {
  return value ? 1 : 0;
}

export function fromDatabaseBoolean(value: number | boolean | null | undefined): boolean {
  return value === true || value === 1;
}

export function toJsonText(value: unknown): string {
  // undefined would be stored as no value at all; null keeps the column readable.
  return JSON.stringify(value ?? null);
}

export function parseJsonText<T>(text: string | null | undefined, fallback: T): T {
  if (text === null || text === undefined || text === '') return fallback;
  return JSON.parse(text) as T;
}

/** Adds "on conflict do nothing" on any unique constraint; pair with `returningAll()`. */
export function onConflictDoNothing<QB extends InsertQueryBuilder<any, any, any>>(query: QB): QB {
  return query.onConflict((conflict) => conflict.doNothing()) as QB;
}

/**
 * Locks the selected rows until the transaction ends. PostgreSQL needs `FOR UPDATE`; SQLite has
 * one writer per database and a transaction already excludes other writers, and it has no
 * `FOR UPDATE` syntax at all.
 */
export function lockForUpdate<QB extends SelectQueryBuilder<any, any, any>>(query: QB, dialect: DialectName): QB {
  return dialect === 'postgres' ? (query.forUpdate() as QB) : query;
}

/**
 * For job queues: each worker claims rows no other worker holds, without waiting. PostgreSQL:
 * `FOR UPDATE SKIP LOCKED`; SQLite relies on its single writer (claim inside a transaction).
 */
export function lockForUpdateSkipLocked<QB extends SelectQueryBuilder<any, any, any>>(
  query: QB,
  dialect: DialectName,
): QB {
  return dialect === 'postgres' ? (query.forUpdate().skipLocked() as QB) : query;
}

/** True for a primary-key or unique-constraint violation in either database. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const code = (error as { code: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * Kysely's SQLite adapter takes no migration lock: within one process the single connection is
 * enough, but two processes starting on the same file would both run the pending migrations and
 * the second would fail. `BEGIN IMMEDIATE` takes SQLite's write lock (waiting up to busy_timeout)
 * and holds it while the migrator reads its state and runs, so the second process finds nothing
 * pending. PostgreSQL needs nothing: Kysely's adapter takes a session advisory lock.
 */
export class SqliteMigrationLockAdapter extends SqliteAdapter {
  readonly #database: BetterSqlite3.Database;

  constructor(database: BetterSqlite3.Database) {
    super();
    this.#database = database;
  }

  override async acquireMigrationLock(db: Kysely<any>, _options: MigrationLockOptions): Promise<void> {
    await sql`begin immediate`.execute(db);
  }

  override async releaseMigrationLock(db: Kysely<any>, _options: MigrationLockOptions): Promise<void> {
    // SQLite rolls a transaction back by itself after some errors; committing then would throw
    // and hide the migration's own error.
    if (this.#database.inTransaction) await sql`commit`.execute(db);
  }
}

/** Kysely's SqliteDialect with the cross-process migration lock above. */
export class LockingSqliteDialect extends SqliteDialect {
  readonly #database: BetterSqlite3.Database;

  constructor(config: SqliteDialectConfig & { database: BetterSqlite3.Database }) {
    super(config);
    this.#database = config.database;
  }

  override createAdapter(): DialectAdapter {
    return new SqliteMigrationLockAdapter(this.#database);
  }
}
