/**
 * How long a helpdesk asks us to wait after a 429, read from its own headers. Each vendor documents
 * its own: Retry-After is common, Intercom adds X-RateLimit-Reset (epoch seconds), Zendesk's newer
 * endpoints add ratelimit-reset (seconds until the window resets), HubSpot names the length of its
 * rolling window. The first header a vendor sends wins, in the order listed for it.
 */
export type RateLimitHeaderReader = (headers: Headers, now: number) => number | undefined;

/** Retry-After is either delta-seconds or an HTTP date. */
export const retryAfter: RateLimitHeaderReader = (headers, now) => {
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
};

/** Intercom: X-RateLimit-Reset is the epoch second when the window's quota is back. */
export const intercomRateLimitReset: RateLimitHeaderReader = (headers, now) => {
  const value = headers.get('x-ratelimit-reset')?.trim();
  if (!value || !/^\d+$/.test(value)) return undefined;
  return Math.max(0, Number(value) * 1000 - now);
};

/** Zendesk: `ratelimit-reset` holds the seconds until the current window resets. */
export const zendeskRateLimitReset: RateLimitHeaderReader = (headers) => {
  const value = headers.get('ratelimit-reset')?.trim();
  if (!value || !/^\d+$/.test(value)) return undefined;
  return Number(value) * 1000;
};

/**
 * HubSpot: when X-HubSpot-RateLimit-Remaining is 0 the quota returns within the rolling window,
 * whose length X-HubSpot-RateLimit-Interval-Milliseconds gives.
 */
export const hubSpotRateLimitWindow: RateLimitHeaderReader = (headers) => {
  const remaining = headers.get('x-hubspot-ratelimit-remaining')?.trim();
  const interval = headers.get('x-hubspot-ratelimit-interval-milliseconds')?.trim();
  if (remaining !== '0' || !interval || !/^\d+$/.test(interval)) return undefined;
  return Number(interval);
};

export function firstRateLimitDelay(
  readers: readonly RateLimitHeaderReader[],
  headers: Headers,
  now = Date.now(),
): number | undefined {
  for (const read of readers) {
    const delayMs = read(headers, now);
    if (delayMs !== undefined) return delayMs;
  }
  return undefined;
}
