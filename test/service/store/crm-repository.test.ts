import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { findCustomerByEmail, getOrder, seedCrm } from '../../../src/service/store/repositories/crm-repository.js';
import { createStoreCrm } from '../../../src/service/store/store-crm.js';
import type { Customer, Order } from '../../../src/triage/types.js';
import { storeDialects, useMigratedStore } from './store-dialects.js';

const CUSTOMERS: Customer[] = [
  { id: 'C-1', email: 'Ada@Example.com', name: 'Ada Lovelace', plan: 'pro', country: 'GB', createdAt: '2024-01-02T00:00:00.000Z', orders: ['A1001', 'A1002'] },
  { id: 'C-2', email: 'grace@bigcorp.example', name: 'Grace Hopper', plan: 'enterprise', createdAt: '2024-02-03T00:00:00.000Z', orders: [] },
];

const ORDERS: Order[] = [
  {
    id: 'A1002',
    customerEmail: 'ada@example.com',
    status: 'delivered',
    items: [{ sku: 'BK-1', name: 'Notes on the Analytical Engine', quantity: 1, price: 12.5 }],
    total: 12.5,
    currency: 'EUR',
    placedAt: '2026-10-01T09:00:00.000Z',
    deliveredAt: '2026-10-04T15:00:00.000Z',
  },
  {
    id: 'A1001',
    customerEmail: 'ADA@example.com',
    status: 'shipped',
    items: [
      { sku: 'KB-2', name: 'Keyboard', quantity: 1, price: 89.99 },
      { sku: 'CB-9', name: 'Cable', quantity: 2, price: 5 },
    ],
    total: 99.99,
    currency: 'EUR',
    placedAt: '2026-09-20T09:00:00.000Z',
    carrier: 'DHL',
    trackingNumber: 'JD014600003SE',
    estimatedDelivery: '2026-11-30',
  },
];

describe.each(storeDialects)('CRM in the store on $name', (dialect) => {
  const store = useMigratedStore(dialect);

  async function count(table: 'customers' | 'orders'): Promise<number> {
    const { rows } = await sql<{ count: number | string }>`select count(*) as count from ${sql.table(table)}`.execute(
      store.handle.db,
    );
    return Number(rows[0]?.count);
  }

  it('seeding twice leaves one row per customer and order', async () => {
    expect(await seedCrm(store.handle.db, { customers: CUSTOMERS, orders: ORDERS })).toEqual({ customers: 2, orders: 2 });
    await seedCrm(store.handle.db, { customers: CUSTOMERS, orders: ORDERS });
    expect(await count('customers')).toBe(2);
    expect(await count('orders')).toBe(2);
  });

  it('finds a customer by email whatever its case, with order ids oldest first', async () => {
    await seedCrm(store.handle.db, { customers: CUSTOMERS, orders: ORDERS });
    const customer = await findCustomerByEmail(store.handle.db, '  aDa@EXAMPLE.com ');
    expect(customer).toEqual({
      id: 'C-1',
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      plan: 'pro',
      country: 'GB',
      createdAt: '2024-01-02T00:00:00.000Z',
      orders: ['A1001', 'A1002'],
    });
    const grace = await findCustomerByEmail(store.handle.db, 'GRACE@bigcorp.example');
    expect(grace).toMatchObject({ plan: 'enterprise', orders: [] });
    expect(grace).not.toHaveProperty('country');
    expect(await findCustomerByEmail(store.handle.db, 'nobody@example.com')).toBeNull();
  });

  it('reads an order back whole, leaving absent fields out', async () => {
    await seedCrm(store.handle.db, { customers: CUSTOMERS, orders: ORDERS });
    expect(await getOrder(store.handle.db, 'A1001')).toEqual({ ...ORDERS[1], customerEmail: 'ada@example.com' });
    const delivered = await getOrder(store.handle.db, 'A1002');
    expect(delivered).toEqual(ORDERS[0]);
    expect(delivered).not.toHaveProperty('trackingNumber');
    expect(await getOrder(store.handle.db, 'Z9999')).toBeNull();
  });

  it('seeding again with changed data updates the rows', async () => {
    await seedCrm(store.handle.db, { customers: CUSTOMERS, orders: ORDERS });
    const upgraded = CUSTOMERS.map((customer) => (customer.id === 'C-1' ? { ...customer, plan: 'enterprise' as const } : customer));
    const shipped = ORDERS.map((order) => (order.id === 'A1001' ? { ...order, status: 'delivered' as const } : order));
    await seedCrm(store.handle.db, { customers: upgraded, orders: shipped });
    expect((await findCustomerByEmail(store.handle.db, 'ada@example.com'))?.plan).toBe('enterprise');
    expect((await getOrder(store.handle.db, 'A1001'))?.status).toBe('delivered');
    await seedCrm(store.handle.db, { customers: CUSTOMERS, orders: ORDERS });
  });

  it('createStoreCrm answers through the CrmClient interface and refuses an aborted request', async () => {
    await seedCrm(store.handle.db, { customers: CUSTOMERS, orders: ORDERS });
    const crm = createStoreCrm(store.handle.db);
    expect((await crm.findCustomerByEmail('ADA@example.com'))?.id).toBe('C-1');
    expect((await crm.getOrder('A1002', { signal: new AbortController().signal }))?.status).toBe('delivered');
    const controller = new AbortController();
    controller.abort();
    await expect(crm.getOrder('A1002', { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    await expect(crm.findCustomerByEmail('ada@example.com', { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});
