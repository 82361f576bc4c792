/** The customer's message as received: sender, channel, time, subject and body. */
import { element } from '../dom.js';
import { formatAge, formatDateTime } from '../format.js';

/** @param {{customerEmail: string, source: string, receivedAt: string, subject?: string, body: string}} ticket */
export function customerMessage(ticket) {
  return element(
    'section',
    { class: 'card', 'aria-labelledby': 'message-heading' },
    element('h2', { id: 'message-heading' }, 'Customer message'),
    element(
      'p',
      { class: 'muted meta' },
      element('span', { id: 'ticket-from' }, ticket.customerEmail),
      ` · via ${ticket.source} · received `,
      element('time', { datetime: ticket.receivedAt, title: ticket.receivedAt }, formatDateTime(ticket.receivedAt)),
      element('span', { id: 'ticket-age' }, ` (${formatAge(ticket.receivedAt)} ago)`),
    ),
    ticket.subject ? element('p', { class: 'subject', id: 'ticket-subject' }, ticket.subject) : null,
    element('div', { class: 'message-text', id: 'ticket-body' }, ticket.body),
  );
}
