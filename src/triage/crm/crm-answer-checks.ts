/**
 * Every CRM answer is checked against the question before a tool uses it. A faulty CRM (a cache
 * keyed wrongly, a proxy mixing up responses) once made replies to one customer begin "Hi Linus,":
 * a record is only about the ticket's customer when it says so itself.
 */
import type { Customer, Order } from '../types.js';
import { CrmMismatchError } from './crm-client.js';

function sameEmail(left: string, right: string): boolean {
  return left.trim().toLowerCase() === right.trim().toLowerCase();
}

/** The profile found for `askedEmail` must carry that email. Emails stay out of the message: it is logged. */
export function checkCustomerAnswer(askedEmail: string, customer: Customer | null): Customer | null {
  if (customer && !sameEmail(customer.email, askedEmail)) {
    throw new CrmMismatchError('the CRM answered the customer lookup with the profile of a different email address');
  }
  return customer;
}

/** The order found for `askedOrderId` must be that order, and belong to the ticket's customer. */
export function checkOrderAnswer(askedOrderId: string, order: Order | null, ticketEmail: string): Order | null {
  if (!order) return null;
  if (order.id.trim().toUpperCase() !== askedOrderId.trim().toUpperCase()) {
    throw new CrmMismatchError(`the CRM answered the lookup of order ${askedOrderId} with a different order (${order.id})`);
  }
  if (!sameEmail(order.customerEmail, ticketEmail)) {
    throw new CrmMismatchError(`the CRM says order ${order.id} belongs to another customer than the ticket's`, 'foreign-order');
  }
  return order;
}
