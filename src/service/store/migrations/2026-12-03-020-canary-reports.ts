import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('canary_reports')
    .addColumn('id', 'text', (column) => column.primaryKey())
    // The scheduled time a run is for; unique so only one process runs a slot. Null for runs by hand
    // (both databases allow any number of nulls in a unique column).
    .addColumn('slot', 'text', (column) => column.unique())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('started_at', 'text', (column) => column.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('set_path', 'text', (column) => column.notNull())
    .addColumn('set_hash', 'text')
    .addColumn('model_id', 'text')
    .addColumn('summary', 'text')
    .addColumn('results', 'text')
    .addColumn('comparison', 'text')
    .addColumn('baseline_id', 'text')
    .addColumn('regression', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('adopted_at', 'text')
    .addColumn('error', 'text')
    .execute();
  await db.schema.createIndex('canary_reports_started_at_index').on('canary_reports').column('started_at').execute();
  await db.schema.createIndex('canary_reports_adopted_at_index').on('canary_reports').column('adopted_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('canary_reports').execute();
}
