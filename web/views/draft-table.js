/**
 * The queue's table: a checkbox for bulk actions, how long the customer has waited, the ticket with
 * its first line and customer, source, confidence, intent, tags and who is working on it. Each cell
 * carries its column name, so at phone width a row becomes a card instead of a clipped table.
 */
import { element } from '../dom.js';
import { formatAge, formatDateTime } from '../format.js';
import { confidenceBadge, tagChips } from './badges.js';

/**
 * @param {{
 *   rows: Array<{ticketId: string, confidence: number, intent: string, tags: string[], createdAt: string, receivedAt: string | null, source: string | null, customerEmail: string | null, firstLine: string, claimedBy: string | null}>,
 *   selected: Set<string>,
 *   me: string | null,
 *   onOpen: (ticketId: string) => void,
 *   onSelect: (ticketId: string, selected: boolean) => void,
 *   onSelectAll: (selected: boolean) => void,
 * }} options
 */
export function draftTable(options) {
  const now = Date.now();
  const allSelected = options.rows.length > 0 && options.rows.every((row) => options.selected.has(row.ticketId));
  const header = element(
    'tr',
    {},
    element(
      'th',
      { scope: 'col', class: 'select-cell' },
      element('input', {
        type: 'checkbox',
        id: 'select-all',
        'aria-label': 'Select every draft shown',
        checked: allSelected ? 'checked' : undefined,
        on: { change: (event) => options.onSelectAll(/** @type {HTMLInputElement} */ (event.target).checked) },
      }),
    ),
    element('th', { scope: 'col' }, 'Waiting'),
    element('th', { scope: 'col' }, 'Ticket'),
    element('th', { scope: 'col' }, 'Source'),
    element('th', { scope: 'col', class: 'numeric' }, 'Confidence'),
    element('th', { scope: 'col' }, 'Intent'),
    element('th', { scope: 'col' }, 'Tags'),
    element('th', { scope: 'col' }, 'Claimed by'),
  );
  const rows = options.rows.map((row) => {
    const since = row.receivedAt ?? row.createdAt;
    const checkbox = element('input', {
      type: 'checkbox',
      class: 'row-select',
      'aria-label': `Select ${row.ticketId}`,
      checked: options.selected.has(row.ticketId) ? 'checked' : undefined,
      on: { change: (event) => options.onSelect(row.ticketId, /** @type {HTMLInputElement} */ (event.target).checked) },
    });
    return element(
      'tr',
      {
        class: `clickable${options.selected.has(row.ticketId) ? ' is-selected' : ''}`,
        dataset: { ticketId: row.ticketId },
        on: {
          click: (event) => {
            if (!(event.target instanceof Element) || !event.target.closest('a, input, label')) options.onOpen(row.ticketId);
          },
        },
      },
      element('td', { class: 'select-cell', 'data-label': 'Select' }, checkbox),
      element('td', { class: 'nowrap age', 'data-label': 'Waiting' }, element('time', { datetime: since, title: formatDateTime(since) }, formatAge(since, now))),
      element(
        'td',
        { class: 'ticket-cell', 'data-label': 'Ticket' },
        element('a', { href: `#/tickets/${encodeURIComponent(row.ticketId)}`, class: 'ticket-link' }, row.ticketId),
        element('span', { class: 'ticket-line' }, row.firstLine || '(empty ticket)'),
        row.customerEmail ? element('span', { class: 'ticket-customer muted' }, row.customerEmail) : null,
      ),
      element('td', { class: 'source', 'data-label': 'Source' }, row.source ?? ''),
      element('td', { class: 'numeric', 'data-label': 'Confidence' }, confidenceBadge(row.confidence)),
      element('td', { class: 'intent', 'data-label': 'Intent' }, row.intent),
      element('td', { 'data-label': 'Tags' }, tagChips(row.tags)),
      element(
        'td',
        { class: 'claim', 'data-label': 'Claimed by' },
        row.claimedBy ? element('span', { class: row.claimedBy === options.me ? 'claim-chip claim-mine' : 'claim-chip' }, row.claimedBy === options.me ? 'you' : row.claimedBy) : element('span', { class: 'muted' }, '–'),
      ),
    );
  });
  return element(
    'div',
    { class: 'table-scroll' },
    element(
      'table',
      { class: 'data-table responsive-table', id: 'queue-table' },
      element('caption', { class: 'visually-hidden' }, 'Drafts awaiting review'),
      element('thead', {}, header),
      element('tbody', {}, rows),
    ),
  );
}
