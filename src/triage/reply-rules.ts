/**
 * The send guard's content rules: code, not the prompt, checks every reply before it may go out on
 * its own. A violation never blocks a human: it turns an auto-send into a draft for review.
 *
 * - promise: no refunds, credits, discounts, compensation, free months, price matches, SLA
 *   exceptions or guaranteed dates (explaining the policy is fine).
 * - pii: no email, phone, card, IBAN, secret or order id other than the customer's own.
 * - link: no link whose host is outside the allow-list (subdomains of allowed hosts are fine).
 * - internal: no instructions, tool talk, confidence values, internal notes or placeholders.
 * - credentials: no request that the customer send us a password, code, card number or bank login.
 * - empty / length: a blank reply, or one over 4000 characters.
 */
import { findCredentialRequests } from './reply-rules-credential-requests.js';
import { findInternalLeaks } from './reply-rules-internal.js';
import { findLinks, isAllowedHost } from './reply-rules-links.js';
import { findForeignPii } from './reply-rules-pii.js';
import { findPromises } from './reply-rules-promises.js';

export interface ReplyRuleContext {
  reply: string;
  /** The customer's subject and body; numbers the customer wrote may be repeated back. */
  ticketText: string;
  allowedEmails: string[];
  /** The customer's phone numbers; when absent, the numbers in `ticketText` are the allowed ones. */
  allowedPhones?: string[];
  allowedOrderIds: string[];
  /** e.g. help.northwind.example, northwind.example; subdomains of these are allowed too. */
  allowedLinkHosts: string[];
}

export type ReplyRule = 'promise' | 'pii' | 'link' | 'internal' | 'credentials' | 'empty' | 'length';

export interface RuleViolation {
  rule: ReplyRule;
  message: string;
  match?: string;
}

export const MAX_REPLY_CHARACTERS = 4000;

const PII_LABELS: Record<string, string> = {
  email: 'an email address',
  phone: 'a phone number',
  card: 'a card number',
  iban: 'an IBAN',
  order_id: 'an order id',
  password: 'a password',
  private_key: 'a private key',
};

export function checkReplyRules(context: ReplyRuleContext): RuleViolation[] {
  const { reply } = context;
  // Letters or digits in any script; a reply of only spaces or punctuation says nothing.
  if (!/[\p{L}\p{N}]/u.test(reply)) {
    return [{ rule: 'empty', message: 'the reply is empty' }];
  }

  const violations: RuleViolation[] = [];
  const seen = new Set<string>();
  const add = (violation: RuleViolation) => {
    const key = `${violation.rule}\u0000${violation.match ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    violations.push(violation);
  };

  const length = countCharacters(reply);
  if (length > MAX_REPLY_CHARACTERS) {
    add({ rule: 'length', message: `the reply has ${length} characters, more than ${MAX_REPLY_CHARACTERS}` });
  }

  for (const finding of findPromises(reply)) {
    add({ rule: 'promise', message: `the reply ${finding.what}: "${finding.match}"`, match: finding.match });
  }

  for (const finding of findForeignPii(reply, context)) {
    const label = PII_LABELS[finding.kind] ?? 'a secret';
    add({
      rule: 'pii',
      message: `the reply contains ${label} that is not the customer's own`,
      match: finding.match,
    });
  }

  for (const link of findLinks(reply)) {
    if (isAllowedHost(link.host, context.allowedLinkHosts)) continue;
    add({
      rule: 'link',
      message: `the reply links to ${link.host}, which is not one of ${context.allowedLinkHosts.join(', ') || 'the allowed hosts'}`,
      match: link.match,
    });
  }

  for (const finding of findCredentialRequests(reply)) {
    add({ rule: 'credentials', message: `the reply asks the customer to hand over a secret: "${finding.match}"`, match: finding.match });
  }

  for (const finding of findInternalLeaks(reply)) {
    add({ rule: 'internal', message: `the reply ${finding.what}: "${finding.match}"`, match: finding.match });
  }
  return violations;
}

/** Characters as a reader counts them: an emoji is one, not two UTF-16 units. */
function countCharacters(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}
