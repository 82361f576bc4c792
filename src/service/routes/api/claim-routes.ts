/**
 * POST /api/tickets/:id/claim and /release: a reviewer says they are working on a ticket. Another
 * reviewer sees the claim and must take the ticket over explicitly (`{takeOver: true}`) to claim or
 * decide it; every claim, take-over and release is in the audit trail.
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { HttpError } from '../../http-errors.js';
import type { ServiceContext } from '../../service-context.js';
import { appendAuditEvents } from '../../store/repositories/audit-repository.js';
import { claimTicket, getClaim, releaseClaim } from '../../store/repositories/claim-repository.js';
import { getTicket } from '../../store/repositories/ticket-repository.js';
import { withTransaction } from '../../store/repositories/with-transaction.js';

const claimBody = z.object({ takeOver: z.boolean().optional() }).strict();

export const claimRoutes: FastifyPluginAsync<{ services: ServiceContext }> = async (app, { services }) => {
  const { db } = services.runtime.store;

  app.post<{ Params: { id: string } }>('/tickets/:id/claim', async (request) => {
    const parsed = claimBody.safeParse(request.body ?? {});
    if (!parsed.success) throw new HttpError(400, 'invalid_request', 'body: {"takeOver"?: boolean}');
    const ticketId = request.params.id;
    const reviewer = request.reviewer?.name ?? 'reviewer';
    return withTransaction(db, async (transaction) => {
      if (!(await getTicket(transaction, ticketId))) throw new HttpError(404, 'not_found', `no ticket with id "${ticketId}"`);
      const result = await claimTicket(transaction, ticketId, reviewer, { takeOver: parsed.data.takeOver });
      if (result.outcome === 'held-by-other') {
        throw new HttpError(409, 'claimed_by_other', `${result.claim.reviewer} is working on this ticket (claimed ${result.claim.claimedAt}): take it over to claim it`);
      }
      const previous = result.previous?.reviewer;
      await appendAuditEvents(transaction, {
        ticketId,
        runId: null,
        events: [{ type: 'review-claimed', ts: result.claim.claimedAt, data: { reviewer, ...(previous ? { tookOverFrom: previous } : {}) } }],
      });
      return { ticketId, claimedBy: reviewer, claimedAt: result.claim.claimedAt, ...(previous ? { tookOverFrom: previous } : {}) };
    });
  });

  app.post<{ Params: { id: string } }>('/tickets/:id/release', async (request) => {
    const ticketId = request.params.id;
    const reviewer = request.reviewer?.name ?? 'reviewer';
    return withTransaction(db, async (transaction) => {
      const claim = await getClaim(transaction, ticketId);
      if (!claim) return { ticketId, claimedBy: null };
      if (claim.reviewer !== reviewer) throw new HttpError(409, 'claimed_by_other', `${claim.reviewer} holds this claim; only they can release it`);
      await releaseClaim(transaction, ticketId, reviewer);
      await appendAuditEvents(transaction, { ticketId, runId: null, events: [{ type: 'review-released', ts: new Date().toISOString(), data: { reviewer } }] });
      return { ticketId, claimedBy: null };
    });
  });
};
