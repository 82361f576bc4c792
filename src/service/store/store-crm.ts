/**
 * The embedded demo CRM served from the store, behind the same interface as the HTTP CRM.
 */
import type { Kysely } from 'kysely';
import type { Customer, Order } from '../../triage/types.js';
import type { Database } from './database.js';
import { findCustomerByEmail, getOrder } from './repositories/crm-repository.js';

/*
 * Structurally identical to `CrmClient` of src/triage/crm/crm-client.ts, which another developer
 * owns and which did not exist when this was written. Kept local so this file compiles on its
 * own; TypeScript's structural typing makes the two interchangeable.
 */
export interface CrmRequestOptions {
  signal?: AbortSignal;
}

export interface CrmClient {
  findCustomerByEmail(email: string, options?: CrmRequestOptions): Promise<Customer | null>;
  getOrder(orderId: string, options?: CrmRequestOptions): Promise<Order | null>;
}

export function createStoreCrm(db: Kysely<Database>): CrmClient {
  return {
    async findCustomerByEmail(email, options) {
      // A query cannot be interrupted midway on better-sqlite3; not starting one is what we can do.
      options?.signal?.throwIfAborted();
      return findCustomerByEmail(db, email);
    },
    async getOrder(orderId, options) {
      options?.signal?.throwIfAborted();
      return getOrder(db, orderId);
    },
  };
}
