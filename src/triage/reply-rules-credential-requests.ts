/**
 * A reply must never ask the customer to hand over a secret: a password, a one-time or backup code,
 * a card number or security code, bank login details. The KB says so to customers ("We never ask
 * for your password, a verification code or your full card number"), and a reply that does is
 * phishing in our own name, whatever source its other words come from. Entering a code on our own
 * sign-in page is not a handover; sending, replying with, sharing or telling it is. A negation
 * before the verb ("never send your password") and our own sending ("we'll send you a code") are not
 * requests.
 */
import { allMatches } from './regex-matches.js';

const HANDOVER = String.raw`(?:send|sending|(?:e-?mail|text)\s+(?:us|it|them|back)|forward|share|give|tell|provide|reply\s+(?:here\s+)?with|respond\s+with|write\s+(?:back|down\s+here)?\s*(?:with)?|paste|read\s+out|upload|attach|confirm|let\s+us\s+(?:know|have))`;
const SECRET = String.raw`(?:pass(?:word|code|phrase)s?|pins?\b|(?:one[- ]time|verification|security|sms|2fa|mfa|login|sign-in|reset|authenticator|auth)\s+codes?|backup\s+codes?|recovery\s+codes?|\d-digit\s+codes?|codes?\s+(?:from|in|on)\s+(?:your|the)\s+(?:app|phone|authenticator)|card\s+numbers?|full\s+card|cvv|cvc|cv2|expiry\s+date|(?:bank|banking)\s+(?:login|details|password|credentials)|login\s+details|credentials)`;
/** Verb, then at most 60 characters of the same sentence, then the secret. */
const REQUEST = new RegExp(String.raw`\b${HANDOVER}\b[^.!?\n]{0,60}?\b${SECRET}`, 'gi');
const NEGATION_BEFORE = /\b(?:never|not|don['’]t|do\s+not|won['’]t|shouldn['’]t|no\s+need\s+to|nobody|no\s+one)\b[^.!?\n]{0,40}$/i;
const OUR_SENDING_BEFORE = /\b(?:we|i)(?:['’]ll|['’]ve|\s+will|\s+can|\s+have|\s+had|\s+just|\s+also|\s+already)?\s*$/i;

export interface CredentialRequest {
  match: string;
}

export function findCredentialRequests(reply: string): CredentialRequest[] {
  const findings: CredentialRequest[] = [];
  for (const match of allMatches(reply, REQUEST)) {
    const before = reply.slice(Math.max(0, match.index - 60), match.index);
    const sentenceBefore = before.slice(Math.max(before.lastIndexOf('.'), before.lastIndexOf('\n')) + 1);
    if (NEGATION_BEFORE.test(sentenceBefore) || OUR_SENDING_BEFORE.test(sentenceBefore)) continue;
    findings.push({ match: match[0] });
  }
  return findings;
}
