import type { Kysely } from 'kysely';

/** One open claim per ticket: the reviewer working on it, so two people do not answer it twice. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ticket_claims')
    .addColumn('ticket_id', 'text', (column) => column.primaryKey())
    .addColumn('reviewer', 'text', (column) => column.notNull())
    .addColumn('claimed_at', 'text', (column) => column.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ticket_claims').execute();
}
