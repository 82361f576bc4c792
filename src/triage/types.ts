/** The ticket domain's own types. Helpdesk wire types never reach this file. */

/** The helpdesks tickets arrive from by webhook; each has a connector in src/service/connectors/<name>/. */
export const HELPDESK_PROVIDERS = ['zendesk', 'intercom', 'hubspot', 'generic'] as const;
export type HelpdeskProvider = (typeof HELPDESK_PROVIDERS)[number];

export function isHelpdeskProvider(value: string): value is HelpdeskProvider {
  return (HELPDESK_PROVIDERS as readonly string[]).includes(value);
}

/** Where a ticket came from: a helpdesk, the CLI or an eval set. */
export const TICKET_SOURCES = ['cli', 'eval', ...HELPDESK_PROVIDERS] as const;
export type TicketSource = (typeof TICKET_SOURCES)[number];

export interface Ticket {
  /** Our id, e.g. "T-1001" or "zendesk:12345". */
  id: string;
  source: TicketSource;
  externalId?: string;
  /**
   * The helpdesk conversation a public reply goes to, when it is not the ticket itself (a HubSpot
   * ticket's conversation thread). Absent on a HubSpot ticket means it can only take a note.
   */
  threadId?: string;
  customerEmail: string;
  subject?: string;
  body: string;
  receivedAt: string;
}

export interface Customer {
  id: string;
  email: string;
  name: string;
  plan: 'free' | 'pro' | 'enterprise';
  country?: string;
  createdAt: string;
  /** Order ids of this customer. */
  orders: string[];
}

export type OrderStatus = 'processing' | 'shipped' | 'delivered' | 'cancelled' | 'returned';

export interface Order {
  id: string;
  customerEmail: string;
  status: OrderStatus;
  items: { sku: string; name: string; quantity: number; price: number }[];
  total: number;
  currency: string;
  placedAt: string;
  carrier?: string;
  trackingNumber?: string;
  estimatedDelivery?: string;
  deliveredAt?: string;
}

export interface KbArticle {
  id: string;
  title: string;
  /** Intents this article answers (bitext taxonomy names plus our own). */
  intents: string[];
  tags: string[];
  body: string;
}

export interface KbHit {
  id: string;
  title: string;
  score: number;
  snippet: string;
  intents: string[];
}

/**
 * `sent`: a public reply went to the customer; `drafted`: left for a reviewer; `noted`: the reply
 * was approved but the helpdesk could only take it as an internal note (a HubSpot ticket without a
 * conversation thread), so a person still has to send it. Never shown as sent.
 */
export const TRIAGE_DECISIONS = ['sent', 'drafted', 'noted'] as const;
export type TriageDecision = (typeof TRIAGE_DECISIONS)[number];

export interface TriageStep {
  tool: string;
  args: unknown;
  permission: 'allow' | 'deny' | 'ask';
  ok: boolean;
}

/** The contract's `--json` outcome of one triaged ticket. */
export interface TriageOutcome {
  ticketId: string;
  decision: TriageDecision;
  confidence: number;
  intent: string;
  tags: string[];
  reply: string;
  steps: TriageStep[];
  reasons: string[];
  /** ISO 639-1 code of the customer's newest message (English when too short to tell). */
  language?: string;
}
