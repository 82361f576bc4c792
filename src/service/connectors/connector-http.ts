/**
 * The HTTP calls connectors make to helpdesk APIs: one place for the timeout, the caller's abort
 * signal, response validation and the translation of failures into ConnectorRequestError.
 */
import { request as undiciRequest } from 'undici';
import type { z } from 'zod';
import { ConnectorRequestError } from './errors.js';
import type { HelpdeskProvider } from './helpdesk-connector.js';
import { firstRateLimitDelay, type RateLimitHeaderReader, retryAfter } from './rate-limit-headers.js';

export type FetchFunction = typeof globalThis.fetch;

export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

export interface ConnectorHttpSettings {
  provider: HelpdeskProvider;
  /** Replaces the default transport (undici's `request`): tests, proxies. */
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
  const send = settings.fetch ? fetchTransport(settings.fetch) : requestTransport;
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

      let response: TransportResponse;
      try {
        response = await send(request.url, {
          method: request.method,
          headers,
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
          signal,
        });
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

      if (response.status < 200 || response.status > 299) {
        const isRetryable = response.status === 429 || response.status >= 500;
        const retryAfterMs = isRetryable ? firstRateLimitDelay(rateLimitHeaders, response.headers()) : undefined;
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
      if (response.text.trim() !== '') {
        try {
          json = JSON.parse(response.text);
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

interface TransportResponse {
  status: number;
  /** Read only for a failed answer (its rate-limit headers). */
  headers(): Headers;
  text: string;
}

type Transport = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string | undefined; signal: AbortSignal },
) => Promise<TransportResponse>;

/**
 * undici's `request` skips the Fetch standard's Request and Response objects and web streams:
 * about a fifth of fetch's CPU per call (0.08-0.2 ms against 0.5-0.85 ms for a local POST,
 * docs/benchmarks.md), and the thread that stores results posts a reply for every ticket. Like
 * fetch it keeps connections alive; unlike fetch it follows no redirect, so a 3xx is a failure
 * (a POST must not become a GET on the way). The body is read under the same signal: a server may
 * send headers and then stall.
 */
const requestTransport: Transport = async (url, init) => {
  const response = await undiciRequest(url, { method: init.method as 'GET' | 'POST' | 'PUT', headers: init.headers, body: init.body, signal: init.signal });
  const text = await response.body.text();
  return { status: response.statusCode, headers: () => toHeaders(response.headers), text };
};

function fetchTransport(fetchFunction: FetchFunction): Transport {
  return async (url, init) => {
    const response = await fetchFunction(url, init);
    const text = await response.text();
    return { status: response.status, headers: () => response.headers, text };
  };
}

function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    for (const each of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, each);
  }
  return headers;
}

/** undici's request puts the system error's code on the error, fetch on its cause. */
function networkReason(error: unknown): string {
  for (const candidate of [error, error instanceof Error ? error.cause : undefined]) {
    if (candidate && typeof candidate === 'object' && 'code' in candidate && typeof candidate.code === 'string') {
      return `network error (${candidate.code})`;
    }
  }
  return error instanceof Error ? `network error (${error.message})` : 'network error';
}
/**
 * fetch rejects a header name that is not an HTTP token, and a value holding NUL, CR, LF or a
 * character above U+00FF, with a TypeError that would read as a network failure and be retried
 * forever (undici's request refuses most of them too). It fails the same way every time, so it is
 * a permanent error; only the header's name is told, its value may be a credential. Checked with
 * two patterns rather than a Headers object per header: this runs for every post.
 */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const UNSENDABLE_IN_VALUE = /[\0\r\n\u0100-\uffff]/;

function refuseUnsendableHeaders(headers: Record<string, string>, describe: string): void {
  for (const [name, value] of Object.entries(headers)) {
    if (HEADER_NAME.test(name) && !UNSENDABLE_IN_VALUE.test(value)) continue;
    throw new ConnectorRequestError(`${describe} cannot be sent: the value of header "${name}" is not a valid HTTP header value.`, {
      isRetryable: false,
    });
  }
}
