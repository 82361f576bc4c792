/**
 * The store's schema type and how to open it: one Kysely query layer over SQLite (better-sqlite3,
 * the default) or PostgreSQL (pg).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { type DialectName, LockingSqliteDialect } from './dialect.js';
import { DatabaseUnavailableError, InvalidDatabaseUrlError } from './errors.js';
import { createGroupCommit } from './group-commit.js';
import { createRiderCommit } from './rider-commit.js';
import { BACKSTOP_AUTOCHECKPOINT_PAGES, startWalCheckpointer, type WalCheckpointer } from './wal-checkpointer.js';
import type { AuditEventsTable } from './tables/audit-events.js';
import type { CanaryReportsTable } from './tables/canary-reports.js';
import type { CustomersTable } from './tables/customers.js';
import type { DecisionTagsTable } from './tables/decision-tags.js';
import type { DecisionsTable } from './tables/decisions.js';
import type { JobsTable } from './tables/jobs.js';
import type { OrdersTable } from './tables/orders.js';
import type { OutboxTable } from './tables/outbox.js';
import type { RunsTable } from './tables/runs.js';
import type { TicketClaimsTable } from './tables/ticket-claims.js';
import type { TicketsTable } from './tables/tickets.js';
import type { WebhookDeliveriesTable } from './tables/webhook-deliveries.js';
import type { WebhookRejectionsTable } from './tables/webhook-rejections.js';

export interface Database {
  tickets: TicketsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  runs: RunsTable;
  audit_events: AuditEventsTable;
  decisions: DecisionsTable;
  decision_tags: DecisionTagsTable;
  outbox: OutboxTable;
  customers: CustomersTable;
  orders: OrdersTable;
  jobs: JobsTable;
  canary_reports: CanaryReportsTable;
  webhook_rejections: WebhookRejectionsTable;
  ticket_claims: TicketClaimsTable;
}

export interface StoreHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  /** SQLite only: the database file, so a health probe can open a connection of its own. */
  filename?: string;
  /**
   * A write transaction for the hot path (accepts, claims, decisions, delivered marks). On SQLite,
   * writes submitted in the same turn of the event loop share one transaction and one commit
   * (group-commit.ts), so `work` must be safe to run again after a rollback and must await only
   * the transaction. On PostgreSQL each runs its own (with the `transactLater` writes waiting):
   * the pool runs them concurrently and the server groups their WAL flushes itself.
   */
  transact<T>(work: (transaction: Transaction<Database>) => Promise<T>): Promise<T>;
  /**
   * A write that need not commit at once (a delivered mark): it commits with the next `transact`
   * of this process (on SQLite, with the writes of the same turn), on PostgreSQL alone after at most
   * 50 ms without one (rider-commit.ts). Resolves after its commit; same rules for `work`.
   */
  transactLater(work: (transaction: Transaction<Database>) => Promise<unknown>): Promise<void>;
  /**
   * `transact` for work that is a single statement. On PostgreSQL it runs alone, in the implicit
   * transaction of the statement (one round trip instead of BEGIN, statement, COMMIT), unless
   * `transactLater` writes are waiting: then in a transaction with them, as `transact`. On SQLite
   * it is `transact` (the group commit).
   */
  transactStatement<T>(work: (executor: Kysely<Database> | Transaction<Database>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface CreateDatabaseOptions {
  /**
   * PostgreSQL only: create this schema if missing and make it the only entry of every
   * connection's search_path, so tables, migrations and queries all live in it. Ignored for SQLite.
   */
  schema?: string;
  /**
   * SQLite file only: run WAL checkpoints on a thread of their own instead of inside the commits of
   * this connection (wal-checkpointer.ts). For long-running processes (`serve`, `worker`); the
   * CLI's short runs keep SQLite's default.
   */
  walCheckpointThread?: boolean;
}

export type DatabaseLocation =
  | { dialect: 'sqlite'; filename: string }
  | { dialect: 'postgres'; connectionString: string };

const ACCEPTED_FORMS =
  'accepted forms: "sqlite:<path>" (e.g. sqlite:./var/triage.db), "sqlite::memory:", ' +
  '"postgres://user:password@host:5432/database" (or postgresql://)';

/** Parses DATABASE_URL. Never echoes the whole url back: it may hold a password. */
export function parseDatabaseUrl(url: string): DatabaseLocation {
  const trimmed = url.trim();
  if (trimmed === '') {
    throw new InvalidDatabaseUrlError(`DATABASE_URL is empty; ${ACCEPTED_FORMS}`);
  }
  if (trimmed.startsWith('sqlite:')) {
    const filename = trimmed.slice('sqlite:'.length);
    if (filename === '') {
      throw new InvalidDatabaseUrlError(`DATABASE_URL "sqlite:" names no file; ${ACCEPTED_FORMS}`);
    }
    return { dialect: 'sqlite', filename };
  }
  if (/^postgres(ql)?:\/\//.test(trimmed)) {
    try {
      new URL(trimmed);
    } catch (error) {
      throw new InvalidDatabaseUrlError(`DATABASE_URL is not a valid PostgreSQL url; ${ACCEPTED_FORMS}`, {
        cause: error,
      });
    }
    return { dialect: 'postgres', connectionString: trimmed };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1];
  const what = scheme ? `has the unsupported scheme "${scheme}:"` : 'has no scheme';
  throw new InvalidDatabaseUrlError(`DATABASE_URL ${what}; ${ACCEPTED_FORMS}`);
}

export async function createDatabase(url: string, options: CreateDatabaseOptions = {}): Promise<StoreHandle> {
  const location = parseDatabaseUrl(url);
  return location.dialect === 'sqlite'
    ? openSqlite(location.filename, options.walCheckpointThread === true)
    : openPostgres(location.connectionString, options.schema);
}

function openSqlite(filename: string, walCheckpointThread: boolean): StoreHandle {
  const inMemory = filename === ':memory:';
  if (!inMemory) mkdirSync(path.dirname(path.resolve(filename)), { recursive: true });
  let database: BetterSqlite3.Database;
  try {
    database = new BetterSqlite3(filename);
  } catch (error) {
    throw new DatabaseUnavailableError(`cannot open SQLite database ${filename} (DATABASE_URL)`, { cause: error });
  }
  // WAL lets readers (the console, queries) run while the worker writes.
  if (!inMemory) database.pragma('journal_mode = WAL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  const checkpointer = !inMemory && walCheckpointThread ? startCheckpointer(database, filename) : undefined;
  const db = new Kysely<Database>({ dialect: new LockingSqliteDialect({ database: withStatementCache(database) }) });
  const group = createGroupCommit(db);
  return {
    db,
    dialect: 'sqlite',
    filename,
    transact: (work) => group.run(work),
    transactLater: async (work) => {
      await group.run(work);
    },
    transactStatement: (work) => group.run(work),
    close: async () => {
      await checkpointer?.close();
      await db.destroy();
    },
  };
}

function startCheckpointer(database: BetterSqlite3.Database, filename: string): WalCheckpointer {
  database.pragma(`wal_autocheckpoint = ${BACKSTOP_AUTOCHECKPOINT_PAGES}`);
  return startWalCheckpointer({ filename });
}

/** Distinct SQL texts kept prepared; a query with a varying row count makes new texts. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every statement anew on each execution; preparing is a third of a small query's
 * cost on SQLite (docs/benchmarks.md). The queries of this app repeat the same few dozen SQL texts,
 * so prepared statements are kept by text. better-sqlite3 statements run to completion inside
 * all()/run(), so one statement object is never used by two queries at once.
 */
function withStatementCache(database: BetterSqlite3.Database): BetterSqlite3.Database {
  const statements = new Map<string, BetterSqlite3.Statement>();
  const prepare = (source: string): BetterSqlite3.Statement => {
    let statement = statements.get(source);
    if (statement === undefined) {
      statement = database.prepare(source);
      if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear();
      statements.set(source, statement);
    }
    return statement;
  };
  return new Proxy(database, {
    get(target, property) {
      if (property === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

async function openPostgres(connectionString: string, schema: string | undefined): Promise<StoreHandle> {
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new InvalidDatabaseUrlError(`schema ${JSON.stringify(schema)} is not a plain SQL identifier`);
  }
  if (schema !== undefined) await createSchemaIfMissing(connectionString, schema);
  const pool = new pg.Pool({
    connectionString,
    // A startup parameter rather than a `SET` after connecting: it applies to every connection
    // the pool ever opens, before any query, with no window where the default path is in use.
    ...(schema !== undefined ? { options: `-c search_path="${schema}"` } : {}),
  });
  // An idle client's error (server restart) would otherwise crash the process.
  pool.on('error', () => {});
  // So would the error of a client checked out between two queries (a Kysely transaction awaiting
  // app code while the database goes away): pg emits it on the client, where nothing listens. The
  // same failure rejects the transaction's next query, which is where the caller handles it.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const riders = createRiderCommit(db);
  return {
    db,
    dialect: 'postgres',
    transact: (work) => riders.transact(work),
    transactLater: (work) => riders.later(work),
    transactStatement: (work) => riders.statement(work),
    close: () => db.destroy(),
  };
}

async function createSchemaIfMissing(connectionString: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  try {
    await client.connect();
  } catch (error) {
    throw new DatabaseUnavailableError(`cannot connect to PostgreSQL (DATABASE_URL): ${describe(error)}`, {
      cause: error,
    });
  }
  try {
    await client.query(`create schema if not exists "${schema}"`);
  } catch (error) {
    // Two processes creating the same schema at once: "if not exists" is not atomic in
    // PostgreSQL and the loser gets a unique violation although the schema now exists.
    const exists = await client.query('select 1 from pg_namespace where nspname = $1', [schema]);
    if (exists.rowCount === 0) throw error;
  } finally {
    await client.end();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
