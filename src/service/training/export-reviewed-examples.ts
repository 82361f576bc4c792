/** Reviewers' decisions on drafts turned into the reviewed-examples format (one object a line). */
import { reviewedExampleSchema, type ReviewedExample } from '../../triage/local-model/reviewed-examples.js';
import { listReviews, type StoredReview } from '../store/repositories/review-repository.js';
import type { Executor } from '../store/repositories/with-transaction.js';

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** The ticket as the classifier reads it: subject, then body (see buildSession). */
function ticketText(review: StoredReview): string {
  return review.subject ? `${review.subject}\n${review.body}` : review.body;
}

export function toReviewedExample(review: StoredReview): ReviewedExample | undefined {
  const reviewerIntent = text(review.data.intent);
  const intent = reviewerIntent ?? review.predictedIntent ?? undefined;
  // A ticket drafted before its triage finished has no intent to learn from.
  if (intent === undefined) return undefined;
  const approved = review.type === 'review-approved';
  const candidate = {
    ticketId: review.ticketId,
    text: ticketText(review),
    intent,
    intentSource: reviewerIntent ? 'reviewer' : 'model',
    predictedIntent: review.predictedIntent ?? '',
    outcome: approved ? (review.data.edited === true ? 'edited' : 'approved') : 'rejected',
    ...(approved && review.sentText !== null ? { reply: review.sentText } : {}),
    tags: review.tags,
    ...(!approved && text(review.data.reason) ? { reason: text(review.data.reason) } : {}),
    // With the shared token the authenticated name is only "reviewer"; the name typed in says more.
    reviewer: text(review.data.declaredName) ?? text(review.data.reviewer) ?? 'reviewer',
    reviewedAt: review.reviewedAt,
  };
  // Parsed, not asserted: an old event with an intent outside the format is skipped, not exported.
  const parsed = reviewedExampleSchema.safeParse(candidate);
  return parsed.success ? parsed.data : undefined;
}

export async function exportReviewedExamples(db: Executor, range: { since?: string; until?: string } = {}): Promise<ReviewedExample[]> {
  const reviews = await listReviews(db, range);
  return reviews.map(toReviewedExample).filter((example): example is ReviewedExample => example !== undefined);
}
