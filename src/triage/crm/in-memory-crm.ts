/**
 * The embedded demo CRM: customers and orders held in memory, loaded from data/crm/*.json. Used
 * when CRM_BASE_URL is unset, and by tests.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Customer, Order } from '../types.js';
import { CrmError, type CrmClient } from './crm-client.js';
import { strictCustomerSchema, strictOrderSchema } from './crm-schemas.js';

export interface CrmData {
  customers: Customer[];
  orders: Order[];
}

/** <repo>/data/crm, found from this file so the CLI works from any working directory. */
export const DEFAULT_CRM_DATA_DIRECTORY = fileURLToPath(new URL('../../../data/crm/', import.meta.url));

const normaliseEmail = (email: string) => email.trim().toLowerCase();
const normaliseOrderId = (orderId: string) => orderId.trim().toUpperCase();

export function createInMemoryCrm(data: CrmData): CrmClient {
  const customers = new Map(data.customers.map((customer) => [normaliseEmail(customer.email), customer]));
  const orders = new Map(data.orders.map((order) => [normaliseOrderId(order.id), order]));

  return {
    async findCustomerByEmail(email, options) {
      throwIfCancelled(options?.signal, 'a customer');
      const customer = customers.get(normaliseEmail(email));
      // A copy, so a caller editing the profile cannot change what the next ticket sees.
      return customer ? structuredClone(customer) : null;
    },
    async getOrder(orderId, options) {
      throwIfCancelled(options?.signal, `order ${orderId}`);
      const order = orders.get(normaliseOrderId(orderId));
      return order ? structuredClone(order) : null;
    },
  };
}

/** Same error as the HTTP CRM gives for a cancelled request, so callers handle one shape. */
function throwIfCancelled(signal: AbortSignal | undefined, what: string): void {
  if (signal?.aborted) throw new CrmError(`CRM request for ${what} was cancelled`, { cause: signal.reason });
}

/**
 * Reads and validates customers.json and orders.json. Any problem (unreadable file, bad JSON, a
 * record not matching the schema, an order id that does not exist, an order under another email)
 * is a CrmError naming the file.
 */
export function loadDemoCrmData(directory: string = DEFAULT_CRM_DATA_DIRECTORY): CrmData {
  const customersFile = path.join(directory, 'customers.json');
  const ordersFile = path.join(directory, 'orders.json');
  const customers = readRecords(customersFile, strictCustomerSchema);
  const orders = readRecords(ordersFile, strictOrderSchema);

  const ordersById = new Map<string, Order>();
  for (const order of orders) {
    const id = normaliseOrderId(order.id);
    if (ordersById.has(id)) throw new CrmError(`${ordersFile}: duplicate order id "${order.id}"`);
    ordersById.set(id, order);
  }
  const emails = new Set<string>();
  for (const customer of customers) {
    const email = normaliseEmail(customer.email);
    if (emails.has(email)) throw new CrmError(`${customersFile}: duplicate customer email "${customer.email}"`);
    emails.add(email);
    for (const orderId of customer.orders) {
      const order = ordersById.get(normaliseOrderId(orderId));
      if (!order) throw new CrmError(`${customersFile}: customer ${customer.email} lists order "${orderId}", which is not in ${ordersFile}`);
      if (normaliseEmail(order.customerEmail) !== email) {
        throw new CrmError(`${customersFile}: customer ${customer.email} lists order "${orderId}", which belongs to ${order.customerEmail}`);
      }
    }
  }
  return { customers, orders };
}

function readRecords<T>(file: string, schema: z.ZodType<T>): T[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CrmError(`${file}: cannot read the demo CRM data: ${(error as Error).message}`, { cause: error });
  }
  const parsed = z.array(schema).safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((issue) => `[${issue.path.join('.')}] ${issue.message}`);
    throw new CrmError(`${file}: invalid demo CRM data: ${problems.join('; ')}`, { cause: parsed.error });
  }
  return parsed.data;
}
