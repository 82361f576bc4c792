/**
 * Reviewers' decisions on drafts, as the API stores them: a `review-approved` or `review-rejected`
 * audit event, with the ticket, the triage's decision and, for an approval, the reply that was sent.
 */
import { parseJsonText, toTimestamp } from '../dialect.js';
import type { Executor } from './with-transaction.js';

export const REVIEW_EVENT_TYPES = ['review-approved', 'review-rejected'] as const;

export interface StoredReview {
  ticketId: string;
  type: (typeof REVIEW_EVENT_TYPES)[number];
  reviewedAt: string;
  data: Record<string, unknown>;
  subject: string | null;
  body: string;
  predictedIntent: string | null;
  tags: string[];
  /** The public reply of an approval, as sent. */
  sentText: string | null;
}

function isReviewEventType(type: string): type is StoredReview['type'] {
  return (REVIEW_EVENT_TYPES as readonly string[]).includes(type);
}

/** The latest review of each ticket reviewed in the range, oldest first. */
export async function listReviews(db: Executor, range: { since?: Date | string; until?: Date | string } = {}): Promise<StoredReview[]> {
  let select = db
    .selectFrom('audit_events as event')
    .innerJoin('tickets as ticket', 'ticket.id', 'event.ticket_id')
    .leftJoin('decisions as decision', 'decision.ticket_id', 'event.ticket_id')
    .leftJoin('outbox as send', (join) => join.onRef('send.ticket_id', '=', 'event.ticket_id').on('send.kind', '=', 'send'))
    .select([
      'event.ticket_id as ticketId',
      'event.type as type',
      'event.ts as reviewedAt',
      'event.data as data',
      'ticket.subject as subject',
      'ticket.body as body',
      'decision.intent as predictedIntent',
      'decision.tags as tags',
      'send.text as sentText',
    ])
    .where('event.type', 'in', [...REVIEW_EVENT_TYPES]);
  if (range.since !== undefined) select = select.where('event.ts', '>=', toTimestamp(range.since, 'since'));
  if (range.until !== undefined) select = select.where('event.ts', '<=', toTimestamp(range.until, 'until'));
  const rows = await select.orderBy('event.ts').orderBy('event.id').execute();
  // A draft rejected twice has two events; the last one is the reviewer's final word.
  const latest = new Map<string, StoredReview>();
  for (const row of rows) {
    if (!isReviewEventType(row.type)) continue;
    latest.delete(row.ticketId);
    latest.set(row.ticketId, {
      ticketId: row.ticketId,
      type: row.type,
      reviewedAt: row.reviewedAt,
      data: parseJsonText<Record<string, unknown>>(row.data, {}),
      subject: row.subject,
      body: row.body,
      predictedIntent: row.predictedIntent,
      tags: parseJsonText<string[]>(row.tags, []),
      sentText: row.sentText,
    });
  }
  return [...latest.values()];
}
