/**
 * The escalation matrix: signals in a ticket (or the customer's plan) that force a human review.
 * Enforced in code, not only in the skill's prompt, so a model cannot talk its way past it.
 */
import type { Customer } from './types.js';

export type EscalationTag = 'retention' | 'legal-review' | 'enterprise' | 'security' | 'human-requested' | 'complaint';

export interface EscalationSignal {
  tag: EscalationTag;
  reason: string;
  /** The words that fired, for the audit trail. */
  match?: string;
}

interface SignalPattern {
  tag: EscalationTag;
  pattern: RegExp;
  reason: string;
}

// Word lists are deliberately broad: a false positive costs a human a minute, a false negative can
// cost a customer or a lawsuit.
const PATTERNS: SignalPattern[] = [
  {
    tag: 'retention',
    reason: 'the customer wants to cancel or leave',
    pattern:
      /\b(cancel(?:l?ing|l?ed|lation|s)?|terminat\w+|churn\w*|close (?:my|our|the) account|delete (?:my|our|the) account|remove my account|switch(?:ing)? to (?:a )?(?:competitor|another (?:provider|service|company))|leav(?:e|ing) (?:northwind|you|your service)|moving to (?:a )?competitor|stop (?:my|the) subscription|downgrad\w+ to free)\b/i,
  },
  {
    tag: 'legal-review',
    reason: 'legal or compliance language',
    pattern:
      /\b(gdpr|ccpa|dsgvo|data protection|subject access|dsar|right to (?:be forgotten|erasure|access|portability)|erase (?:all )?my (?:personal )?data|(?:delete|remove|wipe) (?:all )?(?:of )?my (?:personal )?data|all (?:of )?my data|personal data|privacy (?:request|regulator|authority)|lawyers?|attorneys?|solicitors?|lawsuits?|legal (?:action|proceedings|department|team|notice)|sue|suing|court|small claims|chargebacks?|dispute (?:the|this) (?:charge|payment)|regulators?|ombudsman|trading standards|consumer protection|class action|cease and desist)\b/i,
  },
  {
    tag: 'security',
    reason: 'possible account takeover or fraud',
    pattern:
      /\b(hack(?:ed|er|ers)?|compromised|unauthori[sz]ed (?:access|login|log-in|charges?|transactions?|payments?)|someone (?:else )?(?:logged|signed) in(?:to)?|stolen (?:account|card|password|identity)|identity theft|phishing|fraud\w*|didn'?t make (?:this|these|that) (?:purchase|order|charge)s?)\b/i,
  },
  {
    tag: 'human-requested',
    reason: 'the customer asks for a human',
    pattern:
      /\b(speak|talk|chat|connect me) (?:to|with) (?:a |an |your )?(?:real |actual |live )?(?:human|person|agent|manager|supervisor|representative|someone)\b|\b(?:real|live|actual) (?:human|person|agent)\b|\bhuman agent\b/i,
  },
];

export interface EscalationInput {
  text: string;
  subject?: string;
  customer?: Pick<Customer, 'plan'> | null;
  /** The intent as the independent classifier sees it (never the model's claim). */
  intent?: string;
}

/** Intents a person should answer even when the words above do not fire. */
const INTENT_SIGNALS: Record<string, { tag: EscalationTag; reason: string }> = {
  complaint: { tag: 'complaint', reason: 'complaints get a human reply' },
  contact_human_agent: { tag: 'human-requested', reason: 'the customer asks for a human' },
};

export function detectEscalation(input: EscalationInput): EscalationSignal[] {
  const haystack = `${input.subject ?? ''}\n${input.text}`;
  const signals: EscalationSignal[] = [];
  for (const { tag, pattern, reason } of PATTERNS) {
    const match = pattern.exec(haystack);
    if (match) signals.push({ tag, reason, match: match[0] });
  }
  const byIntent = input.intent ? INTENT_SIGNALS[input.intent] : undefined;
  if (byIntent && !signals.some((signal) => signal.tag === byIntent.tag)) signals.push({ ...byIntent });
  if (input.customer?.plan === 'enterprise') {
    signals.push({ tag: 'enterprise', reason: 'enterprise customers always get a human reply' });
  }
  return signals;
}

export function escalationTags(signals: readonly EscalationSignal[]): EscalationTag[] {
  return [...new Set(signals.map((signal) => signal.tag))];
}
