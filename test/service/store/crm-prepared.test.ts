/**
 * The triage's CRM reads (a customer by email with their order ids, an order by id) are compiled
 * once per dialect (crm-repository.ts, prepared-query.ts): after the first call, a lookup builds
 * no Kysely query. The order lookup's case-folding fallback keeps the builder (it runs on a miss).
 */
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { findCustomerByEmail, getOrder, seedCrm } from '../../../src/service/store/repositories/crm-repository.js';
import type { Database } from '../../../src/service/store/database.js';
import { storeDialects, useMigratedStore } from './store-dialects.js';

/** The store's db, counting the queries built on it. */
function counting(db: Kysely<Database>): { db: Kysely<Database>; built: () => number } {
  let built = 0;
  const proxy = new Proxy(db, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (property === 'selectFrom') {
        return (...args: unknown[]) => {
          built += 1;
          return (value as (...inner: unknown[]) => unknown).apply(target, args);
        };
      }
      return (value as (...inner: unknown[]) => unknown).bind(target);
    },
  });
  return { db: proxy, built: () => built };
}

describe.each(storeDialects)('CRM reads prepared on $name', (dialect) => {
  const store = useMigratedStore(dialect);

  it('builds no query for a lookup once compiled, and answers as before', async () => {
    await seedCrm(store.handle.db, {
      customers: [{ id: 'C-9', email: 'ada@example.com', name: 'Ada Lovelace', plan: 'pro', country: 'GB', createdAt: '2024-01-02T00:00:00.000Z', orders: [] }],
      orders: [
        { id: 'B2', customerEmail: 'ada@example.com', status: 'shipped', items: [], total: 5, currency: 'EUR', placedAt: '2026-10-20T09:00:00.000Z' },
        { id: 'B1', customerEmail: 'ADA@example.com', status: 'delivered', items: [], total: 7, currency: 'EUR', placedAt: '2026-10-01T09:00:00.000Z' },
      ],
    });
    // Compiled here, if no test before compiled them.
    await findCustomerByEmail(store.handle.db, 'ada@example.com');
    await getOrder(store.handle.db, 'B1');
    const { db, built } = counting(store.handle.db);
    const customer = await findCustomerByEmail(db, '  Ada@Example.com ');
    const order = await getOrder(db, 'B2');
    expect(customer).toMatchObject({ id: 'C-9', email: 'ada@example.com', orders: ['B1', 'B2'] });
    expect(order).toMatchObject({ id: 'B2', status: 'shipped', total: 5 });
    expect(await findCustomerByEmail(db, 'nobody@example.com')).toBeNull();
    expect(built()).toBe(0);
    // A miss on the exact id still folds case with the builder.
    expect(await getOrder(db, 'b1')).toMatchObject({ id: 'B1' });
    expect(built()).toBe(1);
  });
});
