/**
 * Counts what a piece of work costs the database: statements executed and commits on SQLite
 * (better-sqlite3), round trips and commits on PostgreSQL (pg, which pg-boss uses too).
 *
 * It wraps the drivers' own entry points (better-sqlite3's Statement and pg's Client.query) rather
 * than a Kysely plugin: Kysely's plugins see neither `begin`/`commit` (its drivers send those
 * directly) nor pg-boss's SQL, and both are part of what a ticket costs. A commit is an explicit
 * `commit`, or a write run outside a transaction (SQLite and PostgreSQL commit it on its own).
 *
 * For benches and tests only: while started it patches the two prototypes for the whole process,
 * and `stop()` puts them back.
 */
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';

export interface DialectCounts {
  /** Statements executed (SQLite) or queries sent (PostgreSQL: one round trip each). */
  statements: number;
  commits: number;
}

export interface StatementCounter {
  readonly sqlite: Readonly<DialectCounts>;
  readonly postgres: Readonly<DialectCounts>;
  /** The SQL of every statement, in order, when started with `record: true`. */
  readonly recorded: readonly string[];
  reset(): void;
  /** Restores the drivers; the counts stay readable. */
  stop(): void;
}

type StatementMethod = (this: BetterSqlite3.Statement, ...args: unknown[]) => unknown;
type QueryMethod = (this: pg.Client, ...args: unknown[]) => unknown;

const STATEMENT_METHODS = ['run', 'get', 'all', 'iterate'] as const;
const TRANSACTION_CONTROL = /^\s*(begin|commit|end|rollback|savepoint|release)\b/i;
const COMMIT = /^\s*(commit|end)\b/i;
const WRITE = /\b(insert|update|delete)\b/i;

let active: StatementCounter | undefined;

export function startStatementCounter(options: { record?: boolean } = {}): StatementCounter {
  if (active) throw new Error('a statement counter is already running in this process; stop it first');
  const sqlite: DialectCounts = { statements: 0, commits: 0 };
  const postgres: DialectCounts = { statements: 0, commits: 0 };
  const recorded: string[] = [];
  const record = options.record === true;

  const probe = new BetterSqlite3(':memory:');
  const statementPrototype = Object.getPrototypeOf(probe.prepare('select 1')) as Record<string, StatementMethod>;
  probe.close();
  const originalStatementMethods = STATEMENT_METHODS.map((name) => [name, statementPrototype[name]!] as const);
  for (const [name, original] of originalStatementMethods) {
    statementPrototype[name] = function (this: BetterSqlite3.Statement, ...args: unknown[]) {
      const source = this.source;
      sqlite.statements += 1;
      if (COMMIT.test(source) || (!this.database.inTransaction && !this.readonly && !TRANSACTION_CONTROL.test(source))) sqlite.commits += 1;
      if (record) recorded.push(source);
      return original.apply(this, args);
    };
  }

  const clientPrototype = pg.Client.prototype as unknown as { query: QueryMethod };
  const originalQuery = clientPrototype.query;
  const inTransaction = new WeakSet<pg.Client>();
  clientPrototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0];
    const text = typeof first === 'string' ? first : typeof (first as { text?: unknown })?.text === 'string' ? (first as { text: string }).text : '';
    postgres.statements += 1;
    if (/^\s*begin\b/i.test(text)) inTransaction.add(this);
    else if (COMMIT.test(text)) {
      postgres.commits += 1;
      inTransaction.delete(this);
    } else if (/^\s*rollback\b/i.test(text)) inTransaction.delete(this);
    else if (!inTransaction.has(this) && WRITE.test(text)) postgres.commits += 1;
    if (record) recorded.push(text);
    return originalQuery.apply(this, args);
  };

  const counter: StatementCounter = {
    sqlite,
    postgres,
    recorded,
    reset() {
      sqlite.statements = sqlite.commits = postgres.statements = postgres.commits = 0;
      recorded.length = 0;
    },
    stop() {
      if (active !== counter) return;
      for (const [name, original] of originalStatementMethods) statementPrototype[name] = original;
      clientPrototype.query = originalQuery;
      active = undefined;
    },
  };
  active = counter;
  return counter;
}
