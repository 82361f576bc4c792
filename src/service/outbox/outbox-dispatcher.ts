/**
 * Delivers outbox entries to the helpdesk exactly once per ticket.
 *
 * 1. `processTicket` commits the outbox entry (with its idempotency key, `${ticketId}:reply`) in
 *    the same transaction as the decision, before any connector call. The entry holds the scrubbed
 *    text for display and the exact text to deliver, sealed (outbox-cipher.ts).
 * 2. A dispatcher claims the entry's delivery lease (see delivery-lease.ts): one conditional
 *    statement, so two workers never both call the helpdesk for it. The worker takes it in the
 *    decision's own transaction (`claimWithin`) and delivers right after the commit
 *    (`deliverClaimed`), so a new entry costs no claim of its own and nothing is read back.
 * 3. It opens the sealed text; a key that does not open it fails the entry with that reason, and
 *    nothing else (least of all the scrubbed copy) is sent in its place.
 * 4. When an earlier attempt may have reached the helpdesk (it was claimed or tried before: a
 *    timeout, a dropped connection, a 5xx after the request was sent, a crash between the call and
 *    step 6), it first asks the connector to look for that attempt's post (`findDelivery`, by the
 *    marker each connector puts in what it posts). Found means delivered, without posting again.
 * 5. Otherwise it calls `postReply` (kind `send`, public) or `postNote` (kind `draft`, an internal
 *    note with the tags), passing the entry's idempotency key and id.
 * 6. It marks the entry delivered (wiping a reply's sealed text) and ends the lease in one
 *    transaction. The worker does not wait for that commit (`deferMark`): the mark joins the next
 *    write of the process (on SQLite its group: the next claim, other tickets' decisions and marks;
 *    on PostgreSQL the next ticket's decision, one statement more in its transaction), so it costs no commit of its own. Until it commits the entry is pending under this dispatcher's lease, which
 *    no one else takes before it expires; a crash in between is the crash between 5 and 6 below.
 *
 * A crash before 5 leaves the entry pending and the lease expiring: `dispatchPending()` (the
 * sweep) delivers it later, through step 4. Zendesk, Intercom and HubSpot document no idempotency
 * key for posting a comment, a conversation part or a note, so step 4 is what keeps exactly-once
 * there; the generic connector has no way to read back and relies on its receiver honouring the
 * `Idempotency-Key` header.
 *
 * A retryable failure (429, 5xx, timeout, network) leaves the entry pending with attempts + 1 and
 * the error, and the lease backing off (exponential, or the helpdesk's Retry-After) until the
 * sweep tries again. A non-retryable one, or running out of attempts, marks it failed, the ticket
 * `delivery_failed` (a reviewer sees it in the queue and can retry it), and logs an alert.
 * Tickets from sources without a helpdesk (cli, eval) are marked delivered locally.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely, RawBuilder, Transaction } from 'kysely';
import type { HelpdeskConnector, HelpdeskProvider, PostResult } from '../connectors/helpdesk-connector.js';
import { backoffDelayMs, errorMessage, type RetryPolicy } from '../queue/job-queue.js';
import { type Logger, silentLogger } from '../queue/logger.js';
import type { Database, StoreHandle } from '../store/database.js';
import {
  getOutboxEntry,
  getOutboxForTicket,
  listPendingOutbox,
  markOutboxFailed,
  type OutboxEntry,
  readSealedText,
  setOutboxStatus,
} from '../store/repositories/outbox-repository.js';
import { getTicket, setTicketStatus, type StoredTicket } from '../store/repositories/ticket-repository.js';
import type { Executor } from '../store/repositories/with-transaction.js';
import { claimDeliveryLease, type DeliveryLease, leaseInsertFromWrittenOutbox, markDeliveredSettlingLease, settleDeliveryLease } from './delivery-lease.js';
import { MissingConnectorError } from './errors.js';
import { type OutboxCipher, OutboxKeyError } from './outbox-cipher.js';
import { isHelpdeskProvider } from '../../triage/types.js';

export type DeliveryOutcome =
  /** The helpdesk accepted it. */
  | 'delivered'
  /** An earlier attempt had reached the helpdesk after all (read-before-retry): not posted again. */
  | 'found-delivered'
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

/** An entry whose lease was taken in the transaction that wrote it (see `claimWithin`). */
export interface ClaimedDelivery {
  entry: OutboxEntry;
  ticket: StoredTicket;
  lease: DeliveryLease;
  /** The entry's sealed exact text, as written (null: the entry has none). */
  sealedText: string | null;
}

export interface OutboxDispatcher {
  /** Delivers the ticket's pending entries (right after the worker triaged it). */
  dispatch(ticketId: string, options?: { signal?: AbortSignal }): Promise<DeliveryResult[]>;
  /**
   * Takes a new entry's delivery lease inside the transaction that writes the entry, so the lease
   * commits with it; null when it cannot be taken (then `dispatch` delivers it as usual).
   */
  claimWithin(transaction: Transaction<Database>, entry: OutboxEntry): Promise<DeliveryLease | null>;
  /**
   * `claimWithin` as a part of the PostgreSQL statement that writes a new entry
   * (decision-statement.ts): the lease's INSERT, and the lease once it returned its claims.
   */
  claimPart(entry: { outboxId: string; ticketId: string }): { insert: RawBuilder<unknown>; lease(claims: number): DeliveryLease };
  /**
   * Delivers an entry claimed with `claimWithin` once that transaction committed: what the
   * transaction wrote is what the store holds, so nothing is read again.
   */
  deliverClaimed(claimed: ClaimedDelivery, options?: DeliverClaimedOptions): Promise<DeliveryResult>;
  /** Resolves once every deferred delivered mark has committed or failed (shutdown waits for it). */
  settled(): Promise<void>;
  /** The sweep: delivers entries left pending by a crash or a retryable failure, oldest first. */
  dispatchPending(options?: { limit?: number; signal?: AbortSignal }): Promise<DeliveryResult[]>;
}

export interface DeliverClaimedOptions {
  signal?: AbortSignal;
  /**
   * Answer once the helpdesk took the entry, without waiting for the delivered mark's commit (step
   * 6 of the file comment): it commits with the next group of writes. A mark that fails to commit
   * is logged; the lease then runs out and the sweep finds the post before posting again.
   */
  deferMark?: boolean;
}

export interface OutboxDispatcherOptions {
  db: Kysely<Database>;
  /**
   * The store's write transactions, for the delivered mark: `transact`, or `transactLater` for a
   * deferred one (it commits with the next write). Default: a transaction of its own on `db`.
   */
  store?: Pick<StoreHandle, 'transact' | 'transactLater'>;
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
  /** Opens the entries' sealed exact text. Without it, an entry that has one fails (never sent scrubbed). */
  cipher?: OutboxCipher;
  /** Called when an entry is given up (marked failed): metrics. */
  onGiveUp?(entry: OutboxEntry, error: string): void;
}

export function createOutboxDispatcher(options: OutboxDispatcherOptions): OutboxDispatcher {
  const { db, connectors } = options;
  const maxAttempts = options.maxAttempts ?? 8;
  const logger = options.logger ?? silentLogger;
  const backoff = { backoffBaseMs: 5_000, backoffMaxMs: 10 * 60_000, ...options.backoff };
  const leaseMs = options.leaseMs ?? 120_000;
  const holder = options.holder ?? `${hostname()}:${process.pid}:outbox:${randomUUID().slice(0, 8)}`;
  const transact: StoreHandle['transact'] = options.store?.transact ?? ((work) => db.transaction().execute(work));
  const transactLater: StoreHandle['transactLater'] =
    options.store?.transactLater ??
    (async (work) => {
      await transact(work);
    });
  const deferredMarks = new Set<Promise<void>>();

  const resultFor =
    (entry: OutboxEntry) =>
    (outcome: DeliveryOutcome, error?: string): DeliveryResult => ({
      outboxId: entry.id,
      ticketId: entry.ticketId,
      outcome,
      ...(error !== undefined ? { error } : {}),
    });

  function claim(executor: Kysely<Database> | Transaction<Database>, entry: OutboxEntry): Promise<DeliveryLease | null> {
    return claimDeliveryLease(executor, { outboxId: entry.id, ticketId: entry.ticketId, holder, leaseMs, maxAttempts });
  }

  async function deliver(entry: OutboxEntry, signal: AbortSignal | undefined): Promise<DeliveryResult> {
    const result = resultFor(entry);
    const lease = await claim(db, entry);
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
    return deliverLeased(current, ticket, lease, signal, () => textToDeliver(current));
  }

  /** Steps 3 to 6 (see the file comment) for an entry whose lease this dispatcher holds. */
  async function deliverLeased(
    current: OutboxEntry,
    ticket: StoredTicket,
    lease: DeliveryLease,
    signal: AbortSignal | undefined,
    exactText: () => Promise<string>,
    deferMark = false,
  ): Promise<DeliveryResult> {
    const result = resultFor(current);
    if (!isHelpdeskProvider(ticket.source)) {
      await markDelivered(current, lease);
      logger.info({ ticketId: ticket.id, outboxId: current.id, source: ticket.source }, 'no helpdesk for this source; outbox entry delivered locally');
      return result('delivered-locally');
    }
    const connector = connectors[ticket.source];
    let posted: PostResult | null;
    let found = false;
    try {
      if (!connector) {
        throw new MissingConnectorError(`no ${ticket.source} connector is configured; set its settings and restart the worker`);
      }
      const text = await exactText();
      // Claimed or tried before: that attempt may have reached the helpdesk without our hearing back.
      const mayHaveReached = lease.claims > 1 || current.attempts > 0 || current.lastError !== null;
      posted = mayHaveReached ? await findEarlierPost(connector, ticket, current, text, signal) : null;
      found = posted !== null;
      if (posted === null) {
        const input = { ticket, text, idempotencyKey: current.idempotencyKey, outboxId: current.id, signal };
        posted = current.kind === 'send' ? await connector.postReply(input) : await connector.postNote({ ...input, tags: current.tags });
      }
    } catch (error) {
      return afterFailure(current, lease, error, signal, result);
    }
    if (deferMark) markDeliveredLater(current, lease);
    else await markDelivered(current, lease);
    const fields = { ticketId: ticket.id, outboxId: current.id, kind: current.kind, provider: ticket.source, externalId: posted.externalId };
    if (found) {
      logger.info(fields, 'an earlier attempt had reached the helpdesk; outbox entry delivered without posting again');
      return result('found-delivered');
    }
    logger.info(fields, 'outbox entry delivered');
    return result('delivered');
  }

  /** The exact text to deliver: the sealed one, or the stored text for rows written before sealing. */
  async function textToDeliver(entry: OutboxEntry): Promise<string> {
    return openSealed(entry, await readSealedText(db, entry.id));
  }

  function openSealed(entry: OutboxEntry, sealed: string | null): string {
    if (sealed === null) return entry.text;
    if (!options.cipher) {
      throw new OutboxKeyError('this dispatcher has no outbox key to open the sealed reply; nothing was sent');
    }
    return options.cipher.open(sealed, entry.ticketId);
  }

  async function findEarlierPost(
    connector: HelpdeskConnector,
    ticket: StoredTicket,
    entry: OutboxEntry,
    text: string,
    signal: AbortSignal | undefined,
  ): Promise<PostResult | null> {
    if (!connector.findDelivery) return null;
    return connector.findDelivery({ ticket, outboxId: entry.id, text, public: entry.kind === 'send', tags: entry.kind === 'send' ? [] : entry.tags, signal });
  }

  function markDeliveredLater(entry: OutboxEntry, lease: DeliveryLease): void {
    const marking = transactLater((transaction) => writeDelivered(transaction, entry, lease)).catch((error: unknown) => {
      logger.warn(
        { ticketId: entry.ticketId, outboxId: entry.id, error: errorMessage(error) },
        'posted, but the delivered mark did not commit; once the lease runs out the sweep finds the post before posting again',
      );
    });
    deferredMarks.add(marking);
    void marking.finally(() => deferredMarks.delete(marking));
  }

  async function markDelivered(entry: OutboxEntry, lease: DeliveryLease): Promise<void> {
    await transact((transaction) => writeDelivered(transaction, entry, lease));
  }

  async function writeDelivered(transaction: Transaction<Database>, entry: OutboxEntry, lease: DeliveryLease): Promise<void> {
    // A draft keeps its exact text until a reviewer approves or rejects it; a reply is done with it.
    // One statement on PostgreSQL (it rides in another ticket's transaction), two on SQLite.
    await markDeliveredSettlingLease(transaction, lease, { wipeSealedText: entry.kind === 'send' });
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
      // Shutting down mid-call: the call may or may not have reached the helpdesk. The entry keeps
      // that as its last error (uncounted), so the next dispatcher looks before it posts again.
      await db.transaction().execute(async (transaction) => {
        await setOutboxStatus(transaction, entry.id, 'pending', { lastError: `interrupted by shutdown: ${message}` });
        await settleDeliveryLease(transaction, lease, { status: 'pending', uncount: true });
      });
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
      await markTicketDeliveryFailed(transaction, entry);
    });
    options.onGiveUp?.(entry, message);
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

    // An entry the transaction found rather than wrote may be delivered already: only a pending one.
    claimWithin: async (transaction, entry) => (entry.status === 'pending' ? claim(transaction, entry) : null),

    claimPart: (entry) => leaseInsertFromWrittenOutbox({ outboxId: entry.outboxId, ticketId: entry.ticketId, holder, leaseMs, maxAttempts }),

    async deliverClaimed(claimed, deliverOptions = {}) {
      const exactText = async () => openSealed(claimed.entry, claimed.sealedText);
      return deliverLeased(claimed.entry, claimed.ticket, claimed.lease, deliverOptions.signal, exactText, deliverOptions.deferMark === true);
    },

    async settled() {
      while (deferredMarks.size > 0) await Promise.all(deferredMarks);
    },

    async dispatchPending(dispatchOptions = {}) {
      const entries = await listPendingOutbox(db, dispatchOptions.limit ?? 100);
      return deliverAll(entries, dispatchOptions.signal);
    },
  };
}

/**
 * The ticket shows the failure (`delivery_failed`), except when only the internal note of a ticket
 * that has a reply failed: the reply's own delivery decides what the ticket says.
 */
async function markTicketDeliveryFailed(transaction: Executor, entry: OutboxEntry): Promise<void> {
  if (entry.kind === 'draft') {
    const entries = await getOutboxForTicket(transaction, entry.ticketId);
    if (entries.some((other) => other.kind === 'send')) return;
  }
  await setTicketStatus(transaction, entry.ticketId, 'delivery_failed');
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
