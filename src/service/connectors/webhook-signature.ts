/**
 * Building blocks every connector's `verifyWebhook` shares: header lookup, HMAC, a constant-time
 * comparison and the replay window.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { HeaderBag, WebhookVerification } from './helpdesk-connector.js';

/** How far a signed timestamp may be from our clock, either way (the providers document 5 minutes). */
export const DEFAULT_TIMESTAMP_TOLERANCE_MS = 5 * 60 * 1000;

/** The first value of a header, looked up case-insensitively (callers may not lower-case the names). */
export function headerValue(headers: HeaderBag, name: string): string | undefined {
  const wanted = name.toLowerCase();
  let value = headers[wanted];
  if (value === undefined) {
    const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === wanted);
    value = key === undefined ? undefined : headers[key];
  }
  const first = Array.isArray(value) ? value[0] : value;
  const trimmed = first?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

export function hmac(algorithm: 'sha1' | 'sha256', secret: string, parts: ReadonlyArray<string | Buffer>): Buffer {
  const digest = createHmac(algorithm, secret);
  for (const part of parts) digest.update(part);
  return digest.digest();
}

/**
 * Compares an expected signature with the one received without leaking, through timing, how much
 * of it matched. timingSafeEqual throws on different lengths, so lengths are checked first; the
 * length itself is public (every signature of a scheme has the same one).
 */
export function signaturesMatch(expected: string, received: string): boolean {
  const expectedBytes = Buffer.from(expected, 'utf8');
  const receivedBytes = Buffer.from(received, 'utf8');
  if (expectedBytes.length !== receivedBytes.length) return false;
  return timingSafeEqual(expectedBytes, receivedBytes);
}

export const verified: WebhookVerification = Object.freeze({ ok: true });

export function verificationFailure(
  code: Exclude<WebhookVerification, { ok: true }>['code'],
  message: string,
): WebhookVerification {
  return { ok: false, code, message };
}

/**
 * Checks that a signed timestamp lies within the tolerance of `now`, in both directions: an old one
 * is a replay, one from the future is a forged clock or a badly skewed sender.
 */
export function checkTimestampWindow(
  timestampMs: number,
  now: Date,
  headerName: string,
  toleranceMs = DEFAULT_TIMESTAMP_TOLERANCE_MS,
): WebhookVerification {
  if (!Number.isFinite(timestampMs)) {
    return verificationFailure('stale_timestamp', `${headerName} is not a readable timestamp.`);
  }
  const skewMs = now.getTime() - timestampMs;
  if (skewMs > toleranceMs) {
    return verificationFailure(
      'stale_timestamp',
      `${headerName} is ${Math.round(skewMs / 1000)}s old; at most ${toleranceMs / 1000}s is accepted.`,
    );
  }
  if (-skewMs > toleranceMs) {
    return verificationFailure(
      'stale_timestamp',
      `${headerName} is ${Math.round(-skewMs / 1000)}s in the future; at most ${toleranceMs / 1000}s is accepted.`,
    );
  }
  return verified;
}
