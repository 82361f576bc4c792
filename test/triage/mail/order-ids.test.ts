import { describe, expect, it } from 'vitest';
import { extractOrderIds } from '../../../src/triage/local-model/order-ids.js';

describe('order ids in their written forms', () => {
  const forms: [string, string[]][] = [
    ['Where is #A1001?', ['A1001']],
    ['order A-1001 never came', ['A1001']],
    ['wheres a1001', ['A1001']],
    ['Bestellung A 1001 fehlt', ['A1001']],
    ['order no. A1001', ['A1001']],
    ['Order number: A1001', ['A1001']],
    ['Bestellung A1001', ['A1001']],
    ['Bestellnr. A1001', ['A1001']],
    ['commande n° A1002', ['A1002']],
    ['mi pedido #A-1003', ['A1003']],
    ['zamówienie nr A1004', ['A1004']],
    ['ordine a-1005 in ritardo', ['A1005']],
    ['A1001 and A-1002, also #A1001 again', ['A1001', 'A1002']],
    ['Also order #113542617735902 and purchase no. 7732', ['113542617735902', '7732']],
    ['invoice for order NW-2026-31877 please', ['NW-2026-31877']],
    ['Where is NW-2026-04417? It was due Monday.', ['NW-2026-04417']],
  ];
  for (const [text, ids] of forms) {
    it(`"${text}" -> ${ids.join(', ')}`, () => expect(extractOrderIds(text)).toEqual(ids));
  }

  it('amounts, dates and words with digits are no order ids', () => {
    expect(extractOrderIds('I paid €1,299.00 on 2026-11-02')).toEqual([]);
    expect(extractOrderIds('it costs a 1000 euros more')).toEqual([]);
    expect(extractOrderIds('model XA1001 and code A10011234567')).toEqual([]);
    expect(extractOrderIds('see ISO-20261 and the 2026-03-14 delivery')).toEqual([]);
  });

  it('stays cheap on 64 KiB of what the patterns start on', () => {
    const size = 64 * 1024;
    for (const text of [`order${' '.repeat(size)}`, 'order '.repeat(size / 6), 'A-'.repeat(size / 2), 'a1'.repeat(size / 2), `#${' '.repeat(size)}1`]) {
      const started = performance.now();
      extractOrderIds(text);
      // Generous: a linear scan takes milliseconds; a backtracking one takes seconds to minutes.
      expect(performance.now() - started).toBeLessThan(3_000);
    }
  }, 30_000);
});
