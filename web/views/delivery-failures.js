/**
 * Replies and notes the outbox could not deliver (ticket status `delivery_failed`): shown above the
 * drafts with the reason, and a "Retry delivery" button that re-arms the same outbox entry (the
 * service reads the helpdesk for an earlier post before posting again, so a retry never doubles).
 */
import { ticketPath } from '../api-client.js';
import { element, replaceChildren } from '../dom.js';
import { formatDateTime } from '../format.js';
import { inlineError } from './inline-error.js';

/** @param {import('../console.js').ViewContext} context */
export function createDeliveryFailuresPanel(context) {
  const heading = element('h2', { id: 'delivery-failures-heading', class: 'section-heading' }, 'Deliveries that failed');
  const errorSlot = element('div');
  const list = element('div');
  const panel = element('section', { id: 'delivery-failures', hidden: true, 'aria-labelledby': 'delivery-failures-heading' }, heading, errorSlot, list);
  let shown = null;

  async function retry(ticketId, button) {
    button.disabled = true;
    try {
      await context.api.post(ticketPath(ticketId, 'retry-delivery'), {});
      replaceChildren(errorSlot);
      context.announce(`Delivery of ${ticketId} retried.`);
      await refresh();
    } catch (error) {
      button.disabled = false;
      replaceChildren(errorSlot, inlineError(error));
    }
  }

  function render(failures) {
    panel.hidden = failures.length === 0;
    const rows = failures.map((failure) =>
      element(
        'tr',
        { dataset: { ticketId: failure.ticketId } },
        element('td', { class: 'nowrap' }, element('time', { datetime: failure.createdAt }, formatDateTime(failure.createdAt))),
        element('td', { class: 'ticket-cell' }, element('a', { href: `#/tickets/${encodeURIComponent(failure.ticketId)}`, class: 'ticket-link' }, failure.ticketId), element('span', { class: 'ticket-line' }, failure.firstLine)),
        element('td', {}, failure.kind === 'send' ? 'Reply to the customer' : 'Internal note'),
        element('td', { class: 'failure-reason' }, failure.reason),
        element('td', {}, element('button', { type: 'button', class: 'button', dataset: { action: 'retry-delivery' }, on: { click: (event) => retry(failure.ticketId, event.currentTarget) } }, 'Retry delivery')),
      ),
    );
    const header = element('tr', {}, ...['Time', 'Ticket', 'What', 'Reason', ''].map((name) => element('th', { scope: 'col' }, name)));
    replaceChildren(
      list,
      failures.length === 0
        ? null
        : element('div', { class: 'table-scroll' }, element('table', { class: 'data-table' }, element('caption', { class: 'visually-hidden' }, 'Deliveries that failed'), element('thead', {}, header), element('tbody', {}, rows))),
    );
  }

  /** @param {AbortSignal} [signal] */
  async function refresh(signal) {
    const { failures } = await context.api.get('/api/delivery-failures', undefined, signal);
    const signature = failures.map((failure) => `${failure.outboxId}:${failure.reason}`).join('\n');
    if (signature !== shown) {
      shown = signature;
      render(failures);
    }
  }

  return { element: panel, refresh };
}
