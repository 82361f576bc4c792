/**
 * The embedded demo CRM served from the store, behind the same interface as the HTTP CRM.
 */
import type { Kysely } from 'kysely';
import { type CrmClient, CrmError, type CrmRequestOptions } from '../../triage/crm/crm-client.js';
import type { Database } from './database.js';
import { findCustomerByEmail, getOrder } from './repositories/crm-repository.js';

export function createStoreCrm(db: Kysely<Database>): CrmClient {
  return {
    findCustomerByEmail: (email, options) => lookUp('a customer', options, () => findCustomerByEmail(db, email)),
    getOrder: (orderId, options) => lookUp(`order ${orderId}`, options, () => getOrder(db, orderId)),
  };
}

/**
 * Callers of any CrmClient handle one error shape, CrmError: a cancelled request, as the HTTP and
 * in-memory CRMs report it, and a store failure, which is retryable (busy database, lost
 * connection) as far as the caller can tell.
 */
async function lookUp<T>(what: string, options: CrmRequestOptions | undefined, query: () => Promise<T>): Promise<T> {
  // A query cannot be interrupted midway on better-sqlite3; not starting one is what we can do.
  if (options?.signal?.aborted) {
    throw new CrmError(`CRM request for ${what} was cancelled`, { cause: options.signal.reason });
  }
  try {
    return await query();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CrmError(`CRM lookup of ${what} in the store failed: ${reason}`, { isRetryable: true, cause: error });
  }
}
