/**
 * HubSpot's v3 signature covers the full URL HubSpot called. Behind a proxy the service only sees
 * the path, so the public origin comes from settings; HubSpot then decodes a fixed set of
 * percent-encoded characters before signing, and so must we.
 */
import type { HeaderBag } from '../helpdesk-connector.js';
import { headerValue } from '../webhook-signature.js';

/** The table in HubSpot's "Validate the v3 request signature" recipe; nothing else is decoded. */
const DECODED_CHARACTERS: Readonly<Record<string, string>> = {
  '%3A': ':',
  '%2F': '/',
  '%3F': '?',
  '%40': '@',
  '%21': '!',
  '%24': '$',
  '%27': "'",
  '%28': '(',
  '%29': ')',
  '%2A': '*',
  '%2C': ',',
  '%3B': ';',
};

const ENCODED_PATTERN = /%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi;

export function decodeHubSpotUri(uri: string): string {
  return uri.replace(ENCODED_PATTERN, (encoded) => DECODED_CHARACTERS[encoded.toUpperCase()] ?? encoded);
}

/**
 * The URI HubSpot signed. `publicUrl` is the origin HubSpot calls (plus any path prefix a proxy
 * strips), e.g. "https://triage.example.com"; `requestUrl` is the path and query as received.
 * Without `publicUrl` the Host header is used with https, the only scheme HubSpot calls.
 */
export function hubSpotRequestUri(requestUrl: string, headers: HeaderBag, publicUrl?: string): string | undefined {
  if (/^https?:\/\//i.test(requestUrl)) return decodeHubSpotUri(requestUrl);
  const path = requestUrl.startsWith('/') ? requestUrl : `/${requestUrl}`;
  if (publicUrl) return decodeHubSpotUri(publicUrl.replace(/\/+$/, '') + path);
  const host = headerValue(headers, 'host');
  return host === undefined ? undefined : decodeHubSpotUri(`https://${host}${path}`);
}
