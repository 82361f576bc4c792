import type { Ticket } from '../../../triage/types.js';
import { ticketIdFor } from '../helpdesk-connector.js';
import type { GenericWebhookPayload } from './generic-api-types.js';

export function mapGenericPayload(payload: GenericWebhookPayload, receivedAt: Date): Ticket {
  const subject = payload.subject?.trim();
  return {
    id: ticketIdFor('generic', payload.id),
    source: 'generic',
    externalId: payload.id,
    customerEmail: payload.customer_email,
    ...(subject ? { subject } : {}),
    body: payload.body.trim(),
    receivedAt: receivedAt.toISOString(),
  };
}
