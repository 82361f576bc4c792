import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { findCustomerByEmail, getOrder, seedCrm } from '../../../src/service/store/repositories/crm-repository.js';
import { createStoreCrm } from '../../../src/service/store/store-crm.js';
import { CrmError } from '../../../src/triage/crm/crm-client.js';
import { createInMemoryCrm, loadDemoCrmData } from '../../../src/triage/crm/in-memory-crm.js';
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
    placedAt: '2026-10-20T09:00:00.000Z',
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

  it('finds a customer by email whatever its case, with order ids sorted by id', async () => {
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
    expect((await getOrder(store.handle.db, ' a1001 '))?.id).toBe('A1001');
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

  it('a customer re-keyed in the seed data replaces the row with its email', async () => {
    await seedCrm(store.handle.db, { customers: CUSTOMERS, orders: ORDERS });
    await seedCrm(store.handle.db, { customers: [{ ...CUSTOMERS[1]!, id: 'C-2-new', email: 'Grace@BigCorp.example' }], orders: [] });
    expect((await findCustomerByEmail(store.handle.db, 'grace@bigcorp.example'))?.id).toBe('C-2-new');
    expect(await count('customers')).toBe(2);
    await seedCrm(store.handle.db, { customers: CUSTOMERS, orders: ORDERS });
    expect((await findCustomerByEmail(store.handle.db, 'grace@bigcorp.example'))?.id).toBe('C-2');
  });

  it('createStoreCrm answers through the CrmClient interface and refuses an aborted request', async () => {
    await seedCrm(store.handle.db, { customers: CUSTOMERS, orders: ORDERS });
    const crm = createStoreCrm(store.handle.db);
    expect((await crm.findCustomerByEmail('ADA@example.com'))?.id).toBe('C-1');
    expect((await crm.getOrder('A1002', { signal: new AbortController().signal }))?.status).toBe('delivered');
    const controller = new AbortController();
    controller.abort();
    await expect(crm.getOrder('A1002', { signal: controller.signal })).rejects.toBeInstanceOf(CrmError);
    await expect(crm.findCustomerByEmail('ada@example.com', { signal: controller.signal })).rejects.toThrow(/cancelled/);
  });

  it('with the demo data seeded, answers exactly as the in-memory demo CRM does', async () => {
    const data = loadDemoCrmData();
    await seedCrm(store.handle.db, data);
    const storeCrm = createStoreCrm(store.handle.db);
    const memoryCrm = createInMemoryCrm(data);
    const sortOrders = (customer: Customer | null) => customer && { ...customer, orders: [...customer.orders].sort() };
    for (const customer of data.customers) {
      for (const email of [customer.email, customer.email.toUpperCase()]) {
        expect(sortOrders(await storeCrm.findCustomerByEmail(email))).toEqual(
          sortOrders(await memoryCrm.findCustomerByEmail(email)),
        );
      }
    }
    for (const order of data.orders) {
      for (const id of [order.id, order.id.toLowerCase()]) {
        expect(await storeCrm.getOrder(id)).toEqual(await memoryCrm.getOrder(id));
      }
    }
    expect(await storeCrm.findCustomerByEmail('unknown@example.com')).toBeNull();
    expect((await storeCrm.findCustomerByEmail('ada@example.com'))?.plan).toBe('pro');
  });

  it('a store failure reaches the caller as a retryable CrmError', async () => {
    const location = dialect.createLocation();
    const closed = await location.open();
    await closed.close();
    try {
      const error = await createStoreCrm(closed.db)
        .getOrder('A1001')
        .then(
          () => undefined,
          (caught: unknown) => caught,
        );
      expect(error).toBeInstanceOf(CrmError);
      expect((error as CrmError).isRetryable).toBe(true);
    } finally {
      await location.destroy();
    }
  });
  it('seeds started together (worker processes starting at once) all succeed and leave one row each', async () => {
    // Customers of their own, so the other cases' rows are not touched.
    const together: Customer[] = Array.from({ length: 40 }, (_, index) => ({
      id: `C-T${index}`,
      email: `together-${index}@concurrent.example`,
      name: `Customer ${index}`,
      plan: 'free',
      createdAt: '2024-01-02T00:00:00.000Z',
      orders: [],
    }));
    // On PostgreSQL each seed runs on its own pooled connection: without one seed at a time, two
    // inserting the same new customer can collide on the email index.
    const runs = await Promise.allSettled(Array.from({ length: 6 }, () => seedCrm(store.handle.db, { customers: together, orders: [] })));
    expect(runs.filter((run) => run.status === 'rejected')).toEqual([]);
    const { rows } = await sql<{ count: number | string }>`select count(*) as count from customers where email like ${'%@concurrent.example'}`.execute(
      store.handle.db,
    );
    expect(Number(rows[0]?.count)).toBe(together.length);
  });
});
