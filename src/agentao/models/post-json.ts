/**
 * One HTTP attempt of a chat-model provider, on `fetch`: POST a JSON text, read the whole answer
 * as text. The providers build their own requests and check their own responses; what they share
 * is here: every failure becomes a ModelCallError that says whether a retry may help, and an abort
 * is rethrown untouched so the retry loop can tell the caller's abort from the attempt's timeout.
 */
import { ModelCallError } from '../errors.js';
import { connectionError, httpStatusError, parseRetryAfter } from './retry.js';

export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface JsonPost {
  url: string;
  headers: Readonly<Record<string, string>>;
  /** Already JSON text: built once per chat, sent again unchanged by every retry. */
  body: string;
  signal: AbortSignal;
  fetch: Fetch;
  /** Names the call in messages, e.g. `openai model "gpt-4o-mini" at http://...`. */
  label: string;
  /** The server's own words from an error body, or undefined to show the body as it is. */
  errorMessageOf(body: unknown): string | undefined;
}

export interface JsonAnswer {
  statusCode: number;
  text: string;
}

/**
 * The cause of a ModelCallError made from a non-2xx answer: keeps the headers, where the server
 * says how long to wait (Retry-After).
 */
export class HttpStatusResponse extends Error {
  readonly statusCode: number;
  readonly headers: Headers;

  constructor(statusCode: number, headers: Headers) {
    super(`HTTP ${statusCode}`);
    this.name = new.target.name;
    this.statusCode = statusCode;
    this.headers = headers;
  }
}

export async function postJson(post: JsonPost): Promise<JsonAnswer> {
  let response: Response;
  try {
    response = await post.fetch(post.url, { method: 'POST', headers: post.headers, body: post.body, signal: post.signal });
  } catch (error) {
    if (post.signal.aborted) throw error;
    throw connectionError(post.label, 'could not be reached', error);
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (post.signal.aborted) throw error;
    throw connectionError(post.label, 'lost the connection while sending the response', error);
  }
  if (!response.ok) {
    const cause = new HttpStatusResponse(response.status, response.headers);
    throw httpStatusError(post.label, response.status, serverMessage(text, post.errorMessageOf), cause);
  }
  return { statusCode: response.status, text };
}

/**
 * fetch rejects a header value holding CR, LF or NUL inside it, or a character above U+00FF (a
 * key pasted with a line break in the middle, a typographic dash), with a TypeError that would
 * read as a network failure and be retried on every call. A provider checks its headers once (`unsendableHeaderName`) and then fails each call
 * with this error, which names the header, never its value: it may be the key.
 */
export function unsendableHeaderName(headers: Readonly<Record<string, string>>): string | undefined {
  for (const [name, value] of Object.entries(headers)) {
    try {
      new Headers([[name, value]]);
    } catch {
      return name;
    }
  }
  return undefined;
}

export function unsendableHeaderError(label: string, name: string): ModelCallError {
  return new ModelCallError(`${label} cannot be called: the value of header "${name}" is not a valid HTTP header value`);
}

/** The delay the server asked for with the answer that made `error`, for withRetry. */
export function retryAfterOf(error: ModelCallError): number | undefined {
  return error.cause instanceof HttpStatusResponse ? parseRetryAfter(error.cause.headers) : undefined;
}

function serverMessage(text: string, errorMessageOf: (body: unknown) => string | undefined): string {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: a proxy's HTML or plain-text page, shown as it is.
    return text;
  }
  return errorMessageOf(body) ?? text;
}
