/**
 * Per-client rate limiting of the webhooks and the API. It runs as the first root `onRequest`
 * hook, before any route's authentication, so unauthenticated and wrong-token requests count too;
 * and it decides on the path as the router reads it (percent-decoded, repeated slashes folded), so
 * `/%61pi/...` or `/%77ebhooks/...` cannot walk around it.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError } from './http-errors.js';

const LIMITED = /^\/(?:webhooks|api)(?:\/|$)/i;

/** The request path as a router sees it: without the query, percent-decoded, `//` as `/`. */
export function normalisedPath(url: string): string {
  const path = url.split('?')[0] ?? '';
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A malformed escape is routed nowhere; it is still limited on its raw form below.
  }
  return decoded.replace(/\/{2,}/g, '/');
}

export function isRateLimitedPath(url: string): boolean {
  const raw = url.split('?')[0] ?? '';
  return LIMITED.test(normalisedPath(url)) || LIMITED.test(raw.replace(/\/{2,}/g, '/'));
}

export async function registerRateLimit<Logger extends FastifyBaseLogger>(
  app: FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, Logger>,
  perMinute: number,
): Promise<void> {
  // Helpdesks retry a 429 later, so a burst is delayed, not lost. Health checks and metrics
  // scrapes are never throttled.
  await app.register(rateLimit, {
    global: false,
    max: perMinute,
    timeWindow: 60_000,
    allowList: (request) => !isRateLimitedPath(request.url),
    errorResponseBuilder: (_request, context) =>
      new HttpError(429, 'rate_limited', `more than ${context.max} requests a minute from this client; retry after ${context.after}`),
  });
  app.addHook('onRequest', app.rateLimit());
}
