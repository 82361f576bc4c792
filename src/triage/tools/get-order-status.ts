import { z } from 'zod';
import { defineTool } from '../../agentao/index.js';
import { checkOrderAnswer } from '../crm/crm-answer-checks.js';
import { CrmMismatchError, type CrmClient } from '../crm/crm-client.js';
import type { TriageSession } from '../triage-session.js';

const parameters = z.object({ order_id: z.string().trim().min(1).max(64) }).strict();

/** What the tool returns, as the model reads it back; a found order is the composer's `OrderFacts`. */
export const orderStatusResult = z.discriminatedUnion('found', [
  z.object({ found: z.literal(false), order_id: z.string(), note: z.string() }),
  z.object({
    found: z.literal(true),
    order_id: z.string(),
    status: z.string(),
    placed_at: z.string(),
    carrier: z.string().optional(),
    tracking_number: z.string().optional(),
    estimated_delivery: z.string().optional(),
    delivered_at: z.string().optional(),
    items: z.array(z.string()),
  }),
]);

export type OrderStatusResult = z.infer<typeof orderStatusResult>;

export function createGetOrderStatusTool(session: TriageSession, crm: CrmClient) {
  return defineTool({
    name: 'get_order_status',
    description: 'Look up the status, carrier, tracking number and delivery estimate of one order of this customer.',
    parameters,
    isReadOnly: true,
    async execute({ order_id }, { signal }): Promise<OrderStatusResult> {
      const orderId = order_id.toUpperCase();
      let order;
      try {
        // Another customer's order, or another order than the one asked for, is a mismatch: the run
        // goes to a human (tag `security`) and the model never sees the record.
        order = checkOrderAnswer(orderId, await crm.getOrder(orderId, { signal }), session.ticket.customerEmail);
      } catch (error) {
        if (!(error instanceof CrmMismatchError)) throw error;
        session.orders.set(orderId, null);
        if (error.kind !== 'foreign-order') {
          session.crmMismatches.push(error.message);
          throw error;
        }
        // A real order of someone else is not a CRM fault (often the same person writing from another
        // address): the guard drafts it (order-ownership.ts). It is reported to the model exactly like
        // a missing one, so the tool cannot be used to probe for other customers' data.
        session.foreignOrderIds.add(orderId);
        return { found: false, order_id: orderId, note: 'No order with this id for this customer.' };
      }
      if (!order) {
        session.orders.set(orderId, null);
        return { found: false, order_id: orderId, note: 'No order with this id for this customer.' };
      }
      session.orders.set(orderId, order);
      return {
        found: true,
        order_id: order.id,
        status: order.status,
        placed_at: order.placedAt,
        carrier: order.carrier,
        tracking_number: order.trackingNumber,
        estimated_delivery: order.estimatedDelivery,
        delivered_at: order.deliveredAt,
        items: order.items.map((item) => `${item.quantity} x ${item.name}`),
      };
    },
  });
}
