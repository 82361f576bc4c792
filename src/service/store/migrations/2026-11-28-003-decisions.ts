import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('decisions')
    .addColumn('ticket_id', 'text', (column) => column.primaryKey().references('tickets.id').onDelete('cascade'))
    .addColumn('run_id', 'text', (column) => column.notNull().references('runs.id'))
    .addColumn('decision', 'text', (column) => column.notNull())
    .addColumn('intent', 'text', (column) => column.notNull())
    // double precision, not real: PostgreSQL's real is float4 and would round the confidence.
    .addColumn('confidence', 'double precision', (column) => column.notNull())
    .addColumn('reply', 'text', (column) => column.notNull())
    .addColumn('tags', 'text', (column) => column.notNull())
    .addColumn('reasons', 'text', (column) => column.notNull())
    .addColumn('steps', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('decisions_created_at_index').on('decisions').column('created_at').execute();
  await db.schema.createIndex('decisions_confidence_index').on('decisions').column('confidence').execute();

  await db.schema
    .createTable('decision_tags')
    .addColumn('ticket_id', 'text', (column) =>
      column.notNull().references('decisions.ticket_id').onDelete('cascade'),
    )
    .addColumn('tag', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('decision_tags_pk', ['ticket_id', 'tag'])
    .execute();
  await db.schema.createIndex('decision_tags_tag_index').on('decision_tags').column('tag').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('decision_tags').execute();
  await db.schema.dropTable('decisions').execute();
}
