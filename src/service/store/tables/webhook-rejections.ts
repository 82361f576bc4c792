import type { Insertable, Selectable } from 'kysely';

export type WebhookRejectionOutcome = 'ignored' | 'rejected';

/** A webhook event acknowledged without a ticket, and why. */
export interface WebhookRejectionsTable {
  id: string;
  provider: string;
  delivery_id: string | null;
  outcome: WebhookRejectionOutcome;
  reason: string;
  received_at: string;
}

export type WebhookRejectionRow = Selectable<WebhookRejectionsTable>;
export type NewWebhookRejectionRow = Insertable<WebhookRejectionsTable>;
