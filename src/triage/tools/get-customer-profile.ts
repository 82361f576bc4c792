import { z } from 'zod';
import { defineTool } from '../../agentao/index.js';
import { checkCustomerAnswer } from '../crm/crm-answer-checks.js';
import { CrmMismatchError, type CrmClient } from '../crm/crm-client.js';
import type { TriageSession } from '../triage-session.js';

const parameters = z.object({ email: z.string().trim().email() }).strict();

/** What the tool returns, as the model reads it back (a model in this process parses it with this). */
export const customerProfileResult = z.discriminatedUnion('found', [
  z.object({ found: z.literal(false), email: z.string(), note: z.string() }),
  z.object({
    found: z.literal(true),
    name: z.string(),
    plan: z.enum(['free', 'pro', 'enterprise']),
    country: z.string().optional(),
    orders: z.array(z.string()),
  }),
]);

export type CustomerProfileResult = z.infer<typeof customerProfileResult>;

export function createGetCustomerProfileTool(session: TriageSession, crm: CrmClient) {
  return defineTool({
    name: 'get_customer_profile',
    description: "Look up the ticket's customer in the CRM by email: name, plan and order ids.",
    parameters,
    isReadOnly: true,
    async execute({ email }, { signal }): Promise<CustomerProfileResult> {
      try {
        const customer = checkCustomerAnswer(email, await crm.findCustomerByEmail(email, { signal }));
        session.customer = customer;
        if (!customer) return { found: false, email, note: 'No customer profile for this email.' };
        return { found: true, name: customer.name, plan: customer.plan, country: customer.country, orders: customer.orders };
      } catch (error) {
        session.customer = null;
        session.customerLookupFailed = true;
        if (error instanceof CrmMismatchError) session.crmMismatches.push(error.message);
        throw error;
      }
    },
  });
}
