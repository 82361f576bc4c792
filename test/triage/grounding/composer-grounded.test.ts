import { describe, expect, it } from 'vitest';
import { checkGrounding } from '../../../src/triage/grounding/grounding-check.js';
import { orderFactsOf } from '../../../src/triage/grounding/order-facts.js';
import { collectRunSources } from '../../../src/triage/grounding/run-sources.js';
import { loadKnowledgeBase } from '../../../src/triage/kb/knowledge-base.js';
import { composeReply } from '../../../src/triage/local-model/reply-composer.js';
import { buildSession } from '../../../src/triage/pipeline.js';
import { demoCrm, ticket, triageDeps } from '../triage-fixtures.js';

const kb = loadKnowledgeBase();

// The local model must keep sending what it sends: its composer fills KB text with the customer's
// facts and writes the order sentence with the functions the sources are rendered with.
describe('the local composer is grounded by construction', () => {
  for (const [email, orderId] of [['ada@example.com', 'A1001'], ['ada@example.com', 'A1002'], ['linus@example.com', 'A2001'], ['ada@example.com', undefined]] as const) {
    it(`every KB article composed for ${email}${orderId ? ` with order ${orderId}` : ''}`, async () => {
      const crm = demoCrm();
      const customer = (await crm.findCustomerByEmail(email))!;
      const order = orderId ? (await crm.getOrder(orderId))! : undefined;
      for (const article of kb.articles) {
        const session = buildSession(ticket('question', { customerEmail: email }), triageDeps());
        session.customer = customer;
        if (order) session.orders.set(order.id, order);
        session.kbReplies.set(article.id, article.reply);
        const reply = composeReply({
          customerName: customer.name,
          plan: customer.plan,
          answer: article.reply,
          order: order ? orderFactsOf(order) : undefined,
          signature: 'Best regards,\nThe Northwind Support Team',
        });
        const result = checkGrounding(reply, collectRunSources(session));
        expect(result.problems, `${article.id}: ${reply}`).toEqual([]);
      }
    });
  }
});
