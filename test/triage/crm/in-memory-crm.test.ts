import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CrmError } from '../../../src/triage/crm/crm-client.js';
import { createInMemoryCrm, loadDemoCrmData } from '../../../src/triage/crm/in-memory-crm.js';

const data = loadDemoCrmData();
const crm = createInMemoryCrm(data);

describe('demo CRM data', () => {
  it('has the customers and orders the contract and docs rely on', async () => {
    const ada = await crm.findCustomerByEmail('ada@example.com');
    expect(ada).toMatchObject({ name: 'Ada Lovelace', plan: 'pro', orders: ['A1001', 'A1002'] });
    const shipped = await crm.getOrder('A1001');
    expect(shipped).toMatchObject({ customerEmail: 'ada@example.com', status: 'shipped' });
    expect(shipped?.carrier).toBeTruthy();
    expect(shipped?.trackingNumber).toBeTruthy();
    expect(shipped?.estimatedDelivery).toBeTruthy();
    expect((await crm.getOrder('A1002'))?.status).toBe('delivered');

    const grace = await crm.findCustomerByEmail('grace@bigcorp.example');
    expect(grace).toMatchObject({ name: 'Grace Hopper', plan: 'enterprise' });
    expect(grace?.orders).toHaveLength(1);

    const linus = await crm.findCustomerByEmail('linus@example.com');
    expect(linus).toMatchObject({ name: 'Linus', plan: 'free', orders: ['A2001'] });
    expect((await crm.getOrder('A2001'))?.status).toBe('processing');
  });

  it('has a dozen or more customers and orders in every status', () => {
    expect(data.customers.length).toBeGreaterThanOrEqual(13);
    expect(data.orders.length).toBeGreaterThanOrEqual(13);
    expect(new Set(data.orders.map((order) => order.status))).toEqual(new Set(['processing', 'shipped', 'delivered', 'cancelled', 'returned']));
  });

  it('is consistent: totals add up, shipped orders are trackable, dates are in 2026', () => {
    for (const order of data.orders) {
      const sum = order.items.reduce((total, item) => total + item.price * item.quantity, 0);
      expect(order.total, order.id).toBeCloseTo(sum, 2);
      if (order.status === 'shipped') {
        expect(order.carrier && order.trackingNumber && order.estimatedDelivery, order.id).toBeTruthy();
      }
      if (order.status === 'delivered') expect(order.deliveredAt, order.id).toBeTruthy();
      for (const date of [order.placedAt, order.estimatedDelivery, order.deliveredAt]) {
        if (date) expect(date.startsWith('2026-'), `${order.id} ${date}`).toBe(true);
      }
    }
    for (const customer of data.customers) expect(customer.createdAt.startsWith('2026-'), customer.email).toBe(true);
  });
});

describe('createInMemoryCrm', () => {
  it('finds customers by email regardless of case and surrounding spaces', async () => {
    expect((await crm.findCustomerByEmail('  ADA@Example.COM '))?.name).toBe('Ada Lovelace');
  });

  it('finds orders by id regardless of case', async () => {
    expect((await crm.getOrder('a1001'))?.id).toBe('A1001');
  });

  it('answers null for an unknown customer or order', async () => {
    expect(await crm.findCustomerByEmail('nobody@example.com')).toBeNull();
    expect(await crm.getOrder('Z9999')).toBeNull();
  });

  it('returns copies, so a caller cannot change what the next lookup sees', async () => {
    const ada = await crm.findCustomerByEmail('ada@example.com');
    ada!.plan = 'enterprise';
    ada!.orders.push('X1');
    const order = await crm.getOrder('A1001');
    order!.status = 'cancelled';
    expect((await crm.findCustomerByEmail('ada@example.com'))?.plan).toBe('pro');
    expect((await crm.findCustomerByEmail('ada@example.com'))?.orders).toEqual(['A1001', 'A1002']);
    expect((await crm.getOrder('A1001'))?.status).toBe('shipped');
  });

  it('refuses a request whose signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(crm.getOrder('A1001', { signal: controller.signal })).rejects.toThrow(CrmError);
    await expect(crm.findCustomerByEmail('ada@example.com', { signal: controller.signal })).rejects.toMatchObject({
      name: 'CrmError',
      isRetryable: false,
    });
  });
});

describe('loadDemoCrmData with broken files', () => {
  let directory: string | undefined;
  afterEach(() => {
    if (directory) rmSync(directory, { recursive: true, force: true });
    directory = undefined;
  });

  function write(customers: unknown, orders: unknown): string {
    directory = mkdtempSync(path.join(tmpdir(), 'crm-test-'));
    writeFileSync(path.join(directory, 'customers.json'), typeof customers === 'string' ? customers : JSON.stringify(customers));
    writeFileSync(path.join(directory, 'orders.json'), typeof orders === 'string' ? orders : JSON.stringify(orders));
    return directory;
  }

  const customer = { id: 'C-1', email: 'a@example.com', name: 'A', plan: 'free', createdAt: '2026-01-01T00:00:00Z', orders: ['A1'] };
  const order = {
    id: 'A1',
    customerEmail: 'a@example.com',
    status: 'processing',
    items: [{ sku: 'S', name: 'Thing', quantity: 1, price: 5 }],
    total: 5,
    currency: 'EUR',
    placedAt: '2026-01-02T00:00:00Z',
  };

  it('loads well-formed files', () => {
    expect(loadDemoCrmData(write([customer], [order]))).toEqual({ customers: [customer], orders: [order] });
  });

  it.each([
    ['invalid JSON', '[{', [order], /customers\.json: cannot read the demo CRM data/],
    ['a wrong plan', [{ ...customer, plan: 'gold' }], [order], /customers\.json: invalid demo CRM data: \[0\.plan\]/],
    ['a misspelt field', [customer], [{ ...order, trackingNo: 'X' }], /orders\.json: invalid demo CRM data/],
    ['a missing field', [customer], [{ ...order, total: undefined }], /orders\.json: invalid demo CRM data: \[0\.total\]/],
    ['a bad date', [customer], [{ ...order, placedAt: 'yesterday' }], /orders\.json: invalid demo CRM data: \[0\.placedAt\]/],
    ['a dangling order id', [{ ...customer, orders: ['A2'] }], [order], /customers\.json: .*"A2", which is not in .*orders\.json/],
    ['an order of another customer', [customer], [{ ...order, customerEmail: 'b@example.com' }], /belongs to b@example\.com/],
    ['a duplicate order id', [customer], [order, order], /orders\.json: duplicate order id "A1"/],
    ['a duplicate email', [customer, { ...customer, id: 'C-2', email: 'A@example.com', orders: [] }], [order], /duplicate customer email/],
  ])('names the file for %s', (_case, customers, orders, message) => {
    const load = () => loadDemoCrmData(write(customers, orders));
    expect(load).toThrow(CrmError);
    expect(load).toThrow(message);
  });

  it('names the file when it is missing', () => {
    directory = mkdtempSync(path.join(tmpdir(), 'crm-test-'));
    expect(() => loadDemoCrmData(directory)).toThrow(/customers\.json: cannot read/);
  });
});
