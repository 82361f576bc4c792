/**
 * Composes a reply from a knowledge-base answer and the facts the tools returned. Sentences whose
 * placeholders have no fact are dropped rather than guessed. The order sentence and the placeholder
 * filling come from grounding/order-facts.ts, the same text the grounding check matches replies
 * against, so a composed reply is grounded by construction.
 */
import { describeOrder, fillPlaceholders, placeholderFacts, type OrderFacts } from '../grounding/order-facts.js';

export { fillPlaceholders, type OrderFacts };

export interface ComposeInput {
  customerName?: string;
  plan?: string;
  answer?: string;
  order?: OrderFacts;
  signature: string;
}

function firstName(name: string | undefined): string | undefined {
  const first = name?.trim().split(/\s+/)[0];
  return first && /^[\p{L}'-]{1,40}$/u.test(first) ? first : undefined;
}

export function composeReply(input: ComposeInput): string {
  const name = firstName(input.customerName);
  const body = input.answer ? fillPlaceholders(input.answer, placeholderFacts(input.order, input.plan)) : '';
  const sections = [`Hi ${name ?? 'there'},`];
  // The order's facts are stated once: by the article when it kept them, else here.
  if (input.order && !body.includes(input.order.order_id)) sections.push(describeOrder(input.order));
  if (body) sections.push(body);
  else sections.push('Thank you for getting in touch. A member of our support team will look into your request and reply shortly.');
  sections.push(input.signature);
  return sections.join('\n\n');
}
