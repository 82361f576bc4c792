/**
 * The reviewer API: ticket status with its audit trail, the decisions query, and approve / reject of
 * drafts, claims, the customer's context and the live event stream. Every route needs
 * `Authorization: Bearer <token>` of a named reviewer (REVIEWER_TOKENS) or the shared REVIEWER_TOKEN.
 */
import { createHash } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { HttpError } from '../../http-errors.js';
import { outboxIdempotencyKey } from '../../process-ticket.js';
import { parseConfidence, parseTimeWindow } from '../../time-range.js';
import { InputError } from '../../errors.js';
import { HELPDESK_PROVIDERS, TRIAGE_DECISIONS } from '../../../triage/types.js';
import { appendAuditEvents, listAuditEvents } from '../../store/repositories/audit-repository.js';
import { getDecision, queryDecisions } from '../../store/repositories/decision-repository.js';
import {
  getOutboxForTicket,
  insertOutboxIfAbsent,
  readSealedText,
  setOutboxStatus,
  wipeSealedText,
  type OutboxEntry,
} from '../../store/repositories/outbox-repository.js';
import { getTicket, setTicketStatus } from '../../store/repositories/ticket-repository.js';
import { listWebhookRejections } from '../../store/repositories/webhook-rejection-repository.js';
import { scrubText } from '../../../triage/scrubber.js';
import { replyDecision } from '../../reply-channel.js';
import type { ServiceContext } from '../../service-context.js';
import { deliveryFailureRoutes } from './delivery-failure-routes.js';
import { type OutboxCipher, OutboxKeyError } from '../../outbox/outbox-cipher.js';
import { restoreMaskedValues } from '../../outbox/restore-masked-values.js';
import { draftQueueQuery, selectDrafts, type QueueRow } from '../../review/draft-queue.js';
import { createReviewerDirectory } from '../../review/reviewer-directory.js';
import { getClaim, listClaims, releaseClaim } from '../../store/repositories/claim-repository.js';
import { claimRoutes } from './claim-routes.js';
import { customerContextRoutes } from './customer-context-routes.js';
import { eventStreamRoutes } from './event-stream-routes.js';
import { recordedReviewer, type AuthenticatedReviewer } from './reviewer-identity.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the reviewer API's authentication hook; null outside it. */
    reviewer: AuthenticatedReviewer | null;
  }
}

/** Binds a reviewer's approval to one exact draft: its row id and a hash of its text. */
export function draftHash(entry: Pick<OutboxEntry, 'id' | 'text'>): string {
  return createHash('sha256').update(`${entry.id}\n${entry.text}`).digest('hex').slice(0, 32);
}

/** The reviewer's correction of the ticket's intent: a labelled example for the next training. */
const reviewerIntent = z.string().trim().min(1).max(80).optional();

const approveBody = z
  .object({
    draftId: z.string().min(1),
    draftHash: z.string().min(1),
    text: z.string().trim().min(1).max(8000).optional(),
    reviewer: z.string().trim().min(1).max(100).optional(),
    intent: reviewerIntent,
    /** Approve although another reviewer holds the claim (the claim passes to this reviewer). */
    takeOver: z.boolean().optional(),
  })
  .strict();
const rejectBody = z
  .object({
    reason: z.string().trim().min(1).max(2000),
    reviewer: z.string().trim().min(1).max(100).optional(),
    intent: reviewerIntent,
    takeOver: z.boolean().optional(),
    /** Optional binding, as for approve: a bulk rejection names the draft the reviewer saw. */
    draftId: z.string().min(1).optional(),
    draftHash: z.string().min(1).optional(),
  })
  .strict();
const decisionsQuery = z
  .object({
    minConfidence: z.string().optional(),
    maxConfidence: z.string().optional(),
    since: z.string().optional(),
    until: z.string().optional(),
    decision: z.enum(TRIAGE_DECISIONS).optional(),
    tag: z.string().max(40).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

const webhookRejectionsQuery = z
  .object({
    provider: z.enum(HELPDESK_PROVIDERS).optional(),
    outcome: z.enum(['ignored', 'rejected']).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

function parseOr400<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
    throw new HttpError(400, 'invalid_request', problems);
  }
  return parsed.data;
}

function reviewState(outbox: OutboxEntry[]) {
  const send = outbox.find((entry) => entry.kind === 'send');
  const draft = outbox.find((entry) => entry.kind === 'draft');
  if (send?.status === 'failed') return 'delivery-failed';
  if (send) return send.approvedBy ? 'approved' : 'auto-sent';
  if (draft?.status === 'rejected') return 'rejected';
  if (draft) return 'awaiting-review';
  return 'none';
}

/** The reviewer's edit with the masks they kept put back (restore-masked-values.ts). */
function restoreMasks(edited: string, draftSealed: string | null, ticketId: string, cipher: OutboxCipher): { text: string; restored: number } {
  // Every mask has brackets: an edit without one needs no draft opened.
  if (draftSealed === null || !edited.includes('[')) return { text: edited, restored: 0 };
  let exactDraft: string;
  try {
    exactDraft = cipher.open(draftSealed, ticketId);
  } catch (error) {
    if (error instanceof OutboxKeyError) throw new HttpError(503, 'outbox_key', error.message);
    throw error;
  }
  const result = restoreMaskedValues(edited, exactDraft);
  if (!result.ok) {
    throw new HttpError(400, 'ambiguous_mask', `${result.mask} stood for more than one value in the draft: write out the one the customer should read`);
  }
  return result;
}

export const apiRoutes: FastifyPluginAsync<{ services: ServiceContext }> = async (app, { services }) => {
  const { db } = services.runtime.store;
  const knownIntents = new Set(services.runtime.deps.classifier.intents);
  const checkIntent = (intent: string | undefined) => {
    if (intent !== undefined && !knownIntents.has(intent)) {
      throw new HttpError(400, 'unknown_intent', `intent "${intent}" is not one the classifier knows (e.g. ${[...knownIntents].slice(0, 3).join(', ')})`);
    }
  };

  const reviewers = createReviewerDirectory(services.reviewerToken, services.config.REVIEWER_TOKENS ?? []);
  app.decorateRequest('reviewer', null);
  app.addHook('onRequest', async (request) => {
    const reviewer = reviewers.authenticate(request.headers.authorization);
    if (!reviewer) throw new HttpError(401, 'unauthorized', 'send Authorization: Bearer <your reviewer token> (REVIEWER_TOKENS or REVIEWER_TOKEN)');
    request.reviewer = reviewer;
  });
  await app.register(deliveryFailureRoutes, { services });

  /** A claim by someone else blocks a decision unless the reviewer takes the ticket over explicitly. */
  const checkClaim = async (executor: Parameters<typeof getClaim>[0], ticketId: string, reviewer: string, takeOver: boolean | undefined) => {
    const claim = await getClaim(executor, ticketId);
    if (claim && claim.reviewer !== reviewer && !takeOver) {
      throw new HttpError(409, 'claimed_by_other', `${claim.reviewer} is working on this ticket (claimed ${claim.claimedAt}): take it over to decide`);
    }
    return claim && claim.reviewer !== reviewer ? claim.reviewer : undefined;
  };

  await app.register(claimRoutes, { services });
  await app.register(customerContextRoutes, { services });
  await app.register(eventStreamRoutes, { services });

  app.get('/me', async (request) => ({ reviewer: request.reviewer?.name, shared: request.reviewer?.shared ?? true }));

  app.get<{ Params: { id: string } }>('/tickets/:id', async (request) => {
    const ticket = await getTicket(db, request.params.id);
    if (!ticket) throw new HttpError(404, 'not_found', `no ticket with id "${request.params.id}"`);
    const [outcome, events, outbox, claim] = await Promise.all([
      getDecision(db, ticket.id),
      listAuditEvents(db, ticket.id),
      getOutboxForTicket(db, ticket.id),
      getClaim(db, ticket.id),
    ]);
    return {
      ticket,
      status: ticket.status,
      outcome: outcome ?? null,
      review: reviewState(outbox),
      outbox: outbox.map((entry) => ({ ...entry, hash: draftHash(entry) })),
      claim,
      events,
    };
  });

  app.get('/decisions', async (request) => {
    const query = parseOr400(decisionsQuery, request.query);
    const filter = {
      minConfidence: query.minConfidence === undefined ? undefined : parseConfidence(query.minConfidence, 'minConfidence'),
      maxConfidence: query.maxConfidence === undefined ? undefined : parseConfidence(query.maxConfidence, 'maxConfidence'),
      ...parseTimeWindow({ since: query.since, until: query.until }),
      decision: query.decision,
      tag: query.tag,
      limit: query.limit,
      offset: query.offset,
    };
    if (filter.minConfidence !== undefined && filter.maxConfidence !== undefined && filter.minConfidence > filter.maxConfidence) {
      throw new InputError('minConfidence is above maxConfidence: the range is empty', 'bad_confidence');
    }
    return { decisions: await queryDecisions(db, filter) };
  });

  // Webhook events acknowledged without a ticket, newest first: nothing a helpdesk sends is dropped unseen.
  app.get('/webhook-rejections', async (request) => {
    const query = parseOr400(webhookRejectionsQuery, request.query);
    return { rejections: await listWebhookRejections(db, query) };
  });

  app.get('/drafts', async (request) => {
    const query = parseOr400(draftQueueQuery, request.query);
    const drafted = await queryDecisions(db, { decision: 'drafted', limit: 500 });
    const claims = await listClaims(db, drafted.map((decision) => decision.ticketId));
    const rows = await Promise.all(
      drafted.map(async (decision) => {
        const [outbox, ticket] = await Promise.all([getOutboxForTicket(db, decision.ticketId), getTicket(db, decision.ticketId)]);
        const draft = outbox.find((entry) => entry.kind === 'draft');
        if (reviewState(outbox) !== 'awaiting-review' || !draft) return null;
        const firstLine = ticket?.body.split('\n').find((line) => line.trim())?.trim().slice(0, 200) ?? '';
        const row: QueueRow & typeof decision = {
          ...decision,
          subject: ticket?.subject ?? null,
          firstLine,
          body: ticket?.body ?? '',
          receivedAt: ticket?.receivedAt ?? null,
          source: ticket?.source ?? null,
          customerEmail: ticket?.customerEmail ?? null,
          draftId: draft.id,
          draftHash: draftHash(draft),
          claimedBy: claims.get(decision.ticketId)?.reviewer ?? null,
        };
        return row;
      }),
    );
    const { rows: selected, hiddenTest } = selectDrafts(rows.filter((row) => row !== null), query);
    // The full text stays on the server: the list carries the first line, the ticket view the rest.
    return { drafts: selected.map(({ body: _body, ...row }) => ({ ...row, review: 'awaiting-review' })), hiddenTest };
  });

  app.post<{ Params: { id: string } }>('/tickets/:id/approve', async (request, reply) => {
    const body = parseOr400(approveBody, request.body);
    checkIntent(body.intent);
    const ticketId = request.params.id;
    const identity = recordedReviewer(request.reviewer, body.reviewer);
    const reviewer = identity.reviewer;
    const result = await db.transaction().execute(async (transaction) => {
      const ticket = await getTicket(transaction, ticketId);
      if (!ticket) throw new HttpError(404, 'not_found', `no ticket with id "${ticketId}"`);
      const outbox = await getOutboxForTicket(transaction, ticketId);
      const send = outbox.find((entry) => entry.kind === 'send');
      if (send?.status === 'failed') {
        throw new HttpError(409, 'delivery_failed', `the reply could not be delivered (${send.lastError ?? 'unknown reason'}): retry the delivery instead`);
      }
      if (send) throw new HttpError(409, 'already_sent', 'this ticket has already been answered');
      const draft = outbox.find((entry) => entry.kind === 'draft');
      if (!draft) throw new HttpError(409, 'no_draft', 'this ticket has no draft to approve');
      if (draft.status === 'rejected') throw new HttpError(409, 'draft_rejected', 'this draft was rejected');
      const tookOverFrom = await checkClaim(transaction, ticketId, reviewer, body.takeOver);
      // The approval names one exact draft; a stale page or a reused approval cannot send something else.
      if (draft.id !== body.draftId || draftHash(draft) !== body.draftHash) {
        throw new HttpError(409, 'draft_changed', 'the approval does not match the current draft: reload it and approve again');
      }
      // Delivered exactly as approved: the reviewer's text as typed, or else the draft's exact text
      // (still sealed for this ticket, so it is copied, never opened here). Shown and audited scrubbed.
      const draftSealed = await readSealedText(transaction, draft.id);
      const typed = body.text === undefined ? undefined : restoreMasks(body.text, draftSealed, ticketId, services.runtime.outboxCipher);
      const sealedText = typed !== undefined ? services.runtime.outboxCipher.seal(typed.text, ticketId) : draftSealed;
      const { inserted, row } = await insertOutboxIfAbsent(transaction, {
        ticketId,
        kind: 'send',
        text: scrubText(body.text ?? draft.text).text,
        sealedText,
        tags: draft.tags,
        confidence: draft.confidence,
        public: true,
        idempotencyKey: outboxIdempotencyKey(ticketId, 'send'),
        approvedBy: reviewer,
      });
      if (!inserted) throw new HttpError(409, 'already_sent', 'this ticket has already been answered');
      if (draftSealed !== null) await wipeSealedText(transaction, draft.id);
      // A HubSpot ticket without a conversation thread takes the approved reply as a note: `noted`.
      await setTicketStatus(transaction, ticketId, replyDecision(ticket));
      await appendAuditEvents(transaction, {
        ticketId,
        runId: null,
        events: [
          {
            type: 'review-approved',
            ts: new Date().toISOString(),
            data: {
              ...identity,
              draftId: draft.id,
              draftHash: body.draftHash,
              edited: body.text !== undefined && body.text !== draft.text,
              restoredMasks: typed?.restored ?? 0,
              sendId: row.id,
              ...(body.intent ? { intent: body.intent } : {}),
              ...(tookOverFrom ? { tookOverFrom } : {}),
            },
          },
        ],
      });
      // A decided ticket needs nobody's attention any more.
      await releaseClaim(transaction, ticketId, reviewer, { anyone: true });
      return { row, status: replyDecision(ticket) };
    });
    await services.dispatch?.(ticketId);
    return reply.code(202).send({ ticketId, status: result.status, outboxId: result.row.id });
  });

  app.post<{ Params: { id: string } }>('/tickets/:id/reject', async (request) => {
    const body = parseOr400(rejectBody, request.body);
    checkIntent(body.intent);
    const ticketId = request.params.id;
    const identity = recordedReviewer(request.reviewer, body.reviewer);
    await db.transaction().execute(async (transaction) => {
      const ticket = await getTicket(transaction, ticketId);
      if (!ticket) throw new HttpError(404, 'not_found', `no ticket with id "${ticketId}"`);
      const outbox = await getOutboxForTicket(transaction, ticketId);
      if (outbox.some((entry) => entry.kind === 'send')) throw new HttpError(409, 'already_sent', 'this ticket has already been answered');
      const draft = outbox.find((entry) => entry.kind === 'draft');
      if (!draft) throw new HttpError(409, 'no_draft', 'this ticket has no draft to reject');
      if ((body.draftId !== undefined || body.draftHash !== undefined) && (draft.id !== body.draftId || draftHash(draft) !== body.draftHash)) {
        throw new HttpError(409, 'draft_changed', 'the rejection does not match the current draft: reload it and decide again');
      }
      const tookOverFrom = await checkClaim(transaction, ticketId, identity.reviewer, body.takeOver);
      await setOutboxStatus(transaction, draft.id, 'rejected');
      await wipeSealedText(transaction, draft.id);
      await appendAuditEvents(transaction, {
        ticketId,
        runId: null,
        events: [
          {
            type: 'review-rejected',
            ts: new Date().toISOString(),
            data: {
              ...identity,
              reason: scrubText(body.reason).text,
              draftId: draft.id,
              ...(body.intent ? { intent: body.intent } : {}),
              ...(tookOverFrom ? { tookOverFrom } : {}),
            },
          },
        ],
      });
      await releaseClaim(transaction, ticketId, identity.reviewer, { anyone: true });
    });
    return { ticketId, status: 'rejected' };
  });
};
