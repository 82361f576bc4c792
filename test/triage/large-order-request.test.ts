import { describe, expect, it } from 'vitest';
import { MAX_UNITS_PER_ORDER, readLargeOrderRequest } from '../../src/triage/large-order-request.js';
import { assessSend } from '../../src/triage/send-guard.js';
import { adaSession, sendGuardOptions as guard } from './triage-fixtures.js';

describe('readLargeOrderRequest', () => {
  it('reads more than one order holds of one item, however it is counted', () => {
    expect(readLargeOrderRequest('We would like to order 40 stoneware mugs for our café.')).toEqual({ kind: 'quantity', match: '40 stoneware mugs' });
    expect(readLargeOrderRequest('Can I order 30 of the same mug?')?.kind).toBe('quantity');
    expect(readLargeOrderRequest('Opening a B&B and need 25 identical lamps. Is there a max per order?')?.kind).toBe('quantity');
    expect(readLargeOrderRequest(`order ${MAX_UNITS_PER_ORDER + 1} linen notebooks`)?.kind).toBe('quantity');
  });

  it('reads quotes and trade terms', () => {
    expect(readLargeOrderRequest('Could you send us a written quote for the chairs?')?.kind).toBe('trade-terms');
    expect(readLargeOrderRequest('Request for Quotation No. RFQ-2026-114')?.kind).toBe('trade-terms');
    expect(readLargeOrderRequest('Please send a pro forma invoice so finance can pay.')?.kind).toBe('trade-terms');
    expect(readLargeOrderRequest('Do you offer trade prices for interior designers?')?.kind).toBe('trade-terms');
    expect(readLargeOrderRequest('Can we pay on net 30 terms?')?.kind).toBe('trade-terms');
  });

  it('leaves alone what one order holds, order ids, dates, sums, sizes, a PO number and the verb "quote"', () => {
    for (const text of [
      `We need ${MAX_UNITS_PER_ORDER} chairs for the office.`,
      'A1002 notebooks - review',
      'On 23 March two lamps arrived broken.',
      'I paid 54 euros for two mugs.',
      'Is the 30 cm desk globe in stock?',
      'Where do I put our PO number so it shows on the invoice?',
      'To quote your own site: "delivery in 3 days".',
    ]) {
      expect(readLargeOrderRequest(text), text).toBeUndefined();
    }
  });
});

describe('the send guard with a large order', () => {
  const reply =
    'Hi Ada,\n\nTo place an order, add the items you want to your basket, then open the basket and press Checkout.\n\nBest regards,\nThe Northwind Support Team';

  it('holds the how-to-order answer for a person when the order is beyond one basket, not otherwise', async () => {
    const held = assessSend(await adaSession('Hi, can I order 40 of the stoneware mugs for our café in one go?'), { text: reply, confidence: 1 }, guard);
    expect(held.rules).toContain('request:large-order');
    expect(held.allowed).toBe(false);
    expect(held.reasons.join(' ')).toMatch(/more than 20 of one item \("40 of the stoneware mugs"\)/);

    expect(assessSend(await adaSession('Hi, can I order 4 of the stoneware mugs in one go?'), { text: reply, confidence: 1 }, guard).rules).not.toContain('request:large-order');
  });
});
