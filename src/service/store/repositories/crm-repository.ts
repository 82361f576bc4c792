import type { Customer, Order } from '../../../triage/types.js';
import { sql } from 'kysely';
import { dialectOf, parseJsonText, toJsonText } from '../dialect.js';
import { prepareQuery } from '../prepared-query.js';
import type { CustomerRow, NewCustomerRow } from '../tables/customers.js';
import type { NewOrderRow, OrderRow } from '../tables/orders.js';
import { type Executor, withTransaction } from './with-transaction.js';

/** The advisory lock key that serialises CRM seeding on PostgreSQL (any fixed number no other lock uses). */
const CRM_SEED_LOCK = 7_300_112;

// Twelve columns a row at most: well under SQLite's limit on bound parameters per statement.
const ROWS_PER_INSERT = 200;

export interface CrmSeed {
  customers: readonly Customer[];
  /** Customer.orders is not stored: a customer's orders are the orders carrying their email. */
  orders: readonly Order[];
}

/**
 * Inserts or updates every customer and order by id; running it again changes nothing. A customer
 * whose email is stored under another id replaces that row.
 */
export async function seedCrm(db: Executor, seed: CrmSeed): Promise<{ customers: number; orders: number }> {
  const customers: NewCustomerRow[] = seed.customers.map((customer) => ({
    id: customer.id,
    email: normaliseEmail(customer.email),
    name: customer.name,
    plan: customer.plan,
    country: customer.country ?? null,
    created_at: customer.createdAt,
  }));
  const orders: NewOrderRow[] = seed.orders.map((order) => ({
    id: order.id,
    customer_email: normaliseEmail(order.customerEmail),
    status: order.status,
    items: toJsonText(order.items),
    total: order.total,
    currency: order.currency,
    placed_at: order.placedAt,
    carrier: order.carrier ?? null,
    tracking_number: order.trackingNumber ?? null,
    estimated_delivery: order.estimatedDelivery ?? null,
    delivered_at: order.deliveredAt ?? null,
  }));
  await withTransaction(db, async (transaction) => {
    // Worker processes starting together each seed the same rows. On PostgreSQL the upsert's
    // arbiter is the id; two transactions inserting the same new customer then collide on the email
    // index instead ("duplicate key ... customers_email_key") and a worker dies at start. One seed
    // at a time: the lock is held until this transaction ends.
    if (dialectOf(transaction) === 'postgres') await sql`select pg_advisory_xact_lock(${CRM_SEED_LOCK})`.execute(transaction);
    for (let start = 0; start < customers.length; start += ROWS_PER_INSERT) {
      const chunk = customers.slice(start, start + ROWS_PER_INSERT);
      // The upsert is keyed on id, but email is unique too: a customer re-keyed in the seed data
      // would otherwise fail on its old row. The seed is the truth for the emails it names.
      for (const customer of chunk) {
        await transaction
          .deleteFrom('customers')
          .where('email', '=', customer.email)
          .where('id', '<>', customer.id)
          .execute();
      }
      await transaction
        .insertInto('customers')
        .values(chunk)
        .onConflict((conflict) =>
          conflict.column('id').doUpdateSet((expression) => ({
            email: expression.ref('excluded.email'),
            name: expression.ref('excluded.name'),
            plan: expression.ref('excluded.plan'),
            country: expression.ref('excluded.country'),
            created_at: expression.ref('excluded.created_at'),
          })),
        )
        .execute();
    }
    for (let start = 0; start < orders.length; start += ROWS_PER_INSERT) {
      await transaction
        .insertInto('orders')
        .values(orders.slice(start, start + ROWS_PER_INSERT))
        .onConflict((conflict) =>
          conflict.column('id').doUpdateSet((expression) => ({
            customer_email: expression.ref('excluded.customer_email'),
            status: expression.ref('excluded.status'),
            items: expression.ref('excluded.items'),
            total: expression.ref('excluded.total'),
            currency: expression.ref('excluded.currency'),
            placed_at: expression.ref('excluded.placed_at'),
            carrier: expression.ref('excluded.carrier'),
            tracking_number: expression.ref('excluded.tracking_number'),
            estimated_delivery: expression.ref('excluded.estimated_delivery'),
            delivered_at: expression.ref('excluded.delivered_at'),
          })),
        )
        .execute();
    }
  });
  return { customers: customers.length, orders: orders.length };
}

/**
 * Case-insensitive, ignoring surrounding spaces. Includes the ids of the orders carrying the
 * customer's email, sorted by id (the order the demo data lists them in).
 */
export async function findCustomerByEmail(db: Executor, email: string): Promise<Customer | null> {
  const normalised = normaliseEmail(email);
  const [row] = (await selectCustomerByEmail.execute(db, [normalised])).rows;
  if (!row) return null;
  const { rows: orders } = await selectOrderIdsByEmail.execute(db, [normalised]);
  return toCustomer(
    row,
    orders.map((order) => order.id),
  );
}

// The triage's CRM reads (a tool call each, most tickets), compiled once per dialect (prepared-query.ts).
const selectCustomerByEmail = prepareQuery<[email: string], CustomerRow>((db, slot) =>
  db.selectFrom('customers').selectAll().where('email', '=', slot<string>(0)),
);
const selectOrderIdsByEmail = prepareQuery<[email: string], Pick<OrderRow, 'id'>>((db, slot) =>
  db.selectFrom('orders').select('id').where('customer_email', '=', slot<string>(0)).orderBy('id'),
);
const selectOrderById = prepareQuery<[id: string], OrderRow>((db, slot) => db.selectFrom('orders').selectAll().where('id', '=', slot<string>(0)));

/** Case-insensitive, ignoring surrounding spaces, like every CrmClient ("a1001" finds "A1001"). */
export async function getOrder(db: Executor, orderId: string): Promise<Order | null> {
  const trimmed = orderId.trim();
  // The exact id uses the primary key; only a miss pays for the case-folding scan.
  const row =
    (await selectOrderById.execute(db, [trimmed])).rows[0] ??
    (await db
      .selectFrom('orders')
      .selectAll()
      .where((expression) => expression(expression.fn('upper', ['id']), '=', trimmed.toUpperCase()))
      .orderBy('id')
      .executeTakeFirst());
  return row ? toOrder(row) : null;
}

function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function toCustomer(row: CustomerRow, orderIds: string[]): Customer {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    plan: row.plan,
    ...(row.country !== null ? { country: row.country } : {}),
    createdAt: row.created_at,
    orders: orderIds,
  };
}

function toOrder(row: OrderRow): Order {
  return {
    id: row.id,
    customerEmail: row.customer_email,
    status: row.status,
    items: parseJsonText<Order['items']>(row.items, []),
    total: Number(row.total),
    currency: row.currency,
    placedAt: row.placed_at,
    ...(row.carrier !== null ? { carrier: row.carrier } : {}),
    ...(row.tracking_number !== null ? { trackingNumber: row.tracking_number } : {}),
    ...(row.estimated_delivery !== null ? { estimatedDelivery: row.estimated_delivery } : {}),
    ...(row.delivered_at !== null ? { deliveredAt: row.delivered_at } : {}),
  };
}
