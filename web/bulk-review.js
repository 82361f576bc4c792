/**
 * Bulk approve or reject: one request per ticket, each bound to the draft id and hash the reviewer
 * saw, so a draft that changed meanwhile fails alone and the rest go through. Sequential, to keep
 * the per-item report in the reviewer's order and not flood the service.
 */
import { ticketPath } from './api-client.js';

/**
 * @param {{post: (path: string, body: unknown) => Promise<unknown>}} api
 * @param {'approve' | 'reject'} action
 * @param {Array<{ticketId: string, draftId: string, draftHash: string}>} items
 * @param {{reason?: string, reviewer?: string}} [options]
 * @returns {Promise<Array<{ticketId: string, ok: boolean, code?: string, message?: string}>>}
 */
export async function runBulkReview(api, action, items, options = {}) {
  const results = [];
  for (const item of items) {
    const body =
      action === 'approve'
        ? { draftId: item.draftId, draftHash: item.draftHash, reviewer: options.reviewer }
        : { reason: options.reason, reviewer: options.reviewer, draftId: item.draftId, draftHash: item.draftHash };
    try {
      await api.post(ticketPath(item.ticketId, action), body);
      results.push({ ticketId: item.ticketId, ok: true });
    } catch (error) {
      const failure = /** @type {{code?: string, message?: string}} */ (error);
      results.push({ ticketId: item.ticketId, ok: false, code: failure.code ?? 'unknown', message: failure.message ?? String(error) });
    }
  }
  return results;
}
