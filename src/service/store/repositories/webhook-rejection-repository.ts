/**
 * Webhook events acknowledged without a ticket, with the reason: the record that keeps an unusable
 * or ignored event from vanishing. Read by GET /api/webhook-rejections.
 */
import { nowTimestamp } from '../dialect.js';
import type { WebhookRejectionOutcome } from '../tables/webhook-rejections.js';
import { timeOrderedId } from '../time-ordered-id.js';
import type { Executor } from './with-transaction.js';

export interface WebhookRejection {
  id: string;
  provider: string;
  deliveryId: string | null;
  outcome: WebhookRejectionOutcome;
  reason: string;
  receivedAt: string;
}

/** Longer reasons (a zod issue list of a large payload) are cut: the row is for a person to read. */
const MAX_REASON_LENGTH = 2000;

export async function recordWebhookRejection(
  db: Executor,
  rejection: { provider: string; deliveryId?: string | undefined; outcome: WebhookRejectionOutcome; reason: string },
): Promise<WebhookRejection> {
  const row = {
    id: timeOrderedId(),
    provider: rejection.provider,
    delivery_id: rejection.deliveryId ?? null,
    outcome: rejection.outcome,
    reason: rejection.reason.slice(0, MAX_REASON_LENGTH),
    received_at: nowTimestamp(),
  };
  await db.insertInto('webhook_rejections').values(row).execute();
  return toRejection(row);
}

export async function listWebhookRejections(
  db: Executor,
  filter: { provider?: string | undefined; outcome?: WebhookRejectionOutcome | undefined; limit: number; offset: number },
): Promise<WebhookRejection[]> {
  let query = db.selectFrom('webhook_rejections').selectAll();
  if (filter.provider !== undefined) query = query.where('provider', '=', filter.provider);
  if (filter.outcome !== undefined) query = query.where('outcome', '=', filter.outcome);
  const rows = await query.orderBy('received_at', 'desc').orderBy('id', 'desc').limit(filter.limit).offset(filter.offset).execute();
  return rows.map(toRejection);
}

function toRejection(row: {
  id: string;
  provider: string;
  delivery_id: string | null;
  outcome: WebhookRejectionOutcome;
  reason: string;
  received_at: string;
}): WebhookRejection {
  return {
    id: row.id,
    provider: row.provider,
    deliveryId: row.delivery_id,
    outcome: row.outcome,
    reason: row.reason,
    receivedAt: row.received_at,
  };
}
