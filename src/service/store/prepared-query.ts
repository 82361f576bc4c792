/**
 * Hot-path statements compiled once per dialect, then run with new values: Kysely builds and
 * compiles a query's operation tree on every execution, which cost about as much CPU per ticket as
 * SQLite's execution of the worker's statements (docs/benchmarks.md). The query is still written
 * with Kysely's builder, typed against `Database`; only where a value goes, a numbered slot
 * (`slot(0)`, `slot(1)`, ...) stands in. Values the builder itself puts in (constants, nulls) are
 * kept as compiled. With the SQLite statement cache (database.ts) the statement is also prepared
 * once, so a run is a parameter array and the driver's call.
 *
 * Use it where a profile shows the compile, not everywhere: a query whose shape depends on its
 * input (optional filters) keeps the builder.
 */
import { type Compilable, CompiledQuery, type QueryResult } from 'kysely';
import { type DialectName, dialectOf } from './dialect.js';
import type { Executor } from './repositories/with-transaction.js';

/** A placeholder no caller's value can equal: a NUL byte never reaches these statements. */
const SLOT_PREFIX = '\u0000slot:';

/**
 * Stands where the `index`-th value of `execute(db, values)` goes. Typed as whatever the builder
 * expects at that place, so the query stays checked against the schema; it is only ever compiled.
 */
export type Slot = <T>(index: number) => T;
const slot: Slot = <T>(index: number) => `${SLOT_PREFIX}${index}` as T;

interface Template {
  sql: string;
  /** Per compiled parameter: the index of the value it takes, or the constant the builder gave. */
  parameters: readonly ({ slot: number } | { constant: unknown })[];
}

export interface PreparedQuery<Values extends readonly unknown[], Row> {
  execute(db: Executor, values: Values): Promise<QueryResult<Row>>;
}

export function prepareQuery<Values extends readonly unknown[], Row>(build: (db: Executor, slot: Slot) => Compilable<Row>): PreparedQuery<Values, Row> {
  // One compiled text per dialect; it depends on nothing else (PostgreSQL schemas come from the
  // connection's search_path, not from the SQL).
  const templates = new Map<DialectName, Template>();
  const templateFor = (db: Executor): Template => {
    const dialect = dialectOf(db);
    let template = templates.get(dialect);
    if (template === undefined) {
      const compiled = build(db, slot).compile();
      template = {
        sql: compiled.sql,
        parameters: compiled.parameters.map((parameter) =>
          typeof parameter === 'string' && parameter.startsWith(SLOT_PREFIX) ? { slot: Number(parameter.slice(SLOT_PREFIX.length)) } : { constant: parameter },
        ),
      };
      templates.set(dialect, template);
    }
    return template;
  };
  return {
    execute(db, values) {
      const template = templateFor(db);
      const parameters = template.parameters.map((parameter) => ('slot' in parameter ? values[parameter.slot] : parameter.constant));
      return db.executeQuery<Row>(CompiledQuery.raw(template.sql, parameters));
    },
  };
}
