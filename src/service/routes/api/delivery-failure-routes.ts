/**
 * Deliveries the outbox gave up on: listed for the review queue with their reason, and re-armed by
 * a reviewer once the cause is fixed (the helpdesk is back, a setting or the key is corrected).
 * Registered inside the reviewer API, so the same bearer token guards it.
 *
 * A retry puts the SAME outbox entry back to pending (never a new one), so exactly-once still
 * holds: the entry keeps its idempotency key and its last error, and the dispatcher reads the
 * helpdesk for an earlier post of it before posting again.
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { HttpError } from '../../http-errors.js';
import type { ServiceContext } from '../../service-context.js';
import { appendAuditEvents } from '../../store/repositories/audit-repository.js';
import { getDecision } from '../../store/repositories/decision-repository.js';
import { getOutboxForTicket, listFailedOutbox, rearmFailedOutbox } from '../../store/repositories/outbox-repository.js';
import { getTicket, setTicketStatus, type TicketStatus } from '../../store/repositories/ticket-repository.js';
import type { Executor } from '../../store/repositories/with-transaction.js';

const retryBody = z.object({ reviewer: z.string().trim().min(1).max(100).optional() }).strict();

export const deliveryFailureRoutes: FastifyPluginAsync<{ services: ServiceContext }> = async (app, { services }) => {
  const { db } = services.runtime.store;

  app.get('/delivery-failures', async () => {
    const failed = await listFailedOutbox(db, 200);
    const rows = await Promise.all(
      failed.map(async (entry) => {
        const ticket = await getTicket(db, entry.ticketId);
        return {
          ticketId: entry.ticketId,
          outboxId: entry.id,
          kind: entry.kind,
          reason: entry.lastError ?? 'unknown',
          attempts: entry.attempts,
          createdAt: entry.createdAt,
          ticketStatus: ticket?.status ?? null,
          subject: ticket?.subject ?? null,
          firstLine: ticket?.body.split('\n').find((line) => line.trim())?.trim().slice(0, 200) ?? '',
        };
      }),
    );
    return { failures: rows };
  });

  app.post<{ Params: { id: string } }>('/tickets/:id/retry-delivery', async (request, reply) => {
    const parsed = retryBody.safeParse(request.body ?? {});
    if (!parsed.success) throw new HttpError(400, 'invalid_request', parsed.error.issues.map((issue) => issue.message).join('; '));
    const ticketId = request.params.id;
    const reviewer = parsed.data.reviewer ?? 'reviewer';
    const rearmed = await db.transaction().execute(async (transaction) => {
      const ticket = await getTicket(transaction, ticketId);
      if (!ticket) throw new HttpError(404, 'not_found', `no ticket with id "${ticketId}"`);
      const failed = (await getOutboxForTicket(transaction, ticketId)).filter((entry) => entry.status === 'failed');
      if (failed.length === 0) throw new HttpError(409, 'not_failed', 'this ticket has no failed delivery to retry');
      const entries = [];
      for (const entry of failed) {
        // Conditional on `failed`: of two concurrent retries, one re-arms, the other gets the 409.
        const again = await rearmFailedOutbox(transaction, entry.id);
        if (!again) throw new HttpError(409, 'not_failed', 'this delivery is already being retried');
        entries.push({ outboxId: entry.id, kind: entry.kind, lastError: entry.lastError });
      }
      await setTicketStatus(transaction, ticketId, await statusBeforeFailure(transaction, ticketId));
      await appendAuditEvents(transaction, {
        ticketId,
        runId: null,
        events: [{ type: 'delivery-retried', ts: new Date().toISOString(), data: { reviewer, entries } }],
      });
      return entries;
    });
    await services.dispatch?.(ticketId);
    return reply.code(202).send({ ticketId, status: 'retrying', outboxIds: rearmed.map((entry) => entry.outboxId) });
  });
};

/** What the ticket said before its delivery failed: `sent` once a reply is queued, else its decision. */
async function statusBeforeFailure(transaction: Executor, ticketId: string): Promise<TicketStatus> {
  const outbox = await getOutboxForTicket(transaction, ticketId);
  if (outbox.some((entry) => entry.kind === 'send')) return 'sent';
  return (await getDecision(transaction, ticketId))?.decision ?? 'drafted';
}
