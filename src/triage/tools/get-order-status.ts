import { z } from 'zod';
import { defineTool } from '../../agentao/index.js';
import type { CrmClient } from '../crm/crm-client.js';
import type { TriageSession } from '../triage-session.js';

const parameters = z.object({ order_id: z.string().trim().min(1).max(64) }).strict();

export function createGetOrderStatusTool(session: TriageSession, crm: CrmClient) {
  return defineTool({
    name: 'get_order_status',
    description: 'Look up the status, carrier, tracking number and delivery estimate of one order of this customer.',
    parameters,
    isReadOnly: true,
    async execute({ order_id }, { signal }) {
      const orderId = order_id.toUpperCase();
      const order = await crm.getOrder(orderId, { signal });
      // Another customer's order is reported exactly like a missing one, so the tool cannot be used
      // to probe for other customers' data.
      if (!order || order.customerEmail.toLowerCase() !== session.ticket.customerEmail.toLowerCase()) {
        session.orders.set(orderId, null);
        if (order) session.foreignOrderIds.add(orderId);
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
