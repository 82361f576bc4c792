/**
 * Personal data and order ids in a reply that do not belong to the ticket's own customer. The
 * detectors are the scrubber's, so what the scrubber would hide in a log the guard keeps out of
 * a reply.
 */
import { allMatches } from './regex-matches.js';
import { digitsOf } from './scrubber-checks.js';
import { detectPii } from './scrubber-detect.js';
import type { PiiKind } from './scrubber-types.js';

export interface PiiFinding {
  match: string;
  kind: PiiKind | 'order_id';
}

export interface PiiAllowList {
  ticketText: string;
  allowedEmails: readonly string[];
  allowedPhones?: readonly string[];
  allowedOrderIds: readonly string[];
}

/** Our own order ids (A1001) and long numbers written "#113542617735902". */
const OWN_ORDER_SHAPE = /\b[A-Z]\d{4,8}\b/g;
const HASH_NUMBER = /(?<![\w&])#(\d{5,20})\b/g;
const LABELLED_ORDER_ID =
  /\b(?:order|purchase)s?\s*(?:number|no\.?|num|id|ref(?:erence)?)?\s*[:#]?\s*#?([A-Z]{0,3}-?\d[\dA-Z-]{3,24})\b/gi;

const URL_USER_INFO = /[a-z][a-z0-9+.-]*:\/\/[^\s/@]*$/i;

export function findForeignPii(reply: string, allow: PiiAllowList): PiiFinding[] {
  const findings: PiiFinding[] = [];
  const emails = new Set(allow.allowedEmails.map((email) => email.trim().toLowerCase()));
  const phones = allowedPhoneDigits(allow);

  for (const match of detectPii(reply)) {
    if (match.kind === 'email' && emails.has(match.value.toLowerCase())) continue;
    // "https://help.northwind.example@evil.example/": user info of a URL, the link rule's business.
    if (match.kind === 'email' && URL_USER_INFO.test(reply.slice(Math.max(0, match.start - 300), match.start))) continue;
    if (match.kind === 'phone' && phones.some((phone) => samePhone(phone, digitsOf(match.value)))) continue;
    findings.push({ match: match.value, kind: match.kind });
  }

  const ownOrders = new Set(allow.allowedOrderIds.map(normaliseOrderId));
  const seen = new Set<string>();
  for (const orderId of orderIdsIn(reply, allow.allowedOrderIds)) {
    const normalised = normaliseOrderId(orderId);
    if (ownOrders.has(normalised) || seen.has(normalised)) continue;
    seen.add(normalised);
    findings.push({ match: orderId, kind: 'order_id' });
  }
  return findings;
}

function orderIdsIn(reply: string, allowedOrderIds: readonly string[]): string[] {
  const ids: string[] = [];
  for (const match of allMatches(reply, OWN_ORDER_SHAPE)) ids.push(match[0]);
  for (const match of allMatches(reply, HASH_NUMBER)) ids.push(match[1] ?? '');
  for (const match of allMatches(reply, LABELLED_ORDER_ID)) ids.push(match[1] ?? '');
  // Ids shaped like the customer's own numeric ones are order ids too, labelled or not.
  const numericLengths = new Set(
    allowedOrderIds.map(normaliseOrderId).filter((id) => /^\d{6,20}$/.test(id)).map((id) => id.length),
  );
  for (const length of numericLengths) {
    for (const match of allMatches(reply, new RegExp(String.raw`(?<![\w.,-])\d{${length}}(?![\w.,-]?\d)`, 'g'))) ids.push(match[0]);
  }
  return ids.filter((id) => id.length > 0);
}

function normaliseOrderId(id: string): string {
  return id.trim().replace(/^#/, '').toUpperCase();
}

/**
 * The customer's own numbers: the given list, or, when the caller has none, the numbers the
 * customer wrote in the ticket (repeating what the customer gave is not a leak).
 */
function allowedPhoneDigits(allow: PiiAllowList): string[] {
  if (allow.allowedPhones !== undefined) return allow.allowedPhones.map(digitsOf).filter((digits) => digits.length > 0);
  return detectPii(allow.ticketText, new Set(['phone'])).map((match) => digitsOf(match.value));
}

/** +44 20 7946 0958 and 020 7946 0958 are the same line: compare the subscriber part. */
function samePhone(left: string, right: string): boolean {
  const length = Math.min(9, left.length, right.length);
  return length >= 7 && left.slice(-length) === right.slice(-length);
}
