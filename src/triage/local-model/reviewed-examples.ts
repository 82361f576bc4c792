/**
 * Reviewers' decisions as training examples: the JSONL that `triage export-training` writes and
 * `npm run train -- --include-reviewed FILE` reads. One definition of the format for both sides.
 *
 * What becomes a labelled example: an approved or edited draft (the reviewer let the answer to that
 * intent go out) under its intent, the reviewer's correction when given; a rejected draft only
 * when the reviewer named the right intent, since a rejection alone says the reply was wrong, not
 * which intent the ticket had.
 */
import { z } from 'zod';
import { parseJsonLines } from './parse-jsonl.js';
import type { IntentExample } from './intent-classifier.js';
import type { DecisionLine } from './dev-set-decisions.js';
import { readMail, subjectAndRequest } from '../mail/read-mail.js';

export const reviewedExampleSchema = z.object({
  ticketId: z.string().min(1),
  /** The ticket as stored (scrubbed), subject first when it has one: what the classifier reads. */
  text: z.string().trim().min(1),
  intent: z.string().regex(/^[a-z_]+$/),
  /** `reviewer` when the reviewer named the intent, `model` when it is the triage's own. */
  intentSource: z.enum(['reviewer', 'model']),
  /** The intent the triage predicted, to see what the reviewer corrected. */
  predictedIntent: z.string(),
  outcome: z.enum(['approved', 'edited', 'rejected']),
  /** The reply that went out (approved or edited), as the reviewer sent it. */
  reply: z.string().optional(),
  tags: z.array(z.string()),
  /** Why the reviewer rejected the draft. */
  reason: z.string().optional(),
  reviewer: z.string(),
  reviewedAt: z.string(),
});

export type ReviewedExample = z.output<typeof reviewedExampleSchema>;

export function parseReviewedExamples(content: string, source: string): ReviewedExample[] {
  return parseJsonLines(content, source, reviewedExampleSchema);
}

/**
 * Reviewers' decisions as open-question lines (open-question-model.ts): a draft approved as it was
 * could have gone out on its own (`sent`); one the reviewer edited or rejected needed a person
 * (`drafted`). Only drafts without tags: a tagged draft was held for its tag, which says nothing about
 * whether the knowledge base answers the question. Read as the triage reads a ticket: the newest
 * message, its quoted history set aside (the exported text is the subject line, then the body).
 */
export function reviewedDecisionLines(examples: readonly ReviewedExample[]): DecisionLine[] {
  return examples
    .filter((example) => example.tags.length === 0)
    .map((example) => ({
      text: subjectAndRequest(undefined, readMail(example.text)).trim(),
      decision: example.outcome === 'approved' ? ('sent' as const) : ('drafted' as const),
    }))
    .filter((line) => line.text !== '');
}

/** The labelled examples among reviewers' decisions (see the file comment). */
export function reviewedTrainingExamples(examples: readonly ReviewedExample[]): IntentExample[] {
  return examples
    .filter((example) => example.outcome !== 'rejected' || example.intentSource === 'reviewer')
    .map((example) => ({ text: example.text, intent: example.intent }));
}
