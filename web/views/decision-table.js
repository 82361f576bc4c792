/** A table of decisions (queue and search share it); a row opens the ticket view. */
import { element } from '../dom.js';
import { formatDateTime } from '../format.js';
import { confidenceBadge, statusBadge, tagChips } from './badges.js';

/**
 * @param {{
 *   rows: Array<{ticketId: string, decision: string, confidence: number, intent: string, tags: string[], createdAt: string}>,
 *   caption: string,
 *   showDecision?: boolean,
 *   ticketLine?: (ticketId: string) => Node | null,
 *   onOpen: (ticketId: string) => void,
 * }} options
 */
export function decisionTable(options) {
  const header = element(
    'tr',
    {},
    element('th', { scope: 'col' }, 'Time'),
    element('th', { scope: 'col' }, 'Ticket'),
    options.showDecision ? element('th', { scope: 'col' }, 'Decision') : null,
    element('th', { scope: 'col', class: 'numeric' }, 'Confidence'),
    element('th', { scope: 'col' }, 'Intent'),
    element('th', { scope: 'col' }, 'Tags'),
  );
  const rows = options.rows.map((row) =>
    element(
      'tr',
      {
        class: 'clickable',
        dataset: { ticketId: row.ticketId },
        on: {
          // The whole row is a target for the mouse; the link inside is the keyboard's.
          click: (event) => {
            if (!(event.target instanceof Element) || !event.target.closest('a')) options.onOpen(row.ticketId);
          },
        },
      },
      element('td', { class: 'nowrap', 'data-label': 'Time' }, element('time', { datetime: row.createdAt, title: row.createdAt }, formatDateTime(row.createdAt))),
      element(
        'td',
        { class: 'ticket-cell', 'data-label': 'Ticket' },
        element('a', { href: `#/tickets/${encodeURIComponent(row.ticketId)}`, class: 'ticket-link' }, row.ticketId),
        options.ticketLine ? options.ticketLine(row.ticketId) : null,
      ),
      options.showDecision ? element('td', { 'data-label': 'Decision' }, statusBadge(row.decision)) : null,
      element('td', { class: 'numeric', 'data-label': 'Confidence' }, confidenceBadge(row.confidence)),
      element('td', { class: 'intent', 'data-label': 'Intent' }, row.intent),
      element('td', { 'data-label': 'Tags' }, tagChips(row.tags)),
    ),
  );
  return element(
    'div',
    { class: 'table-scroll' },
    element('table', { class: 'data-table responsive-table' }, element('caption', { class: 'visually-hidden' }, options.caption), element('thead', {}, header), element('tbody', {}, rows)),
  );
}
