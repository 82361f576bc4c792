/**
 * GET /api/tickets/:id/context: what a reviewer wants beside the draft: the customer's profile and
 * orders from the CRM, their earlier tickets here, the ticket in its helpdesk, and what approving
 * will do for this source.
 */
import type { FastifyPluginAsync } from 'fastify';
import { HttpError } from '../../http-errors.js';
import { helpdeskLink, replyChannel } from '../../review/helpdesk-link.js';
import type { ServiceContext } from '../../service-context.js';
import { listCustomerTickets } from '../../store/repositories/customer-history-repository.js';
import { getTicket } from '../../store/repositories/ticket-repository.js';
import type { Order } from '../../../triage/types.js';

const MAX_ORDERS = 10;

export const customerContextRoutes: FastifyPluginAsync<{ services: ServiceContext }> = async (app, { services }) => {
  const { db } = services.runtime.store;
  const { crm } = services.runtime.deps;

  app.get<{ Params: { id: string } }>('/tickets/:id/context', async (request) => {
    const ticket = await getTicket(db, request.params.id);
    if (!ticket) throw new HttpError(404, 'not_found', `no ticket with id "${request.params.id}"`);
    // The panel is a convenience: an unreachable CRM leaves it partly empty, it does not fail the page.
    let crmError: string | null = null;
    const customer = await crm.findCustomerByEmail(ticket.customerEmail).catch((error: unknown) => {
      crmError = error instanceof Error ? error.message : String(error);
      return null;
    });
    const orders: Order[] = [];
    for (const orderId of (customer?.orders ?? []).slice(-MAX_ORDERS).reverse()) {
      const order = await crm.getOrder(orderId).catch(() => null);
      if (order) orders.push(order);
    }
    return {
      ticketId: ticket.id,
      customer,
      orders,
      crmError,
      earlierTickets: await listCustomerTickets(db, ticket.customerEmail, ticket.id),
      helpdesk: helpdeskLink(services.config, ticket),
      replyChannel: replyChannel(ticket.source),
    };
  });
};
