/**
 * What one ticket's run has learned so far. The tools write into it; the gate and the send guard
 * read it. It lives exactly as long as the agent that triages the ticket.
 */
import type { EscalationSignal } from './escalation.js';
import type { Customer, KbHit, Order, Ticket } from './types.js';

export interface IntentEstimate {
  intent: string;
  confidence: number;
}

export interface ProposedReply {
  text: string;
  confidence: number;
  intent?: string;
  callId: string;
}

export interface ProposedDraft extends ProposedReply {
  reason: string;
  tags: string[];
}

export class TriageSession {
  /** undefined: not looked up yet; null: looked up, no profile. */
  customer: Customer | null | undefined = undefined;
  customerLookupFailed = false;
  readonly orders = new Map<string, Order | null>();
  /** The KB hits the model saw through search_kb. */
  kbHitsSeen: KbHit[] = [];
  send: ProposedReply | undefined;
  draft: ProposedDraft | undefined;
  /** Reasons a send was refused, in order, for the outcome and the audit trail. */
  readonly denials: string[] = [];
  /** CRM answers about someone or something other than what was asked (crm-answer-checks.ts). */
  readonly crmMismatches: string[] = [];

  constructor(
    readonly ticket: Ticket,
    /** The independent view of the ticket, computed before the model runs. */
    readonly independent: {
      intent: IntentEstimate;
      kbHits: KbHit[];
      confidence: number;
      escalation: EscalationSignal[];
    },
  ) {}

  /** The ticket's own customer's order ids, plus any order id the customer wrote. */
  ownOrderIds(): string[] {
    const ids = new Set<string>(this.customer?.orders ?? []);
    for (const [id, order] of this.orders) {
      if (order && order.customerEmail.toLowerCase() === this.ticket.customerEmail.toLowerCase()) ids.add(id);
    }
    return [...ids];
  }
}
