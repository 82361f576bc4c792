/**
 * The HTTP calls connectors make to helpdesk APIs: one place for the timeout, the caller's abort
 * signal, response validation and the translation of failures into ConnectorRequestError.
 */
import type { z } from 'zod';
import { ConnectorRequestError } from './errors.js';
import type { HelpdeskProvider } from './helpdesk-connector.js';
import { firstRateLimitDelay, type RateLimitHeaderReader, retryAfter } from './rate-limit-headers.js';

export type FetchFunction = typeof globalThis.fetch;

export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

export interface ConnectorHttpSettings {
  provider: HelpdeskProvider;
  fetch?: FetchFunction | undefined;
  timeoutMs?: number | undefined;
  /** Sent with every request (authorisation, API version). */
  headers: Record<string, string>;
  /** The vendor's own rate-limit headers, read in this order; default Retry-After alone. */
  rateLimitHeaders?: readonly RateLimitHeaderReader[] | undefined;
}

export interface ConnectorHttpRequest<TSchema extends z.ZodType> {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  /** Serialised as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
  /** Validates a 2xx JSON answer; an empty answer is passed as undefined. */
  responseSchema: TSchema;
}

export interface ConnectorHttpClient {
  request<TSchema extends z.ZodType>(request: ConnectorHttpRequest<TSchema>): Promise<z.output<TSchema>>;
}

export function createConnectorHttpClient(settings: ConnectorHttpSettings): ConnectorHttpClient {
  const fetchFunction = settings.fetch ?? globalThis.fetch;
  const timeoutMs = settings.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const rateLimitHeaders = settings.rateLimitHeaders ?? [retryAfter];

  return {
    async request(request) {
      // Only the path goes into messages: the query may hold ids, the headers hold the credentials.
      const path = new URL(request.url).pathname;
      const describe = `${settings.provider} ${request.method} ${path}`;
      const timeoutSignal = AbortSignal.timeout(timeoutMs);
      const signal = request.signal ? AbortSignal.any([request.signal, timeoutSignal]) : timeoutSignal;
      const headers: Record<string, string> = { accept: 'application/json', ...settings.headers, ...request.headers };
      if (request.body !== undefined) headers['content-type'] = 'application/json';
      refuseUnsendableHeaders(headers, describe);

      let response: Response;
      let text: string;
      try {
        response = await fetchFunction(request.url, {
          method: request.method,
          headers,
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
          signal,
        });
        // Reading the body stays under the same signal: a server may send headers and then stall.
        text = await response.text();
      } catch (error) {
        // The caller's own abort (shutdown, cancelled job) is not a helpdesk failure: pass it on as is.
        if (request.signal?.aborted) throw request.signal.reason;
        if (timeoutSignal.aborted) {
          throw new ConnectorRequestError(`${describe} timed out after ${timeoutMs} ms.`, {
            isRetryable: true,
            cause: error,
          });
        }
        throw new ConnectorRequestError(`${describe} failed: ${networkReason(error)}.`, {
          isRetryable: true,
          cause: error,
        });
      }

      if (!response.ok) {
        const isRetryable = response.status === 429 || response.status >= 500;
        const retryAfterMs = isRetryable ? firstRateLimitDelay(rateLimitHeaders, response.headers) : undefined;
        throw new ConnectorRequestError(
          `${describe} failed with status ${response.status}${isRetryable ? ' (retryable)' : ''}.`,
          {
            isRetryable,
            statusCode: response.status,
            ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
          },
        );
      }

      let json: unknown = undefined;
      let isJson = true;
      if (text.trim() !== '') {
        try {
          json = JSON.parse(text);
        } catch {
          // Left to the schema: a reply endpoint may answer "OK", an API call that needs data may not.
          isJson = false;
        }
      }
      const parsed = request.responseSchema.safeParse(json);
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        const where = first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'unknown issue';
        const what = isJson ? `an unexpected body (${where})` : 'a body that is not JSON';
        throw new ConnectorRequestError(`${describe} answered ${response.status} with ${what}.`, {
          isRetryable: false,
          statusCode: response.status,
          cause: parsed.error,
        });
      }
      return parsed.data;
    },
  };
}

function networkReason(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string') {
    return `network error (${cause.code})`;
  }
  return error instanceof Error ? `network error (${error.message})` : 'network error';
}
/**
 * fetch rejects a header value holding NUL, CR, LF or a character above U+00FF with a TypeError,
 * which would read as a network failure and be retried forever. It fails the same way every time,
 * so it is a permanent error; only the header's name is told, its value may be a credential.
 */
function refuseUnsendableHeaders(headers: Record<string, string>, describe: string): void {
  for (const [name, value] of Object.entries(headers)) {
    try {
      new Headers([[name, value]]);
    } catch (error) {
      throw new ConnectorRequestError(`${describe} cannot be sent: the value of header "${name}" is not a valid HTTP header value.`, {
        isRetryable: false,
        cause: error,
      });
    }
  }
}
