import type { Insertable, Selectable, Updateable } from 'kysely';

export interface CustomersTable {
  id: string;
  /** Always lower case, so lookups are case-insensitive and still use the unique index. */
  email: string;
  name: string;
  plan: 'free' | 'pro' | 'enterprise';
  country: string | null;
  created_at: string;
}

export type CustomerRow = Selectable<CustomersTable>;
export type NewCustomerRow = Insertable<CustomersTable>;
export type CustomerRowUpdate = Updateable<CustomersTable>;
