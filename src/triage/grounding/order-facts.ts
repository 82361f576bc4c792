/**
 * One order's facts as the sentences a reply may state. The grounding check matches reply
 * sentences against these, and the local composer writes its order sentence with the same
 * functions, so what the composer says about an order is grounded by construction.
 */
import { allMatches } from '../regex-matches.js';
import type { Customer, Order } from '../types.js';

/** The order fields a tool result carries (get_order_status), in the tool's own names. */
export interface OrderFacts {
  order_id: string;
  status?: string;
  carrier?: string;
  tracking_number?: string;
  estimated_delivery?: string;
  delivered_at?: string;
  placed_at?: string;
  items?: string[];
}

const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export function formatDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return undefined;
  return DATE_FORMAT.format(date);
}

export function orderFactsOf(order: Order): OrderFacts {
  return {
    order_id: order.id,
    status: order.status,
    carrier: order.carrier,
    tracking_number: order.trackingNumber,
    estimated_delivery: order.estimatedDelivery,
    delivered_at: order.deliveredAt,
    placed_at: order.placedAt,
    items: order.items.map((item) => `${item.quantity} x ${item.name}`),
  };
}

/** The composer's summary of an order: status, carrier and tracking, then delivery or estimate. */
export function describeOrder(order: OrderFacts): string {
  const parts = [`Your order ${order.order_id} is currently ${order.status ?? 'being processed'}`];
  if (order.carrier && order.tracking_number) parts.push(`with ${order.carrier}, tracking number ${order.tracking_number}`);
  let sentence = `${parts.join(' ')}.`;
  const eta = formatDate(order.estimated_delivery);
  const delivered = formatDate(order.delivered_at);
  if (delivered) sentence += ` It was delivered on ${delivered}.`;
  else if (eta) sentence += ` The estimated delivery date is ${eta}.`;
  return sentence;
}

/** Every fact of one order as short statements, each naming the order. */
export function orderFactSentences(order: OrderFacts): string[] {
  const id = order.order_id;
  const sentences = [describeOrder(order)];
  if (order.status) sentences.push(`The status of order ${id} is ${order.status}.`);
  if (order.carrier) sentences.push(`Order ${id} is travelling with ${order.carrier}.`);
  if (order.tracking_number) sentences.push(`The tracking number of order ${id} is ${order.tracking_number}.`);
  const eta = formatDate(order.estimated_delivery);
  if (eta && !order.delivered_at) sentences.push(`The estimated delivery date of order ${id} is ${eta}.`);
  const delivered = formatDate(order.delivered_at);
  if (delivered) sentences.push(`Order ${id} was delivered on ${delivered}.`);
  const placed = formatDate(order.placed_at);
  if (placed) sentences.push(`Order ${id} was placed on ${placed}.`);
  if (order.items && order.items.length > 0) sentences.push(`Order ${id} contains ${order.items.join(', ')}.`);
  return sentences;
}

/** The placeholders a KB reply may use, filled from one order and the customer's plan. */
export function placeholderFacts(order: OrderFacts | undefined, plan: string | undefined): Record<string, string | undefined> {
  return {
    order_id: order?.order_id,
    order_status: order?.status,
    carrier: order?.carrier,
    tracking_number: order?.tracking_number,
    eta: formatDate(order?.estimated_delivery),
    plan,
  };
}

export function customerFactSentences(customer: Customer): string[] {
  const sentences = [`Your name is ${customer.name}.`, `Your email address is ${customer.email}.`, `You are on the ${customer.plan} plan.`];
  if (customer.orders.length > 0) sentences.push(`Your orders are ${customer.orders.join(', ')}.`);
  return sentences;
}

const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/g;

function splitSentences(text: string): string[] {
  return text.match(/[^.!?\n]+(?:[.!?]+|$)\s*/g) ?? [text];
}

/** A KB reply with its placeholders filled; sentences whose placeholders have no fact are dropped, never guessed. */
export function fillPlaceholders(template: string, facts: Record<string, string | undefined>): string {
  const paragraphs = template.split(/\n{2,}/);
  const filled = paragraphs.map((paragraph) =>
    splitSentences(paragraph)
      .filter((sentence) => allMatches(sentence, PLACEHOLDER).every((match) => facts[match[1] ?? ''] !== undefined))
      .map((sentence) => sentence.replace(PLACEHOLDER, (_, key: string) => facts[key] ?? ''))
      .join('')
      .trim(),
  );
  return filled.filter((paragraph) => paragraph.length > 0).join('\n\n');
}
