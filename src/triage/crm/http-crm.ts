/**
 * A CRM reached over HTTP: `GET /customers?email=` and `GET /orders/{id}`, each answering 200 with
 * the record or 404 when there is none. Every other outcome becomes a CrmError with a plain message;
 * timeouts, 5xx, 429 and network failures are marked retryable.
 */
import type { z } from 'zod';
import type { Customer, Order } from '../types.js';
import { CrmError, type CrmClient, type CrmRequestOptions } from './crm-client.js';
import { customerSchema, orderSchema } from './crm-schemas.js';

export interface HttpCrmSettings {
  baseUrl: string;
  /** Per request, including reading the body. Default 3000. */
  timeoutMs?: number;
  /** Replaceable for tests and proxies; defaults to the global fetch. */
  fetch?: typeof globalThis.fetch;
  headers?: Record<string, string>;
}

export function createHttpCrm(settings: HttpCrmSettings): CrmClient {
  const timeoutMs = settings.timeoutMs ?? 3000;
  const fetchImplementation = settings.fetch ?? globalThis.fetch;
  const baseUrl = parseBaseUrl(settings.baseUrl);

  async function getJson<T>(url: URL, schema: z.ZodType<T>, what: string, options?: CrmRequestOptions): Promise<T | null> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options?.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    const describe = `CRM request for ${what}`;

    let body: string;
    let status: number;
    try {
      const response = await fetchImplementation(url, {
        method: 'GET',
        headers: { accept: 'application/json', ...settings.headers },
        signal,
      });
      status = response.status;
      if (status === 404) {
        await response.body?.cancel();
        return null;
      }
      body = await response.text();
    } catch (error) {
      if (options?.signal?.aborted) throw new CrmError(`${describe} was cancelled`, { cause: options.signal.reason });
      if (timeout.aborted) throw new CrmError(`${describe} timed out after ${timeoutMs} ms`, { isRetryable: true, cause: error });
      throw new CrmError(`${describe} failed: the CRM could not be reached (${networkReason(error)})`, { isRetryable: true, cause: error });
    }

    if (status < 200 || status > 299) {
      const isRetryable = status >= 500 || status === 429;
      throw new CrmError(`${describe} failed: the CRM answered HTTP ${status}`, { isRetryable });
    }
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (error) {
      throw new CrmError(`${describe} failed: the CRM answered with invalid JSON`, { cause: error });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const problems = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(root)'} ${issue.message}`);
      throw new CrmError(`${describe} failed: unexpected response shape (${problems.join('; ')})`, { cause: parsed.error });
    }
    return parsed.data;
  }

  return {
    async findCustomerByEmail(email, options): Promise<Customer | null> {
      const normalised = email.trim();
      if (!normalised) return null;
      const url = new URL('customers', baseUrl);
      url.searchParams.set('email', normalised);
      // The email stays out of error messages: they end up in logs and audit events.
      return getJson(url, customerSchema, 'a customer', options);
    },
    async getOrder(orderId, options): Promise<Order | null> {
      const normalised = orderId.trim();
      if (!normalised) return null;
      const url = new URL(`orders/${encodeURIComponent(normalised)}`, baseUrl);
      return getJson(url, orderSchema, `order ${normalised}`, options);
    },
  };
}

function parseBaseUrl(baseUrl: string): URL {
  try {
    // A trailing slash makes relative paths extend the base path instead of replacing its last segment.
    return new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  } catch (error) {
    throw new CrmError(`The CRM base URL "${baseUrl}" is not a valid URL (expected e.g. https://crm.example/api)`, { cause: error });
  }
}

function networkReason(error: unknown): string {
  // undici reports "fetch failed" and puts the useful part (ECONNREFUSED, ...) in the cause.
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  return cause?.code ?? cause?.message ?? (error as Error | undefined)?.message ?? 'unknown error';
}
