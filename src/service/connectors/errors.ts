/**
 * Errors of the helpdesk connectors. The HTTP error handler turns ConnectorPayloadError into a 400;
 * the job handler retries a ConnectorRequestError when `isRetryable` says so.
 */
import type { HelpdeskProvider } from './helpdesk-connector.js';

export interface ConnectorErrorOptions {
  cause?: unknown;
}

export class ConnectorError extends Error {
  constructor(message: string, options: ConnectorErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    // new.target keeps the subclass name without every subclass repeating it.
    this.name = new.target.name;
  }
}

export interface PayloadIssue {
  /** Dotted path into the payload, e.g. "data.item.id"; "(root)" for the payload itself. */
  path: string;
  message: string;
}

/** A webhook payload does not have the shape its provider documents. */
export class ConnectorPayloadError extends ConnectorError {
  readonly statusCode = 400 as const;
  readonly provider: HelpdeskProvider;
  readonly issues: readonly PayloadIssue[];

  constructor(provider: HelpdeskProvider, issues: readonly PayloadIssue[], options: ConnectorErrorOptions = {}) {
    const listed = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    super(`Invalid ${provider} webhook payload: ${listed}`, options);
    this.provider = provider;
    this.issues = [...issues];
  }
}

export interface ConnectorRequestErrorOptions extends ConnectorErrorOptions {
  /** True when the same request may succeed later (429, 5xx, timeout, network failure). */
  isRetryable: boolean;
  /** The helpdesk's HTTP status; absent for timeouts and network failures. */
  statusCode?: number;
  /** From a Retry-After header, so a retry does not come back too early. */
  retryAfterMs?: number;
}

/** A call to a helpdesk API failed. The message names provider, method, path and status, never a credential. */
export class ConnectorRequestError extends ConnectorError {
  readonly isRetryable: boolean;
  readonly statusCode?: number;
  readonly retryAfterMs?: number;

  constructor(message: string, options: ConnectorRequestErrorOptions) {
    super(message, options);
    this.isRetryable = options.isRetryable;
    if (options.statusCode !== undefined) this.statusCode = options.statusCode;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }
}
