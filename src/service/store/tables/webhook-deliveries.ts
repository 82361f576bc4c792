import type { Insertable, Selectable, Updateable } from 'kysely';

export interface WebhookDeliveriesTable {
  provider: string;
  delivery_id: string;
  ticket_id: string;
  received_at: string;
}

export type WebhookDeliveryRow = Selectable<WebhookDeliveriesTable>;
export type NewWebhookDeliveryRow = Insertable<WebhookDeliveriesTable>;
export type WebhookDeliveryRowUpdate = Updateable<WebhookDeliveriesTable>;
