/** Errors of the outbox dispatcher. */
import { ServiceError } from '../errors.js';

export class OutboxError extends ServiceError {}

/** A ticket from a helpdesk whose connector is not configured: retryable, fixing the settings helps. */
export class MissingConnectorError extends OutboxError {
  readonly isRetryable = true;
}
