/**
 * Delivers outbox entries to the helpdesk exactly once per ticket.
 *
 * 1. `processTicket` commits the outbox entry (with its idempotency key, `${ticketId}:reply`) in
 *    the same transaction as the decision, before any connector call.
 * 2. A dispatcher claims the entry's delivery lease (see delivery-lease.ts): one conditional
 *    statement, so two workers never both call the helpdesk for it.
 * 3. It calls `postReply` (kind `send`, public) or `postNote` (kind `draft`, an internal note
 *    with the tags), passing the entry's idempotency key.
 * 4. It marks the entry delivered and ends the lease in one transaction.
 *
 * A crash before 3 leaves the entry pending and the lease expiring: `dispatchPending()` (the
 * sweep) delivers it later. A crash between 3 and 4 is the one window where exactly-once depends
 * on the receiver: the sweep calls the helpdesk again with the SAME idempotency key, which every
 * connector sends as the `Idempotency-Key` header; a helpdesk that honours it (the tests' stand-in
 * does) records one reply. One that ignores it would show the reply twice.
 *
 * A retryable failure (429, 5xx, timeout, network) leaves the entry pending with attempts + 1 and
 * the error, and the lease backing off (exponential, or the helpdesk's Retry-After) until the
 * sweep tries again. A non-retryable one, or running out of attempts, marks it failed and logs an
 * alert. Tickets from sources without a helpdesk (cli, eval) are marked delivered locally.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { HelpdeskConnector, HelpdeskProvider } from '../connectors/helpdesk-connector.js';
import { backoffDelayMs, errorMessage, type RetryPolicy } from '../queue/job-queue.js';
import { type Logger, silentLogger } from '../queue/logger.js';
import type { Database } from '../store/database.js';
import {
  getOutboxEntry,
  getOutboxForTicket,
  listPendingOutbox,
  markOutboxDelivered,
  markOutboxFailed,
  type OutboxEntry,
} from '../store/repositories/outbox-repository.js';
import { getTicket } from '../store/repositories/ticket-repository.js';
import { claimDeliveryLease, type DeliveryLease, settleDeliveryLease } from './delivery-lease.js';
import { MissingConnectorError } from './errors.js';

export type DeliveryOutcome =
  /** The helpdesk accepted it. */
  | 'delivered'
  /** The ticket has no helpdesk (cli, eval): nothing to call. */
  | 'delivered-locally'
  /** Still pending: a retryable failure, backing off until the next sweep. */
  | 'retry-later'
  /** Given up: a non-retryable failure or too many attempts; an alert was logged. */
  | 'failed'
  /** Not ours to deliver now: another dispatcher holds it, it is backing off, or it is no longer pending. */
  | 'skipped';

export interface DeliveryResult {
  outboxId: string;
  ticketId: string;
  outcome: DeliveryOutcome;
  error?: string;
}

export interface OutboxDispatcher {
  /** Delivers the ticket's pending entries (right after the worker triaged it). */
  dispatch(ticketId: string, options?: { signal?: AbortSignal }): Promise<DeliveryResult[]>;
  /** The sweep: delivers entries left pending by a crash or a retryable failure, oldest first. */
  dispatchPending(options?: { limit?: number; signal?: AbortSignal }): Promise<DeliveryResult[]>;
}

export interface OutboxDispatcherOptions {
  db: Kysely<Database>;
  connectors: Partial<Record<HelpdeskProvider, HelpdeskConnector>>;
  /** Failed deliveries of one entry before it is marked failed. Default 8. */
  maxAttempts?: number;
  logger?: Logger;
  /** Backoff between failed deliveries. Default 5 s doubling up to 10 min. */
  backoff?: Partial<Pick<RetryPolicy, 'backoffBaseMs' | 'backoffMaxMs'>>;
  /**
   * How long a claim holds. It must outlast the connector's own timeout (10 s by default), or a
   * slow call could be claimed twice; the idempotency key covers even that. Default 2 min.
   */
  leaseMs?: number;
  /** Names this dispatcher in the lease. */
  holder?: string;
}

const HELPDESK_PROVIDERS: ReadonlySet<string> = new Set<HelpdeskProvider>(['zendesk', 'intercom', 'hubspot', 'generic']);

export function createOutboxDispatcher(options: OutboxDispatcherOptions): OutboxDispatcher {
  const { db, connectors } = options;
  const maxAttempts = options.maxAttempts ?? 8;
  const logger = options.logger ?? silentLogger;
  const backoff = { backoffBaseMs: 5_000, backoffMaxMs: 10 * 60_000, ...options.backoff };
  const leaseMs = options.leaseMs ?? 120_000;
  const holder = options.holder ?? `${hostname()}:${process.pid}:outbox:${randomUUID().slice(0, 8)}`;

  async function deliver(entry: OutboxEntry, signal: AbortSignal | undefined): Promise<DeliveryResult> {
    const result = (outcome: DeliveryOutcome, error?: string): DeliveryResult => ({
      outboxId: entry.id,
      ticketId: entry.ticketId,
      outcome,
      ...(error !== undefined ? { error } : {}),
    });
    const lease = await claimDeliveryLease(db, {
      outboxId: entry.id,
      ticketId: entry.ticketId,
      holder,
      leaseMs,
      maxAttempts,
    });
    if (!lease) return result('skipped');

    // Read again under the lease: whoever delivered it before us settled its lease in the same
    // transaction as the entry, so an entry that is no longer pending is seen here.
    const current = await getOutboxEntry(db, entry.id);
    if (!current || current.status !== 'pending') {
      await settleDeliveryLease(db, lease, { status: 'completed' });
      return result('skipped');
    }
    const ticket = await getTicket(db, current.ticketId);
    if (!ticket) {
      await settleDeliveryLease(db, lease, { status: 'failed', lastError: 'the ticket no longer exists' });
      return result('skipped', 'the ticket no longer exists');
    }
    if (!HELPDESK_PROVIDERS.has(ticket.source)) {
      await markDelivered(current, lease);
      logger.info({ ticketId: ticket.id, outboxId: current.id, source: ticket.source }, 'no helpdesk for this source; outbox entry delivered locally');
      return result('delivered-locally');
    }
    const connector = connectors[ticket.source as HelpdeskProvider];
    try {
      if (!connector) {
        throw new MissingConnectorError(`no ${ticket.source} connector is configured; set its settings and restart the worker`);
      }
      if (current.kind === 'send') {
        await connector.postReply({ ticket, text: current.text, idempotencyKey: current.idempotencyKey, signal });
      } else {
        await connector.postNote({ ticket, text: current.text, tags: current.tags, idempotencyKey: current.idempotencyKey, signal });
      }
    } catch (error) {
      return afterFailure(current, lease, error, signal, result);
    }
    await markDelivered(current, lease);
    logger.info({ ticketId: ticket.id, outboxId: current.id, kind: current.kind, provider: ticket.source }, 'outbox entry delivered');
    return result('delivered');
  }

  async function markDelivered(entry: OutboxEntry, lease: DeliveryLease): Promise<void> {
    await db.transaction().execute(async (transaction) => {
      await markOutboxDelivered(transaction, entry.id);
      await settleDeliveryLease(transaction, lease, { status: 'completed', lastError: null });
    });
  }

  async function afterFailure(
    entry: OutboxEntry,
    lease: DeliveryLease,
    error: unknown,
    signal: AbortSignal | undefined,
    result: (outcome: DeliveryOutcome, error?: string) => DeliveryResult,
  ): Promise<DeliveryResult> {
    const message = errorMessage(error);
    const fields = { ticketId: entry.ticketId, outboxId: entry.id, kind: entry.kind, error: message };
    if (signal?.aborted) {
      // Shutting down mid-call: the call may or may not have reached the helpdesk; the next
      // dispatcher repeats it with the same idempotency key.
      await settleDeliveryLease(db, lease, { status: 'pending', uncount: true });
      logger.info(fields, 'delivery interrupted by shutdown; the sweep repeats it');
      return result('retry-later', message);
    }
    const attempts = entry.attempts + 1;
    if (isRetryable(error) && attempts < maxAttempts) {
      const delayMs = backoffDelayMs(attempts, backoff, retryAfterMs(error));
      await db.transaction().execute(async (transaction) => {
        await markOutboxFailed(transaction, entry.id, message, { retryable: true });
        await settleDeliveryLease(transaction, lease, {
          status: 'pending',
          lastError: message,
          runAfter: new Date(Date.now() + delayMs),
        });
      });
      logger.warn({ ...fields, attempts, retryInMs: delayMs }, 'delivery failed; the sweep retries it with backoff');
      return result('retry-later', message);
    }
    await db.transaction().execute(async (transaction) => {
      await markOutboxFailed(transaction, entry.id, message, { retryable: false });
      await settleDeliveryLease(transaction, lease, { status: 'failed', lastError: message });
    });
    logger.error({ ...fields, attempts }, 'reply could not be delivered to the helpdesk; a human must answer this ticket');
    return result('failed', message);
  }

  async function deliverAll(entries: OutboxEntry[], signal: AbortSignal | undefined): Promise<DeliveryResult[]> {
    const results: DeliveryResult[] = [];
    for (const entry of entries) {
      if (signal?.aborted) break;
      results.push(await deliver(entry, signal));
    }
    return results;
  }

  return {
    async dispatch(ticketId, dispatchOptions = {}) {
      const entries = (await getOutboxForTicket(db, ticketId)).filter((entry) => entry.status === 'pending');
      return deliverAll(entries, dispatchOptions.signal);
    },

    async dispatchPending(dispatchOptions = {}) {
      const entries = await listPendingOutbox(db, dispatchOptions.limit ?? 100);
      return deliverAll(entries, dispatchOptions.signal);
    },
  };
}

function isRetryable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'isRetryable' in error && error.isRetryable === true;
}

function retryAfterMs(error: unknown): number {
  if (typeof error === 'object' && error !== null && 'retryAfterMs' in error && typeof error.retryAfterMs === 'number') {
    return error.retryAfterMs;
  }
  return 0;
}
