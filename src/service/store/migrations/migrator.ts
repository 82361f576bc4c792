/**
 * Runs the store's migrations. The provider is a static object of imported modules, not a folder
 * scan, so it works the same under tsx, compiled output and any bundler.
 *
 * To add a migration: create `YYYY-MM-DD-NNN-what.ts` beside this file (it takes `Kysely<any>` and
 * imports no app code, so it stays valid when the app changes) and add it to `migrations` below.
 * Names sort by date, and Kysely refuses to run a new one that sorts before an executed one.
 */
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import { dialectOf } from '../dialect.js';
import { MigrationError } from '../errors.js';
import * as tickets from './2026-11-28-001-tickets.js';
import * as runsAndAudit from './2026-11-28-002-runs-and-audit.js';
import * as decisions from './2026-11-28-003-decisions.js';
import * as outbox from './2026-11-28-004-outbox.js';
import * as crm from './2026-11-28-005-crm.js';
import * as jobs from './2026-11-28-006-jobs.js';
import * as outboxSealedText from './2026-12-03-010-outbox-sealed-text.js';
import * as canaryReports from './2026-12-03-020-canary-reports.js';
import * as webhookRejections from './2026-12-03-060-webhook-rejections.js';
import * as ticketClaims from './2026-12-03-070-ticket-claims.js';
import * as ticketsCustomerEmailIndex from './2026-12-03-071-tickets-customer-email-index.js';

export const migrations: Readonly<Record<string, Migration>> = Object.freeze({
  '2026-11-28-001-tickets': tickets,
  '2026-11-28-002-runs-and-audit': runsAndAudit,
  '2026-11-28-003-decisions': decisions,
  '2026-11-28-004-outbox': outbox,
  '2026-11-28-005-crm': crm,
  '2026-11-28-006-jobs': jobs,
  '2026-12-03-010-outbox-sealed-text': outboxSealedText,
  '2026-12-03-020-canary-reports': canaryReports,
  '2026-12-03-060-webhook-rejections': webhookRejections,
  '2026-12-03-070-ticket-claims': ticketClaims,
  '2026-12-03-071-tickets-customer-email-index': ticketsCustomerEmailIndex,
});

const staticProvider: MigrationProvider = { getMigrations: async () => ({ ...migrations }) };

export interface MigrationSummary {
  /** Names of the migrations this call ran; empty when the store was already up to date. */
  executed: string[];
}

/**
 * Brings the schema up to date. Safe to call from several processes at once: on PostgreSQL
 * Kysely's Migrator holds an advisory lock and runs inside one transaction; on SQLite our adapter
 * holds SQLite's write lock (see dialect.ts). Whoever comes second finds nothing pending.
 */
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationSummary> {
  const schema = await migrationTableSchema(db);
  const migrator = new Migrator({ db, provider: staticProvider, migrationTableSchema: schema });
  let { error, results = [] } = await migrator.migrateToLatest();
  // Kysely's introspection reads every schema of the database; another store's schema dropped in
  // the same instant (parallel test runs, a tenant being removed) fails it with "schema <other>
  // does not exist". That is not about our schema, so the run is simply tried again.
  for (let attempt = 1; attempt <= 3 && isOtherSchemaVanished(error, schema); attempt++) {
    ({ error, results = [] } = await migrator.migrateToLatest());
  }
  if (error !== undefined) {
    const failed = results.find((result) => result.status === 'Error')?.migrationName;
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(
      failed ? `migration ${failed} failed: ${reason}` : `migrations could not run: ${reason}`,
      failed,
      { cause: error },
    );
  }
  return { executed: results.filter((result) => result.status === 'Success').map((result) => result.migrationName) };
}

/**
 * On PostgreSQL the Migrator looks for its own tables across every schema of the database, so a
 * store in a schema of its own (tests, several stores per database) would find another schema's
 * `kysely_migration` and never create one here. Naming the current schema keeps it local.
 */
async function migrationTableSchema(db: Kysely<any>): Promise<string | undefined> {
  if (dialectOf(db) !== 'postgres') return undefined;
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) {
    throw new MigrationError('PostgreSQL has no current schema: the search_path names no existing schema', undefined);
  }
  return schema;
}

function isOtherSchemaVanished(error: unknown, ours: string | undefined): boolean {
  const match = /schema "([^"]+)" does not exist/.exec(error instanceof Error ? error.message : String(error ?? ''));
  return match !== null && match[1] !== ours;
}
