/**
 * The send guard: code that decides whether a reply may go out without a human, independent of what
 * the model claims. The permission engine calls it before `send_reply` runs, and the outbox calls it
 * again before a send row is written, so neither path alone can let a bad reply through.
 */
import { detectEscalation, escalationTags, type EscalationSignal } from './escalation.js';
import {
  ACTION_CLAIM,
  INJECTION_LABELS,
  findInjectionSignals,
  findLookAlikeWords,
  findTicketEchoes,
  readableForm,
  shorten,
} from './injection-signals.js';
import { checkReplyRules } from './reply-rules.js';
import type { TriageSession } from './triage-session.js';

export interface SendGuardOptions {
  threshold: number;
  allowedLinkHosts: readonly string[];
}

export interface SendAssessment {
  allowed: boolean;
  /** min(model's claim, independent estimate): the confidence that gates the send. */
  confidence: number;
  claimedConfidence: number;
  independentConfidence: number;
  reasons: string[];
  tags: string[];
  /** Which checks fired, for the audit trail. */
  rules: string[];
}

export const DEFAULT_ALLOWED_LINK_HOSTS = ['help.northwind.example', 'northwind.example'] as const;

export function assessSend(
  session: TriageSession,
  reply: { text: string; confidence: number },
  options: SendGuardOptions,
): SendAssessment {
  const reasons: string[] = [];
  const rules: string[] = [];
  const claimed = Number.isFinite(reply.confidence) ? Math.min(Math.max(reply.confidence, 0), 1) : 0;
  const independent = session.independent.confidence;
  const confidence = Math.min(claimed, independent);

  const signals: EscalationSignal[] = [
    ...session.independent.escalation,
    // The plan is only known once the profile was looked up; the ticket text signals are known upfront.
    ...detectEscalation({ text: '', customer: session.customer ?? null }),
  ];
  for (const signal of signals) {
    rules.push(`escalation:${signal.tag}`);
    reasons.push(`escalation (${signal.tag}): ${signal.reason}${signal.match ? ` ("${signal.match}")` : ''}`);
  }

  if (session.customer === undefined) {
    rules.push('customer:not-looked-up');
    reasons.push('the customer profile was not looked up');
  } else if (session.customer === null) {
    rules.push('customer:unknown');
    reasons.push(
      session.customerLookupFailed
        ? 'the CRM could not be reached, so the customer is unverified'
        : 'no customer profile for this email',
    );
  }

  for (const mismatch of session.crmMismatches) {
    rules.push('crm:mismatch');
    reasons.push(`the CRM's answer does not match the question: ${mismatch}`);
  }

  const ticketText = `${session.ticket.subject ?? ''}\n${session.ticket.body}`;
  const injection = findInjectionSignals(ticketText, {
    customerEmails: [session.ticket.customerEmail, ...(session.customer ? [session.customer.email] : [])],
    ownHosts: options.allowedLinkHosts,
  });
  for (const signal of injection) {
    rules.push(`injection:${signal.kind}`);
    reasons.push(`the ticket contains ${INJECTION_LABELS[signal.kind]} ("${signal.match}")`);
  }

  if (session.independent.intent.intent === 'other') {
    rules.push('kb:no-answer');
    reasons.push('the ticket does not match anything the knowledge base answers');
  }

  if (confidence < options.threshold) {
    rules.push('confidence:below-threshold');
    reasons.push(
      `confidence ${confidence.toFixed(2)} is below the auto-send threshold ${options.threshold.toFixed(2)} ` +
        `(model claimed ${claimed.toFixed(2)}, independent check ${independent.toFixed(2)})`,
    );
  }

  // Checked in the form a reader sees: full-width letters and hidden characters must not slip a
  // promise past the patterns.
  const replyText = readableForm(reply.text);
  const violations = checkReplyRules({
    reply: replyText,
    ticketText,
    allowedEmails: [session.ticket.customerEmail, ...(session.customer ? [session.customer.email] : [])],
    allowedOrderIds: session.ownOrderIds(),
    allowedLinkHosts: [...options.allowedLinkHosts],
  });
  for (const violation of violations) {
    rules.push(`reply:${violation.rule}`);
    reasons.push(`reply rule "${violation.rule}": ${violation.message}`);
  }
  const lookAlikes = findLookAlikeWords(replyText);
  if (lookAlikes.length > 0) {
    rules.push('reply:look-alike');
    reasons.push(`the reply mixes look-alike letters of other scripts into words ("${lookAlikes[0]}")`);
  }
  const claim = ACTION_CLAIM.exec(replyText);
  if (claim) {
    rules.push('reply:action-claim');
    reasons.push(`the reply says something was done ("${shorten(claim[0])}"), but the agent cannot change anything: only a person can`);
  }
  const echoes = findTicketEchoes(replyText, ticketText);
  if (echoes.length > 0) {
    rules.push('reply:echo');
    reasons.push(`the reply repeats the ticket's own words ("${echoes[0]}"), as a reply does when it obeys the ticket`);
  }

  return {
    allowed: reasons.length === 0,
    confidence,
    claimedConfidence: claimed,
    independentConfidence: independent,
    reasons,
    tags: [
      ...escalationTags(signals),
      // A CRM answer about someone else may be a data leak in the making: security looks at it.
      ...(session.crmMismatches.length > 0 ? ['security'] : []),
      ...new Set(injection.map((signal) => (signal.kind === 'third-party' ? 'third-party-data' : 'prompt-injection'))),
    ],
    rules,
  };
}

export { findInjectionSignals, findLookAlikeWords, findTicketEchoes } from './injection-signals.js';
export type { InjectionKind, InjectionSignal } from './injection-signals.js';
