/**
 * The CRM as the triage tools see it: look a customer up by email, an order by id. Implementations:
 * the embedded demo CRM (in-memory-crm.ts) and an HTTP CRM (http-crm.ts).
 */
import { TriageError } from '../errors.js';
import type { Customer, Order } from '../types.js';

export interface CrmRequestOptions {
  signal?: AbortSignal;
}

export interface CrmClient {
  /** The customer with this email (case-insensitive), or null when there is none. */
  findCustomerByEmail(email: string, options?: CrmRequestOptions): Promise<Customer | null>;
  /** The order with this id (case-insensitive), or null when there is none. */
  getOrder(orderId: string, options?: CrmRequestOptions): Promise<Order | null>;
}

/** The CRM could not answer. A missing customer or order is not an error: it is `null`. */
export class CrmError extends TriageError {
  /** True when the same request may succeed later (timeout, 5xx, 429, network), so a job may retry. */
  readonly isRetryable: boolean;

  constructor(message: string, options: { isRetryable?: boolean; cause?: unknown } = {}, code: 'crm_unavailable' | 'crm_mismatch' = 'crm_unavailable') {
    super(code, message, options);
    this.isRetryable = options.isRetryable ?? false;
  }
}

/**
 * The CRM answered, but about someone or something other than what was asked: a profile for
 * another email, an order with another id or of another customer. Never trusted, never retried
 * (the same question gets the same wrong answer); the ticket goes to a human with the reason.
 */
export class CrmMismatchError extends CrmError {
  constructor(
    message: string,
    /** `foreign-order`: a real order of another customer (the ticket asks about someone else's order). */
    readonly kind: 'wrong-record' | 'foreign-order' = 'wrong-record',
  ) {
    super(message, { isRetryable: false }, 'crm_mismatch');
  }
}
