import type { Kysely } from 'kysely';

/**
 * Webhook events that were acknowledged without becoming a ticket (an unusable payload, an event
 * we do not triage, one batch event naming a missing ticket), each with its reason, so nothing a
 * helpdesk sent disappears without a trace. Plus the tickets' pending enrichment: what the worker
 * still has to fetch from the helpdesk (a requester's email, a HubSpot ticket) before triage.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('webhook_rejections')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('provider', 'text', (column) => column.notNull())
    .addColumn('delivery_id', 'text')
    // 'ignored': a well-formed event we do not triage; 'rejected': one we could not use.
    .addColumn('outcome', 'text', (column) => column.notNull())
    .addColumn('reason', 'text', (column) => column.notNull())
    .addColumn('received_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('webhook_rejections_received_at_index').on('webhook_rejections').column('received_at').execute();
  await db.schema.alterTable('tickets').addColumn('pending_enrichment', 'text').execute();
  // The helpdesk conversation a public reply goes to (a HubSpot ticket's thread), when there is one.
  await db.schema.alterTable('tickets').addColumn('thread_id', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tickets').dropColumn('thread_id').execute();
  await db.schema.alterTable('tickets').dropColumn('pending_enrichment').execute();
  await db.schema.dropTable('webhook_rejections').execute();
}
