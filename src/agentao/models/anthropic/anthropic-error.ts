/** SDK errors to ModelCallError, with the server's own message from its error body. */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import { ModelCallError } from '../../errors.js';
import { connectionError, httpStatusError, parseRetryAfter } from '../retry.js';
import { anthropicErrorBodySchema } from './anthropic-api-types.js';

/**
 * Translates what `client.messages.create()` threw. An abort is rethrown as it is: the retry loop
 * knows whether it was the caller or the attempt's timeout.
 */
export function toModelCallError(error: unknown, label: string): unknown {
  if (error instanceof APIUserAbortError) return error;
  if (error instanceof APIConnectionTimeoutError) {
    return new ModelCallError(`${label} timed out waiting for the response headers`, { isRetryable: true, cause: error });
  }
  if (error instanceof APIConnectionError) return connectionError(label, 'could not be reached', error.cause ?? error);
  if (error instanceof APIError && typeof error.status === 'number') {
    return httpStatusError(label, error.status, serverMessage(error), error);
  }
  return error;
}

export function retryAfterOf(error: ModelCallError): number | undefined {
  return error.cause instanceof APIError ? parseRetryAfter(error.cause.headers) : undefined;
}

function serverMessage(error: APIError): string {
  // The SDK keeps the parsed JSON body in `error`, or puts a non-JSON body's text in the message.
  const body = anthropicErrorBodySchema.safeParse(error.error);
  if (body.success) {
    const type = body.data.error.type;
    return type === undefined || type === null ? body.data.error.message : `${type}: ${body.data.error.message}`;
  }
  const prefix = `${error.status} `;
  return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}
