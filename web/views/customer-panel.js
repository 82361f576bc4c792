/** The customer beside the ticket: CRM profile, orders, earlier tickets here, and the helpdesk link. */
import { element } from '../dom.js';
import { formatDateTime } from '../format.js';
import { statusBadge } from './badges.js';

/**
 * @param {{customer: any, orders: any[], earlierTickets: any[], crmError: string | null, helpdesk: {helpdesk: string, url: string} | null}} info
 */
export function customerPanel(info) {
  const customer = info.customer;
  const fact = (label, value) => (value ? [element('dt', {}, label), element('dd', {}, value)] : []);
  return element(
    'section',
    { class: 'card customer-panel', id: 'customer-panel', 'aria-labelledby': 'customer-heading' },
    element('h2', { id: 'customer-heading' }, 'Customer'),
    info.helpdesk
      ? element('p', {}, element('a', { href: info.helpdesk.url, target: '_blank', rel: 'noopener noreferrer', id: 'helpdesk-link' }, `Open in ${info.helpdesk.helpdesk} ↗`))
      : null,
    customer
      ? element('dl', { class: 'facts', id: 'customer-profile' }, fact('Name', customer.name), fact('Email', customer.email), fact('Plan', customer.plan), fact('Country', customer.country), fact('Customer since', customerSince(customer.createdAt)))
      : element('p', { class: 'muted', id: 'customer-profile' }, info.crmError ? `The CRM could not be reached: ${info.crmError}` : 'No CRM profile for this email.'),
    element('h3', {}, 'Orders'),
    info.orders.length > 0
      ? element(
          'ul',
          { class: 'plain-list', id: 'customer-orders' },
          info.orders.map((order) =>
            element(
              'li',
              { dataset: { orderId: order.id } },
              element('span', { class: 'intent' }, order.id),
              ' ',
              statusBadge(order.status),
              ` ${order.total} ${order.currency} · ${formatDateTime(order.placedAt)}`,
              order.trackingNumber ? element('span', { class: 'muted' }, ` · ${order.carrier ?? ''} ${order.trackingNumber}`) : null,
            ),
          ),
        )
      : element('p', { class: 'muted', id: 'customer-orders' }, 'No orders.'),
    element('h3', {}, 'Earlier tickets'),
    info.earlierTickets.length > 0
      ? element(
          'ul',
          { class: 'plain-list', id: 'customer-tickets' },
          info.earlierTickets.map((ticket) =>
            element(
              'li',
              { dataset: { ticketId: ticket.id } },
              element('a', { href: `#/tickets/${encodeURIComponent(ticket.id)}`, class: 'ticket-link' }, ticket.id),
              ' ',
              statusBadge(ticket.decision ?? ticket.status),
              element('span', { class: 'muted' }, ` ${formatDateTime(ticket.receivedAt)}`),
              element('span', { class: 'ticket-line' }, ticket.subject || ticket.firstLine || '(empty ticket)'),
            ),
          ),
        )
      : element('p', { class: 'muted', id: 'customer-tickets' }, 'No earlier tickets from this email.'),
  );
}

const sinceFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short' });

/** "Jan 2024": a customer's age is read in months and years. */
function customerSince(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso ?? '') : sinceFormat.format(date);
}
