import type { Kysely } from 'kysely';

/** The console's customer panel lists a customer's earlier tickets by email. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('tickets_customer_email_index').on('tickets').columns(['customer_email', 'received_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('tickets_customer_email_index').execute();
}
