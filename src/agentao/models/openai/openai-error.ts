/**
 * SDK errors to ModelCallError. The SDK keeps only `body.error` of an error response, which loses the
 * message of servers that answer `{message}` or `{detail}` (older vLLM, some proxies), so the fetch we
 * hand it records every error body, keyed by the response's Headers object that the SDK error keeps.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { ModelCallError } from '../../errors.js';
import { connectionError, httpStatusError, parseRetryAfter } from '../retry.js';
import { openAIErrorBodySchema, openAIErrorMessage } from './openai-api-types.js';

export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface ErrorBodyRecorder {
  fetch: Fetch;
  bodyOf(headers: Headers | undefined): string | undefined;
}

export function createErrorBodyRecorder(fetchImplementation: Fetch): ErrorBodyRecorder {
  const bodies = new WeakMap<Headers, string>();
  return {
    fetch: async (input, init) => {
      const response = await fetchImplementation(input, init);
      if (response.ok) return response;
      const text = await response.text();
      const copy = new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
      bodies.set(copy.headers, text);
      return copy;
    },
    bodyOf: (headers) => (headers === undefined ? undefined : bodies.get(headers)),
  };
}

/**
 * Translates what `client.chat.completions.create()` threw. An abort is rethrown as it is: the retry
 * loop knows whether it was the caller or the attempt's timeout.
 */
export function toModelCallError(error: unknown, label: string, recorder: ErrorBodyRecorder): unknown {
  if (error instanceof APIUserAbortError) return error;
  if (error instanceof APIConnectionTimeoutError) {
    return new ModelCallError(`${label} timed out waiting for the response headers`, { isRetryable: true, cause: error });
  }
  if (error instanceof APIConnectionError) return connectionError(label, 'could not be reached', error.cause ?? error);
  if (error instanceof APIError && typeof error.status === 'number') {
    return httpStatusError(label, error.status, serverMessage(error, recorder), error);
  }
  return error;
}

export function retryAfterOf(error: ModelCallError): number | undefined {
  return error.cause instanceof APIError ? parseRetryAfter(error.cause.headers) : undefined;
}

function serverMessage(error: APIError, recorder: ErrorBodyRecorder): string | undefined {
  const text = recorder.bodyOf(error.headers);
  if (text === undefined) return error.message;
  try {
    const body = openAIErrorBodySchema.safeParse(JSON.parse(text));
    if (body.success) return openAIErrorMessage(body.data);
  } catch {
    // Not JSON: a proxy's HTML or plain-text page, shown as it is.
  }
  return text;
}
