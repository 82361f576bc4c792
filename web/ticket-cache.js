/**
 * Tickets by id for the queue's "first line" column. /api/drafts returns decisions without the
 * customer's text, so each row needs its ticket; a ticket's text never changes, so one fetch per
 * ticket per session is enough, and a small concurrency cap keeps a long queue from flooding the
 * service every 10 seconds.
 */
import { ticketPath } from './api-client.js';

/**
 * @param {{get: (path: string, query?: unknown, signal?: AbortSignal) => Promise<any>}} api
 * @param {{concurrency?: number}} [options]
 */
export function createTicketCache(api, options = {}) {
  const concurrency = options.concurrency ?? 4;
  /** @type {Map<string, Promise<{id: string, subject?: string, body: string}>>} */
  const tickets = new Map();
  /** @type {Array<() => void>} */
  const waiting = [];
  let running = 0;

  async function withSlot(task) {
    if (running >= concurrency) await new Promise((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await task();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  }

  return {
    /** @param {string} ticketId */
    get(ticketId) {
      let ticket = tickets.get(ticketId);
      if (!ticket) {
        ticket = withSlot(() => api.get(ticketPath(ticketId))).then((detail) => detail.ticket);
        // A failed fetch is not cached: the next refresh tries again.
        ticket.catch(() => tickets.delete(ticketId));
        tickets.set(ticketId, ticket);
      }
      return ticket;
    },
    clear() {
      tickets.clear();
    },
  };
}
