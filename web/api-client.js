/**
 * The reviewer API over fetch: bearer token on every request, JSON in and out, and every failure
 * turned into an ApiError carrying the API's own `{error: {code, message}}`.
 */

export class ApiError extends Error {
  /**
   * @param {number} status HTTP status, or 0 when the service could not be reached.
   * @param {string} code
   * @param {string} message
   */
  constructor(status, code, message) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

/**
 * @param {{
 *   getToken: () => string | null,
 *   onUnauthorized?: (error: ApiError) => void,
 *   fetch?: typeof fetch,
 *   baseUrl?: string,
 * }} options
 */
export function createApiClient(options) {
  const fetchImplementation = options.fetch ?? globalThis.fetch.bind(globalThis);
  const baseUrl = options.baseUrl ?? '';

  /**
   * @param {'GET' | 'POST'} method
   * @param {string} path
   * @param {{query?: Record<string, string | number | undefined>, body?: unknown, signal?: AbortSignal}} [request]
   */
  async function send(method, path, request = {}) {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined && value !== '') search.set(name, String(value));
    }
    const url = `${baseUrl}${path}${search.size > 0 ? `?${search}` : ''}`;
    const headers = { accept: 'application/json', authorization: `Bearer ${options.getToken() ?? ''}` };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    let response;
    try {
      response = await fetchImplementation(url, {
        method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: request.signal,
        // The token travels in a header only; no cookies are involved.
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch (error) {
      if (error instanceof Error && error.name === 'AbortError') throw error;
      throw new ApiError(0, 'unreachable', 'The service could not be reached. Check the connection and try again.');
    }
    const payload = await response.json().catch(() => null);
    if (response.ok) return payload;
    const body = payload && typeof payload === 'object' ? payload.error : undefined;
    const error = new ApiError(
      response.status,
      typeof body?.code === 'string' ? body.code : `http_${response.status}`,
      typeof body?.message === 'string' ? body.message : `The service answered ${response.status} ${response.statusText}`.trim(),
    );
    if (response.status === 401) options.onUnauthorized?.(error);
    throw error;
  }

  return {
    /** @param {string} path @param {Record<string, string | number | undefined>} [query] @param {AbortSignal} [signal] */
    get: (path, query, signal) => send('GET', path, { query, signal }),
    /** @param {string} path @param {unknown} body @param {AbortSignal} [signal] */
    post: (path, body, signal) => send('POST', path, { body, signal }),
  };
}

/** `/api/tickets/generic%3AG-1`: ticket ids carry `:` and whatever a helpdesk uses. */
export function ticketPath(ticketId, action) {
  return `/api/tickets/${encodeURIComponent(ticketId)}${action ? `/${action}` : ''}`;
}
