import { describe, expect, it } from 'vitest';
import { composeReply, fillPlaceholders } from '../../src/triage/local-model/reply-composer.js';
import { extractOrderIds } from '../../src/triage/local-model/order-ids.js';

describe('reply composer', () => {
  it('drops a sentence whose fact is unknown instead of guessing', () => {
    const text = fillPlaceholders('Your order {{order_id}} ships with {{carrier}}. You can track it in Orders.', { order_id: 'A1001' });
    expect(text).toBe('You can track it in Orders.');
  });

  it('fills known facts', () => {
    expect(fillPlaceholders('Order {{order_id}} is {{order_status}}.', { order_id: 'A1', order_status: 'shipped' })).toBe('Order A1 is shipped.');
  });

  it('greets by first name, states order facts and signs off', () => {
    const reply = composeReply({
      customerName: 'Ada Lovelace',
      answer: 'You can follow the parcel from Orders > Track.',
      order: { order_id: 'A1001', status: 'shipped', carrier: 'UPS', tracking_number: '1Z999', estimated_delivery: '2026-12-02' },
      signature: 'Best regards,\nThe Team',
    });
    expect(reply).toMatch(/^Hi Ada,/);
    expect(reply).toContain('Your order A1001 is currently shipped with UPS, tracking number 1Z999.');
    expect(reply).toContain('2 December 2026');
    expect(reply.endsWith('The Team')).toBe(true);
  });

  it('without an article it writes a holding reply, never an invented answer', () => {
    const reply = composeReply({ signature: 'Bye' });
    expect(reply).toContain('Hi there,');
    expect(reply).toContain('A member of our support team will look into your request');
  });
});

describe('order ids', () => {
  it('finds our ids and labelled numeric ones', () => {
    expect(extractOrderIds('Where is A1001? Also order #113542617735902 and purchase no. 7732')).toEqual(['A1001', '113542617735902', '7732']);
  });
  it('ignores prices and dates', () => {
    expect(extractOrderIds('I paid €1,299.00 on 2026-11-02')).toEqual([]);
  });
});
