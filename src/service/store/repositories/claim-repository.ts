/**
 * Claims: the reviewer working on a ticket. A claim by someone else is only replaced when the
 * caller says so (`takeOver`), and the caller learns whose claim it replaced.
 */
import { nowTimestamp, onConflictDoNothing } from '../dialect.js';
import type { Executor } from './with-transaction.js';
import { withTransaction } from './with-transaction.js';

export interface TicketClaim {
  ticketId: string;
  reviewer: string;
  claimedAt: string;
}

export type ClaimResult =
  | { outcome: 'claimed'; claim: TicketClaim; previous: TicketClaim | null }
  | { outcome: 'held-by-other'; claim: TicketClaim };

export async function getClaim(db: Executor, ticketId: string): Promise<TicketClaim | null> {
  const row = await db.selectFrom('ticket_claims').selectAll().where('ticket_id', '=', ticketId).executeTakeFirst();
  return row ? { ticketId: row.ticket_id, reviewer: row.reviewer, claimedAt: row.claimed_at } : null;
}

/** Claims by ticket id, for the queue. */
export async function listClaims(db: Executor, ticketIds: readonly string[]): Promise<Map<string, TicketClaim>> {
  const claims = new Map<string, TicketClaim>();
  // Chunks keep the statement under SQLite's and PostgreSQL's parameter limits.
  for (let start = 0; start < ticketIds.length; start += 500) {
    const rows = await db.selectFrom('ticket_claims').selectAll().where('ticket_id', 'in', ticketIds.slice(start, start + 500)).execute();
    for (const row of rows) claims.set(row.ticket_id, { ticketId: row.ticket_id, reviewer: row.reviewer, claimedAt: row.claimed_at });
  }
  return claims;
}

export async function claimTicket(db: Executor, ticketId: string, reviewer: string, options: { takeOver?: boolean } = {}): Promise<ClaimResult> {
  return withTransaction(db, async (transaction) => {
    const claimedAt = nowTimestamp();
    const inserted = await onConflictDoNothing(transaction.insertInto('ticket_claims').values({ ticket_id: ticketId, reviewer, claimed_at: claimedAt }))
      .returningAll()
      .executeTakeFirst();
    if (inserted) return { outcome: 'claimed', claim: { ticketId, reviewer, claimedAt }, previous: null };
    const existing = await getClaim(transaction, ticketId);
    if (existing && existing.reviewer === reviewer) return { outcome: 'claimed', claim: existing, previous: null };
    if (existing && !options.takeOver) return { outcome: 'held-by-other', claim: existing };
    // Conditional on the claim read above, so two take-overs at once cannot both report success.
    const updated = await transaction
      .updateTable('ticket_claims')
      .set({ reviewer, claimed_at: claimedAt })
      .where('ticket_id', '=', ticketId)
      .where('reviewer', '=', existing?.reviewer ?? reviewer)
      .returningAll()
      .executeTakeFirst();
    if (!updated) {
      const now = await getClaim(transaction, ticketId);
      return now ? { outcome: 'held-by-other', claim: now } : claimTicket(transaction, ticketId, reviewer, options);
    }
    return { outcome: 'claimed', claim: { ticketId, reviewer, claimedAt }, previous: existing };
  });
}

/** Removes the ticket's claim; only its holder's unless `anyone`. True when a claim was removed. */
export async function releaseClaim(db: Executor, ticketId: string, reviewer: string, options: { anyone?: boolean } = {}): Promise<boolean> {
  let query = db.deleteFrom('ticket_claims').where('ticket_id', '=', ticketId);
  if (!options.anyone) query = query.where('reviewer', '=', reviewer);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
