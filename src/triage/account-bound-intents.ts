/**
 * Which intents need the customer's own account or orders to answer. A sender without a CRM profile
 * may get an automatic answer to a general question (how delivery works, which payment methods we
 * take, how to reset a password) when AUTO_SEND_UNKNOWN_SENDERS is on; anything about an order or an
 * account is drafted, because we cannot tell who they are.
 *
 * An intent in neither list (a new one from a retrained classifier) counts as account-bound until
 * someone decides otherwise: refusing an automatic answer is the safe mistake.
 */

export const ACCOUNT_BOUND_INTENTS: ReadonlySet<string> = new Set([
  'account_security',
  'cancel_order',
  'change_order',
  'change_shipping_address',
  'check_invoice',
  'complaint',
  'contact_human_agent',
  'data_protection',
  'delete_account',
  'edit_account',
  'get_invoice',
  'get_refund',
  'other',
  'payment_issue',
  'set_up_shipping_address',
  'switch_account',
  'track_order',
  'track_refund',
]);

/** General questions: the same answer for anyone who asks, no account data in it. */
export const GENERAL_QUESTION_INTENTS: ReadonlySet<string> = new Set([
  'check_cancellation_fee',
  'check_payment_methods',
  'check_refund_policy',
  'contact_customer_service',
  'create_account',
  'delivery_options',
  'delivery_period',
  'newsletter_subscription',
  'place_order',
  'recover_password',
  'registration_problems',
  'review',
]);

export function needsAccountData(intent: string): boolean {
  return !GENERAL_QUESTION_INTENTS.has(intent);
}
