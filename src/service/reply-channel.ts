/**
 * Whether a ticket's helpdesk can take a public reply. A HubSpot ticket without a conversation
 * thread can only take an internal note: a reply we would send is then `noted`, so neither the CLI,
 * the API, the console nor the metrics ever call it sent.
 */
import type { Ticket, TriageDecision, TriageOutcome } from '../triage/types.js';

/** Why this ticket cannot take a public reply; undefined when it can. */
export function publicReplyUnavailable(ticket: Pick<Ticket, 'source' | 'threadId'>): string | undefined {
  if (ticket.source === 'hubspot' && ticket.threadId === undefined) {
    return 'the HubSpot ticket has no conversation thread: the reply is posted as an internal note for a person to send';
  }
  return undefined;
}

/** The decision a reply to this ticket really gets: `noted` where only a note is possible. */
export function replyDecision(ticket: Pick<Ticket, 'source' | 'threadId'>): Extract<TriageDecision, 'sent' | 'noted'> {
  return publicReplyUnavailable(ticket) === undefined ? 'sent' : 'noted';
}

/** A `sent` outcome for a ticket that can only take notes becomes `noted`, with the reason. */
export function withReplyChannel(ticket: Pick<Ticket, 'source' | 'threadId'>, outcome: TriageOutcome): TriageOutcome {
  if (outcome.decision !== 'sent') return outcome;
  const reason = publicReplyUnavailable(ticket);
  return reason === undefined ? outcome : { ...outcome, decision: 'noted', reasons: [...outcome.reasons, reason] };
}
