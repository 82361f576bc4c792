/**
 * Composes a reply from a knowledge-base answer and the facts the tools returned. Sentences whose
 * placeholders have no fact are dropped rather than guessed.
 */

export interface OrderFacts {
  order_id: string;
  status?: string;
  carrier?: string;
  tracking_number?: string;
  estimated_delivery?: string;
  delivered_at?: string;
}

export interface ComposeInput {
  customerName?: string;
  plan?: string;
  answer?: string;
  order?: OrderFacts;
  signature: string;
}

const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/g;

function firstName(name: string | undefined): string | undefined {
  const first = name?.trim().split(/\s+/)[0];
  return first && /^[\p{L}'-]{1,40}$/u.test(first) ? first : undefined;
}

const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function formatDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return undefined;
  return DATE_FORMAT.format(date);
}

function splitSentences(text: string): string[] {
  return text.match(/[^.!?\n]+(?:[.!?]+|$)\s*/g) ?? [text];
}

export function fillPlaceholders(template: string, facts: Record<string, string | undefined>): string {
  const paragraphs = template.split(/\n{2,}/);
  const filled = paragraphs.map((paragraph) =>
    splitSentences(paragraph)
      .filter((sentence) => [...sentence.matchAll(PLACEHOLDER)].every((match) => facts[match[1] ?? ''] !== undefined))
      .map((sentence) => sentence.replace(PLACEHOLDER, (_, key: string) => facts[key] ?? ''))
      .join('')
      .trim(),
  );
  return filled.filter((paragraph) => paragraph.length > 0).join('\n\n');
}

function describeOrder(order: OrderFacts): string {
  const parts = [`Your order ${order.order_id} is currently ${order.status ?? 'being processed'}`];
  if (order.carrier && order.tracking_number) parts.push(`with ${order.carrier}, tracking number ${order.tracking_number}`);
  let sentence = `${parts.join(' ')}.`;
  const eta = formatDate(order.estimated_delivery);
  const delivered = formatDate(order.delivered_at);
  if (delivered) sentence += ` It was delivered on ${delivered}.`;
  else if (eta) sentence += ` The estimated delivery date is ${eta}.`;
  return sentence;
}

export function composeReply(input: ComposeInput): string {
  const name = firstName(input.customerName);
  const facts: Record<string, string | undefined> = {
    order_id: input.order?.order_id,
    order_status: input.order?.status,
    carrier: input.order?.carrier,
    tracking_number: input.order?.tracking_number,
    eta: formatDate(input.order?.estimated_delivery),
    plan: input.plan,
  };
  const body = input.answer ? fillPlaceholders(input.answer, facts) : '';
  const sections = [`Hi ${name ?? 'there'},`];
  // The order's facts are stated once: by the article when it kept them, else here.
  if (input.order && !body.includes(input.order.order_id)) sections.push(describeOrder(input.order));
  if (body) sections.push(body);
  else sections.push('Thank you for getting in touch. A member of our support team will look into your request and reply shortly.');
  sections.push(input.signature);
  return sections.join('\n\n');
}
