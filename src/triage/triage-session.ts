/**
 * What one ticket's run has learned so far. The tools write into it; the gate and the send guard
 * read it. It lives exactly as long as the agent that triages the ticket.
 */
import type { ArticleLimit } from './kb/article-limits.js';
import type { EscalationDoubt, EscalationSignal } from './escalation.js';
import type { LanguageReading } from './language/detect-language.js';
import type { MailReading } from './mail/read-mail.js';
import type { UncoveredAsk } from './request-coverage.js';
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
  /**
   * Order ids that exist but belong to someone else. The tool reports them to the model exactly like
   * missing ones (so it cannot probe other customers' data); only the guard and the reviewer see this.
   */
  readonly foreignOrderIds = new Set<string>();
  /** The KB hits the model saw through search_kb. */
  kbHitsSeen: KbHit[] = [];
  /**
   * The `## Reply` text of every KB article retrieved in this run (by the independent view or by
   * search_kb), by article id: with the customer's own facts, the only material a sent reply may
   * be built from (src/triage/grounding/). Notes never enter here.
   */
  readonly kbReplies = new Map<string, string>();
  /** What each retrieved article leaves to a person (article-limits.ts), by article id. */
  readonly kbLimits = new Map<string, readonly ArticleLimit[]>();
  send: ProposedReply | undefined;
  draft: ProposedDraft | undefined;
  /** Reasons a send was refused, in order, for the outcome and the audit trail. */
  readonly denials: string[] = [];
  /** The replies the gate refused, in order: once one is refused, the run ends as a draft. */
  readonly deniedReplies: ProposedReply[] = [];
  /** The full reasons of each refused send, by tool-call id, for the audit trail (the model gets none). */
  readonly denialReasons = new Map<string, string[]>();

  /** Whether the gate has refused a send in this run; it latches: every later send is refused too. */
  get sendDenied(): boolean {
    return this.deniedReplies.length > 0;
  }
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
      /** Tags the tag model leans towards below their threshold: no tag, but no send on its own either. */
      escalationDoubts?: EscalationDoubt[];
      /** The customer's newest message read out of the body; the ticket keeps the original. */
      mail: MailReading;
      /** The language of the newest message. */
      language: LanguageReading;
      /** Sentences asking for something the chosen intent's articles do not answer (request-coverage.ts). */
      uncoveredAsks?: UncoveredAsk[];
      /** How likely a reviewer answers this mail themselves (open-question-model.ts); absent when no model ran. */
      openQuestion?: number;
      /** The classifier's certainty when the open-question model's reading lifted it (liftConfidence). */
      liftedFrom?: number;
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
