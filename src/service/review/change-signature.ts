/**
 * A cheap fingerprint of what the review console shows: decisions (a new draft or send), outbox rows
 * (an approval, a rejection, a delivery) and claims. Read from the store, so a change made by any
 * process (another server, a worker) shows up, not only this one's.
 */
import { sql } from 'kysely';
import type { Executor } from '../store/repositories/with-transaction.js';

export interface ChangeSignature {
  decisions: string;
  outbox: string;
  claims: string;
}

export async function readChangeSignature(db: Executor): Promise<ChangeSignature> {
  const [decisions, outbox, claims] = await Promise.all([
    db.selectFrom('decisions').select([sql<string>`max(created_at)`.as('latest'), sql<number>`count(*)`.as('count')]).executeTakeFirst(),
    db
      .selectFrom('outbox')
      .select([
        sql<string>`max(created_at)`.as('latest'),
        sql<number>`count(*)`.as('count'),
        sql<number>`sum(case when status = 'rejected' then 1 else 0 end)`.as('rejected'),
        sql<number>`sum(case when status = 'delivered' then 1 else 0 end)`.as('delivered'),
      ])
      .executeTakeFirst(),
    db.selectFrom('ticket_claims').select([sql<string>`max(claimed_at)`.as('latest'), sql<number>`count(*)`.as('count')]).executeTakeFirst(),
  ]);
  return {
    decisions: `${decisions?.latest ?? ''}/${decisions?.count ?? 0}`,
    outbox: `${outbox?.latest ?? ''}/${outbox?.count ?? 0}/${outbox?.rejected ?? 0}/${outbox?.delivered ?? 0}`,
    claims: `${claims?.latest ?? ''}/${claims?.count ?? 0}`,
  };
}

/** Which parts changed, in the words the console's stream uses. */
export function changedParts(previous: ChangeSignature, next: ChangeSignature): Array<keyof ChangeSignature> {
  return (Object.keys(next) as Array<keyof ChangeSignature>).filter((part) => previous[part] !== next[part]);
}
