import type { Kysely } from 'kysely';

/** The exact text to deliver, encrypted (see outbox-cipher.ts); NULL once delivered or for old rows. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('sealed_text', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').dropColumn('sealed_text').execute();
}
