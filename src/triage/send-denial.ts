/**
 * A refused send as the gate hands it back: the same text for every model, plus structured details
 * an in-process model (the local model) reads instead of parsing text. The text names no rule (see
 * GENERIC_SEND_DENIAL); the details carry what a draft needs (the escalation tags) and which step
 * refused, never the guard's reasons, which go to the session for the reviewer.
 */
import { z } from 'zod';
import type { PermissionDecision } from '../agentao/index.js';

/**
 * What the model hears when a send is refused. It names no rule: a reason such as "the sentence X
 * is not backed" is a hint for rephrasing until something passes. The full reasons go to the
 * session (outcome reasons, audit trail) for the reviewer.
 */
export const GENERIC_SEND_DENIAL =
  'The reply cannot be sent automatically; it will be left for a human reviewer. Do not call send_reply again in this ticket: call draft_reply with your reply, or stop.';

export const sendDenialDetails = z.object({
  /** `send-guard`: the checks refused this reply; `latched`: an earlier send was refused; `cpu-budget`: the checks ran out of time. */
  refusedBy: z.enum(['send-guard', 'latched', 'cpu-budget']),
  /** The escalation tags the guard found for this reply (empty when it did not assess it). */
  tags: z.array(z.string()),
});

export type SendDenialDetails = z.infer<typeof sendDenialDetails>;

export function sendDenial(details: SendDenialDetails): PermissionDecision {
  return { action: 'deny', reason: GENERIC_SEND_DENIAL, details };
}

/** The details of a refused send, or undefined when a tool message carries none (another engine). */
export function readSendDenial(details: unknown): SendDenialDetails | undefined {
  const parsed = sendDenialDetails.safeParse(details);
  return parsed.success ? parsed.data : undefined;
}
