/**
 * zod schemas for the CRM's records, checked against the domain types so that the two cannot drift.
 * The HTTP CRM strips unknown fields (a real CRM sends more than we use); the demo data files are
 * strict, so a misspelt field name is reported instead of silently ignored.
 */
import { z } from 'zod';
import type { Customer, Order } from '../types.js';

const timestamp = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

function makeSchemas(unknownKeys: 'strip' | 'strict') {
  const object = <Shape extends z.ZodRawShape>(shape: Shape) =>
    unknownKeys === 'strict' ? z.strictObject(shape) : z.object(shape);
  const customer = object({
    id: z.string().min(1),
    email: z.string().trim().min(3).includes('@'),
    name: z.string().min(1),
    plan: z.enum(['free', 'pro', 'enterprise']),
    country: z.string().min(2).optional(),
    createdAt: timestamp,
    orders: z.array(z.string().min(1)),
  });
  const order = object({
    id: z.string().min(1),
    customerEmail: z.string().trim().min(3).includes('@'),
    status: z.enum(['processing', 'shipped', 'delivered', 'cancelled', 'returned']),
    items: z.array(
      object({
        sku: z.string().min(1),
        name: z.string().min(1),
        quantity: z.number().int().positive(),
        price: z.number().nonnegative(),
      }),
    ),
    total: z.number().nonnegative(),
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR'),
    placedAt: timestamp,
    carrier: z.string().min(1).optional(),
    trackingNumber: z.string().min(1).optional(),
    estimatedDelivery: timestamp.optional(),
    deliveredAt: timestamp.optional(),
  });
  return { customer, order };
}

const loose = makeSchemas('strip');
const strict = makeSchemas('strict');

export const customerSchema: z.ZodType<Customer> = loose.customer;
export const orderSchema: z.ZodType<Order> = loose.order;
export const strictCustomerSchema: z.ZodType<Customer> = strict.customer;
export const strictOrderSchema: z.ZodType<Order> = strict.order;
