/**
 * POST /webhooks/:provider - verify the provider's signature on the raw body, normalise the payload
 * into tickets, store each ticket and its job in one transaction, answer 202. The delivery id and the
 * provider's ticket id make redeliveries answer `duplicate` without a second job. On SQLite,
 * accepts that arrive together share one transaction (group-commit.ts).
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import {
  ConnectorPayloadError,
  type HelpdeskProvider,
  type NormalisedWebhook,
  type PendingEnrichment,
  type WebhookRequest,
} from '../../connectors/index.js';
import { HttpError } from '../../http-errors.js';
import { scrubTicket } from '../../../triage/scrubber.js';
import { assertNoControlCharacters, MAX_TICKET_BYTES } from '../../ticket-input.js';
import { insertTicketIfAbsent, recordWebhookDelivery } from '../../store/repositories/ticket-repository.js';
import { recordWebhookRejection } from '../../store/repositories/webhook-rejection-repository.js';
import { HELPDESK_PROVIDERS, isHelpdeskProvider, type Ticket } from '../../../triage/types.js';
import type { ServiceContext } from '../../service-context.js';
import type { Database } from '../../store/database.js';


export interface AcceptedTicket {
  ticketId: string;
  status: 'queued' | 'duplicate';
}

/** Subject and body together: both are stored, scrubbed and read by the triage. */
function ticketBytes(ticket: Ticket): number {
  return Buffer.byteLength(ticket.body, 'utf8') + (ticket.subject ? Buffer.byteLength(ticket.subject, 'utf8') : 0);
}

/** An event of the request that did not become a ticket; recorded in webhook_rejections. */
export interface UnusedEvent {
  deliveryId: string | null;
  status: 'ignored' | 'rejected';
  reason: string;
}

export const webhookRoutes: FastifyPluginAsync<{ services: ServiceContext }> = async (app, { services }) => {
  // Signatures are computed over the exact bytes: keep the body raw in this scope only.
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  app.addContentTypeParser('*', (request, _payload, done) => {
    done(new HttpError(415, 'unsupported_media_type', `content type "${request.headers['content-type'] ?? '(none)'}" is not supported: send application/json`), undefined);
  });

  const { db } = services.runtime.store;

  async function accept(
    provider: HelpdeskProvider,
    ticket: Ticket,
    deliveryId: string | undefined,
    enrichment: PendingEnrichment | undefined,
  ): Promise<AcceptedTicket> {
    const scrubbed = scrubTicket(ticket);
    const work = async (transaction: Transaction<Database>): Promise<AcceptedTicket> => {
      if (deliveryId) {
        const first = await recordWebhookDelivery(transaction, { provider, deliveryId, ticketId: ticket.id });
        if (!first) return { ticketId: ticket.id, status: 'duplicate' as const };
      }
      const { inserted, ticket: stored } = await insertTicketIfAbsent(transaction, scrubbed, enrichment);
      if (!inserted) return { ticketId: stored.id, status: 'duplicate' as const };
      await services.queue.enqueue({ ticketId: stored.id }, { transaction });
      return { ticketId: stored.id, status: 'queued' as const };
    };
    // SQLite: accepts that arrive together share a commit, with the worker's writes of that turn.
    return services.runtime.store.transact(work);
  }

  app.post<{ Params: { provider: string } }>('/:provider', async (request: FastifyRequest<{ Params: { provider: string } }>, reply) => {
    const started = performance.now();
    const { provider } = request.params;
    if (!isHelpdeskProvider(provider)) throw new HttpError(404, 'unknown_provider', `no webhook for provider "${provider}": use one of ${HELPDESK_PROVIDERS.join(', ')}`);
    const connector = services.connectors[provider];
    if (!connector) {
      throw new HttpError(503, 'provider_not_configured', `the ${provider} webhook is not configured on this server (see the settings in README)`);
    }
    const rawBody = request.body;
    if (!Buffer.isBuffer(rawBody)) throw new HttpError(415, 'unsupported_media_type', 'send the webhook body as application/json');
    const webhook: WebhookRequest = { rawBody, headers: request.headers, method: request.method, url: request.url };
    const verification = connector.verifyWebhook(webhook);
    if (!verification.ok) {
      services.metrics.rejected.inc({ provider, code: verification.code });
      const status = verification.code === 'not_configured' ? 503 : 401;
      throw new HttpError(status, verification.code, verification.message);
    }
    let payload: unknown;
    try {
      payload = JSON.parse(rawBody.toString('utf8'));
    } catch {
      services.metrics.rejected.inc({ provider, code: 'malformed_json' });
      throw new HttpError(400, 'malformed_json', 'the body is not valid JSON');
    }
    let normalised: NormalisedWebhook;
    try {
      normalised = await connector.normalise(payload, webhook);
    } catch (error) {
      if (!(error instanceof ConnectorPayloadError)) throw error;
      services.metrics.rejected.inc({ provider, code: 'invalid_payload' });
      await recordWebhookRejection(db, { provider, outcome: 'rejected', reason: error.message });
      // Our own generic contract answers its sender's mistake; a helpdesk would only retry an
      // error, so its event is acknowledged and the reason kept for reviewers (GET /api/webhook-rejections).
      if (provider === 'generic') throw new HttpError(400, 'invalid_payload', error.message);
      return reply.code(202).send({ ticketId: null, status: 'rejected', reason: error.message });
    }
    if (normalised.disposition === 'ping') return reply.code(200).send({ status: 'pong' });
    const items = [normalised, ...(normalised.more ?? [])];
    // The CLI's limit, checked before anything is scrubbed or stored: scrubbing is linear, but a
    // megabyte of it inside the request is still a megabyte of work for one sender.
    for (const item of items) {
      if (item.ticket) refuseControlCharacters(item.ticket, item.deliveryId, () => services.metrics.rejected.inc({ provider, code: 'control_characters' }));
      const bytes = item.ticket ? ticketBytes(item.ticket) : 0;
      if (bytes > MAX_TICKET_BYTES) {
        services.metrics.rejected.inc({ provider, code: 'ticket_too_large' });
        throw new HttpError(413, 'ticket_too_large', `the ticket text is ${bytes} bytes; the limit is ${MAX_TICKET_BYTES} bytes`);
      }
    }
    const results: AcceptedTicket[] = [];
    const unused: UnusedEvent[] = [];
    for (const item of items) {
      if (!item.ticket) {
        const status = item.disposition === 'rejected' ? 'rejected' : 'ignored';
        const reason = item.ignoredReason ?? 'no ticket in this event';
        await recordWebhookRejection(db, { provider, deliveryId: item.deliveryId, outcome: status, reason });
        unused.push({ deliveryId: item.deliveryId ?? null, status, reason });
        continue;
      }
      const result = await accept(provider, item.ticket, item.deliveryId, item.enrichment);
      (result.status === 'queued' ? services.metrics.received : services.metrics.duplicate).inc({ provider });
      results.push(result);
    }
    services.metrics.acceptSeconds.observe({ provider }, (performance.now() - started) / 1000);
    if (results.length === 0) {
      const [first] = unused;
      return reply.code(202).send({
        ticketId: null,
        status: first?.status ?? 'ignored',
        reason: first?.reason ?? 'no ticket in this event',
        ...(unused.length > 1 ? { events: unused } : {}),
      });
    }
    services.onAccepted?.(results);
    const [first] = results;
    if (results.length === 1 && unused.length === 0) return reply.code(202).send(first);
    return reply.code(202).send({ ...first, tickets: results, ...(unused.length > 0 ? { events: unused } : {}) });
  });
};

/**
 * A ticket that can never be stored (PostgreSQL refuses NUL) or answered (it ends up in headers) is
 * a 400 the helpdesk will not retry, checked before anything is stored: never a 503 "try again".
 */
function refuseControlCharacters(ticket: Ticket, deliveryId: string | undefined, onRefused: () => void): void {
  try {
    assertNoControlCharacters({
      'delivery id': deliveryId,
      'ticket id': ticket.externalId ?? ticket.id,
      'customer email': ticket.customerEmail,
      subject: ticket.subject,
      'ticket body': ticket.body,
    });
  } catch (error) {
    onRefused();
    throw error;
  }
}
