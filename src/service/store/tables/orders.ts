import type { Insertable, Selectable, Updateable } from 'kysely';
import type { OrderStatus } from '../../../triage/types.js';

export interface OrdersTable {
  id: string;
  /** Lower case, like customers.email. */
  customer_email: string;
  status: OrderStatus;
  /** JSON text: Order['items']. */
  items: string;
  total: number;
  currency: string;
  placed_at: string;
  carrier: string | null;
  tracking_number: string | null;
  estimated_delivery: string | null;
  delivered_at: string | null;
}

export type OrderRow = Selectable<OrdersTable>;
export type NewOrderRow = Insertable<OrdersTable>;
export type OrderRowUpdate = Updateable<OrdersTable>;
