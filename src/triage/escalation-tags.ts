/**
 * The escalation tags. The ones read from the ticket's words (by word lists and by the tag model)
 * are listed once here, so the corpus, the model and the matrix cannot disagree on a name.
 */
export const TEXT_ESCALATION_TAGS = [
  'retention',
  'legal-review',
  'security',
  'human-requested',
  'complaint',
  'third-party-data',
  'refund',
] as const;

/** A tag the ticket's text can carry; the tag model learns exactly these. */
export type EscalationModelTag = (typeof TEXT_ESCALATION_TAGS)[number];

/** `enterprise` comes from the customer's plan, never from the text. */
export type EscalationTag = EscalationModelTag | 'enterprise';

export function isEscalationModelTag(value: string): value is EscalationModelTag {
  return (TEXT_ESCALATION_TAGS as readonly string[]).includes(value);
}
