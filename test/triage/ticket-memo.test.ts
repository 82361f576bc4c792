import { describe, expect, it } from 'vitest';
import { collectRunSources } from '../../src/triage/grounding/run-sources.js';
import { loadKnowledgeBase } from '../../src/triage/kb/knowledge-base.js';
import { inTicketMemo, memoised, withTicketMemo } from '../../src/triage/ticket-memo.js';
import { TriageSession } from '../../src/triage/triage-session.js';
import type { Customer, Order } from '../../src/triage/types.js';

describe('ticket memo', () => {
  it('computes once per owner and key inside a ticket, every time outside one', async () => {
    const owner = {};
    let computed = 0;
    const read = (text: string) => memoised(owner, text, () => ({ text, run: ++computed }));
    expect(read('a').run).toBe(1);
    expect(read('a').run).toBe(2);
    await withTicketMemo(async () => {
      const first = read('a');
      await Promise.resolve();
      expect(read('a')).toBe(first);
      expect(read('b')).not.toBe(first);
      expect(memoised({}, 'a', () => 'another owner')).toBe('another owner');
      expect(inTicketMemo()).toBe(true);
    });
    expect(inTicketMemo()).toBe(false);
    expect(computed).toBe(4);
  });

  it('shares nothing between tickets, also when they run at the same time', async () => {
    const owner = {};
    const seen: number[] = [];
    let computed = 0;
    await Promise.all(
      [1, 2].map((ticket) =>
        withTicketMemo(async () => {
          seen.push(memoised(owner, 'same text', () => ++computed));
          await new Promise((resolve) => setTimeout(resolve, 1));
          expect(memoised(owner, 'same text', () => ++computed)).toBe(seen[ticket - 1]);
        }),
      ),
    );
    expect(computed).toBe(2);
  });

  it('gives the run sources again only while what they are made of is the same', () => {
    const ticket = { id: 't1', source: 'cli' as const, customerEmail: 'ada@example.com', body: 'Where is my order A1001?', receivedAt: '2026-12-04T00:00:00Z' };
    const session = new TriageSession(ticket, {
      intent: { intent: 'track_order', confidence: 0.9 },
      kbHits: [],
      confidence: 0.9,
      escalation: [],
      mail: { newest: ticket.body, history: '' } as TriageSession['independent']['mail'],
      language: { code: 'en', reason: '', detected: true },
    });
    const customer: Customer = { id: 'c1', email: 'ada@example.com', name: 'Ada Lovelace', plan: 'pro', createdAt: '2026-01-01', orders: ['A1001'] };
    const order: Order = {
      id: 'A1001', customerEmail: 'ada@example.com', status: 'shipped', items: [{ sku: 's', name: 'Lamp', quantity: 1, price: 10 }],
      total: 10, currency: 'EUR', placedAt: '2026-11-01T00:00:00Z',
    };
    withTicketMemo(() => {
      session.kbReplies.set('kb-1', 'Your order ships in 2 days.');
      const first = collectRunSources(session);
      expect(collectRunSources(session)).toBe(first);
      session.customer = customer;
      const withCustomer = collectRunSources(session);
      expect(withCustomer).not.toBe(first);
      expect(withCustomer.sentences.map((sentence) => sentence.text)).toContain('You are on the pro plan.');
      session.orders.set('A1001', order);
      const withOrder = collectRunSources(session);
      expect(withOrder).not.toBe(withCustomer);
      expect(withOrder.sentences.some((sentence) => sentence.id.startsWith('order:A1001#'))).toBe(true);
      session.orders.set('A1001', { ...order, status: 'delivered' });
      const delivered = collectRunSources(session);
      expect(delivered).not.toBe(withOrder);
      expect(delivered.sentences.map((sentence) => sentence.text)).toContain('The status of order A1001 is delivered.');
      session.kbReplies.set('kb-2', 'Returns are free.');
      expect(collectRunSources(session).sentences.map((sentence) => sentence.text)).toContain('Returns are free.');
      // Not looked up and looked up without a profile are different states of the session.
      session.customer = null;
      expect(collectRunSources(session)).not.toBe(delivered);
    });
  });
});

describe('KB search inside a ticket', () => {
  it('answers each limit and intent hint as outside one, for the same words and for other words', () => {
    const kb = loadKnowledgeBase();
    const queries: [string, { limit?: number; intents?: string[] }][] = [
      ['Where is my parcel? It has not arrived.', { limit: 3 }],
      ['Where is my parcel? It has not arrived.', { limit: 58 }],
      ['where is my parcel it has not arrived', { limit: 3, intents: ['get_refund'] }],
      ['I forgot my password', { limit: 3 }],
    ];
    const outside = queries.map(([query, options]) => kb.search(query, options));
    const inside = withTicketMemo(() => queries.map(([query, options]) => kb.search(query, options)));
    expect(inside).toEqual(outside);
  });
});
