/**
 * Orders the customer's message names, checked against what the CRM said about them in this run. A
 * reply about an order that is not the sender's (another customer's, or a mistyped id) or that
 * nobody looked up is for a person to read: a generic answer would tell a stranger about an order
 * or leave the customer with the wrong facts.
 */
import { extractOrderIds } from './local-model/order-ids.js';
import type { TriageSession } from './triage-session.js';
import { subjectAndRequest } from './mail/read-mail.js';

export interface OrderProblem {
  rule: 'order:not-this-customer' | 'order:not-looked-up';
  orderId: string;
  reason: string;
  /** Set when a known customer names another customer's order: the reviewer should know. */
  tag?: 'third-party-data';
}

export function findOrderProblems(session: TriageSession): OrderProblem[] {
  const named = extractOrderIds(subjectAndRequest(session.ticket.subject, session.independent.mail));
  const problems: OrderProblem[] = [];
  for (const orderId of new Set(named)) {
    if (!session.orders.has(orderId)) {
      problems.push({ rule: 'order:not-looked-up', orderId, reason: `the message names order ${orderId}, which was not looked up` });
    } else if (session.orders.get(orderId) === null) {
      const foreign = session.foreignOrderIds.has(orderId);
      problems.push({
        rule: 'order:not-this-customer',
        orderId,
        reason: foreign
          ? `order ${orderId} belongs to another customer`
          : `order ${orderId} is not an order of this customer (no such order for this email)`,
        // A known customer asking about another customer's order is asking for someone else's data; a
        // sender without a profile may be that customer writing from another address.
        ...(foreign && session.customer ? { tag: 'third-party-data' as const } : {}),
      });
    }
  }
  return problems;
}
