/**
 * Which intents need the customer's own account or orders to answer. A sender without a CRM profile
 * may get an automatic answer to a general question (how delivery works, which payment methods we
 * take, how to reset a password) when AUTO_SEND_UNKNOWN_SENDERS is on; anything about an order or an
 * account is drafted, because we cannot tell who they are.
 *
 * An intent in neither list (a new one from a retrained classifier) counts as account-bound until
 * someone decides otherwise: refusing an automatic answer is the safe mistake.
 */
import { splitSentences } from './grounding/sentence-support.js';
import { extractOrderIds } from './local-model/order-ids.js';

export const ACCOUNT_BOUND_INTENTS: ReadonlySet<string> = new Set([
  'account_security',
  'cancel_order',
  'change_order',
  'change_shipping_address',
  'check_invoice',
  'complaint',
  'contact_human_agent',
  'data_protection',
  'delete_account',
  'edit_account',
  'get_invoice',
  'get_refund',
  'other',
  'payment_issue',
  'set_up_shipping_address',
  'switch_account',
  'track_order',
  'track_refund',
]);

/** General questions: the same answer for anyone who asks, no account data in it. */
export const GENERAL_QUESTION_INTENTS: ReadonlySet<string> = new Set([
  'check_cancellation_fee',
  'check_payment_methods',
  'check_refund_policy',
  'contact_customer_service',
  'create_account',
  'delivery_options',
  'delivery_period',
  'newsletter_subscription',
  'place_order',
  'recover_password',
  'registration_problems',
  'review',
  'student_discount',
  'warranty',
]);

/**
 * Account-bound intents that are also asked in general ("can orders be changed after I place one?",
 * "can your invoices show our VAT number?", "do you support two-step login?"): the KB's how-to answer
 * holds no account data, so it needs none as long as the mail is not about the sender's own account
 * or order. Refunds asked for, complaints, a person asked for and unrecognised mail are always about
 * the sender's own; tracking, refund timing, checkout payments and privacy settings have their own
 * tests below.
 */
export const ASKED_IN_GENERAL_INTENTS: ReadonlySet<string> = new Set([
  'account_security',
  'cancel_order',
  'change_order',
  'change_shipping_address',
  'check_invoice',
  'edit_account',
  'get_invoice',
  'set_up_shipping_address',
  'switch_account',
]);

/**
 * Asked in general, but the sender's own is read more narrowly than "my anything": "how long until a
 * refund shows on my card?", "my card is declined at checkout", "my shipping email came but tracking
 * is empty" are answered by the same article for anyone, while "where is my parcel", "I was charged
 * twice", "my renewal failed" or "delete my data" need the sender's records.
 */
const OWN_TEST_BY_INTENT: ReadonlyMap<string, (text: string) => boolean> = new Map([
  ['track_order', (text: string) => ownCase(text)],
  ['track_refund', (text: string) => ownCase(text)],
  ['payment_issue', (text: string) => ownCase(text, OWN_BILLING)],
  ['data_protection', (text: string) => refersToOwnAccount(text) || OWN_DATA.test(aboutWhatIsDone(text))],
]);

/**
 * Signs of one particular case rather than how things work: an order someone placed ("my sister
 * ordered", "on behalf of Margaret", "she sent me a parcel"), an item sent back, a reference written
 * out ("order number is 4490-77", "#99812", a tracking number), a delivery that was due or has not
 * come, time gone by ("since Monday", "10 days ago"), their money, a checkout that blocked them.
 * A general question tells none of this; a mail that does needs someone to look the case up.
 */
const CASE_SIGNS: readonly RegExp[] = [
  /\b(?:ordered|purchased|placed\s+(?:an?\s+|the\s+|\w+\s+)?orders?|(?:was|were|been)\s+(?:all\s+)?placed|bought\s+(?:it|them|this|that|a|an|the|some|two|three|\d)|(?:he|she|they|i|we|someone|somebody)\s+(?:\w+\s+)?bought)\b/iu,
  /\b(?:his|her|their|\w+'s)\s+(?:\w+\s+)?(?:orders?|parcels?|packages?|deliver(?:y|ies)|refunds?|returns?)\b|\bon\s+behalf\s+of\b|\bsent\s+(?:me|us|him|her)\s+(?:a|an|the|some)\b/iu,
  /\b(?:returned|sent\s+(?:\S+\s+){0,3}back|dropped\s+(?:it|them|the\s+\w+)\s+off|dropped\s+off)\b/iu,
  /\b(?:order|purchase|parcel|package|shipment|tracking)\b[^.?!\n]{0,30}?(?:#\s?)?\b[A-Z]{0,3}-?\d[\dA-Z-]{3,}\b(?!\s*(?:€|\$|£|eur|euros?|usd|gbp|dollars?|pounds?))|#\s?\d{4,}\b|\b(?=[A-Z0-9]*\d{8})[A-Z0-9]{10,}\b/iu,
  /\b(?:supposed|meant|due|expected|promised)\s+to\s+(?:arrive|come|be\s+(?:here|delivered))\b|\b(?:has\s*n[o']t|has\s+not|have\s*n[o']t|have\s+not|did\s*n[o']t|did\s+not|never|still\s+not|not\s+yet)\s+(?:arrived|come|turned\s+up|shown\s+up|been\s+delivered)\b|\bstill\s+(?:waiting|nothing|no\s+sign)\b/iu,
  /\b(?:since\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|last|the\s+\d|\d|[a-z]+\s+(?:days?|weeks?))|\d+\s+(?:days?|weeks?)\s+ago|(?:a|one|two|three|four|five|six|several|few)\s+(?:days?|weeks?)\s+ago|(?:in|for)\s+the\s+last\s+\w+\s+(?:minutes?|hours?|days?)|last\s+(?:week|month))\b/iu,
  /\b(?:my|our)\s+money\b/iu,
  /\b(?:blocked|locked\s+out|site\s+(?:is\s+)?down|still\s+fail\w*)\b/iu,
];

/** An order of theirs, or one particular case told (plus `more` signs of the intent's own), read once. */
function ownCase(text: string, more?: RegExp): boolean {
  const done = aboutWhatIsDone(text);
  return OWN_ORDER.test(done) || extractOrderIds(text).length > 0 || CASE_SIGNS.some((sign) => sign.test(done)) || (more?.test(done) ?? false);
}

// A charge taken, a plan or its renewal: what only the sender's billing records answer. A card declined
// at checkout is not among them: a failed payment makes no order and leaves nothing to look up.
const OWN_BILLING =
  /\b(?:my|our)\b(?:\s+\S+){0,2}?\s+(?:subscriptions?|plans?|renewals?|memberships?|accounts?|acct|invoices?|bills?)\b|\b(?:charged|billed|debited|overcharged)\b|\b(?:two|three|\d)\s+(?:pending\s+)?(?:charges|payments|amounts)\b|\bdouble[-\s]?charge|\bpending\s+(?:payments|charges)\b/iu;

// Data about the sender: "delete my data", "what do you hold about me", "I never agreed to your mails".
const OWN_DATA =
  /\b(?:my|our)\s+(?:personal\s+)?(?:data|information|info|details|e-?mail(?:\s+address)?|number|name)\b|\babout\s+(?:me|us)\b|\b(?:i|we)\s+(?:never|didn't|did\s+not)\s+(?:subscribe|sign(?:ed)?\s+up|agree|consent)/iu;

const OWN_THING =
  /\b(?:my|mine|our)\b(?:\s+\S+){0,2}?\s+(?:orders?|account|accounts|acct|accnt|parcels?|packages?|deliver(?:y|ies)|shipments?|invoices?|receipts?|bills?|cards?|payments?|refunds?|address(?:es)?|profile|password|login|subscription|plan|items?|purchases?|charges?|returns?|basket|cart|details|email)\b/iu;
const OWN_ACTION =
  /\b(?:i|we)(?:'ve| have| had)?\s+(?:(?:just|already|recently|accidentally|literally|actually|only|mistakenly|also|finally)\s+){0,2}(?:ordered|bought|purchased|paid|placed|received|returned|signed up|registered|(?:was|were|been|got) (?:charged|billed))\b/iu;

const OWN_ORDER =
  /\b(?:my|our)\b(?:\s+\S+){0,2}?\s+(?:orders?|parcels?|packages?|deliver(?:y|ies)|shipments?|purchases?|items?|refunds?|returns?)\b|\b(?:i|we)(?:'ve| have| had)?\s+(?:(?:just|already|recently|literally|finally)\s+){0,2}(?:ordered|bought|purchased|placed an order|sent (?:it|them) back|returned)\b/iu;

/**
 * An order not placed yet: "before I place my first order", "if my order is about 60 euros", "when I
 * order next week". Asked about it, the sender asks what anyone may ask; there is nothing of theirs
 * to look up.
 */
const ORDER_TO_COME =
  /\b(?:before|if|when|once)\s+(?:i|we)\s+(?:\w+\s+)?(?:order|place|make|buy|check\s*out|purchase)\b|\b(?:before|if|when|once)\s+(?:my|our)\s+(?:\w+\s+)?order\b|\b(?:my|our)\s+(?:first|next|future|upcoming|new)\s+order\b|\b(?:would|will|going\s+to|planning\s+to|plan\s+to|want\s+to|'d\s+like\s+to|thinking\s+of|about\s+to)\s+(?:order|buy|place|purchase)\b/iu;

/** The sentences of the mail that are not about an order still to come. */
function aboutWhatIsDone(text: string): string {
  return splitSentences(text)
    .filter((sentence) => !ORDER_TO_COME.test(sentence))
    .join('\n');
}

/** The mail is about the sender's own account or orders: "my order", "I ordered", an order id. */
export function refersToOwnAccount(text: string): boolean {
  const done = aboutWhatIsDone(text);
  return OWN_THING.test(done) || OWN_ACTION.test(done) || extractOrderIds(text).length > 0;
}

/**
 * The mail is about an order of the sender's: "when will my parcel arrive?" reads as the general
 * delivery_period, but answering it needs their order, which a sender without a profile cannot show.
 * An order still to come ("before I place my first order, do you take PayPal?") is none of theirs yet.
 */
export function refersToOwnOrder(text: string): boolean {
  return OWN_ORDER.test(aboutWhatIsDone(text)) || extractOrderIds(text).length > 0;
}

/**
 * Finding or recovering the account itself: "which email did I sign up with?", "can you look it up
 * by my phone number?", "the reset mail goes to an address I no longer have". The general how-to
 * answer does not help, and only someone who can check who is asking may look an account up.
 */
const ACCOUNT_LOOKUP =
  /\blook\s+(?:it|me|them)\s+up\b|\blook\s+up\s+(?:my|the|our)\s+(?:account|e-?mail|details)|\bfind\s+(?:my|our)\s+account\b|\bwhich\s+(?:e-?mail(?:\s+address)?|address|account|username|user\s?name)\s+(?:i|we)\s+(?:used|signed\s+up|registered|have|gave)\b|\b(?:no\s+longer|don't|do\s+not|can't|cannot|can\s+no\s+longer)\s+(?:have\s+)?(?:access|get\s+into|log\s+into|open)\s+(?:to\s+)?(?:my|the|that)\s+(?:old\s+)?(?:e-?mail|inbox|mailbox|phone|number|address)|\b(?:address|e-?mail|inbox|mailbox|number|phone),?\s+(?:that\s+|which\s+)?(?:i|we)\s+(?:no\s+longer|don't|do\s+not|can't|cannot)\s+(?:have\s+)?(?:access|use|have)\b|\blost\s+access\s+to\s+(?:my|the|that)\s+(?:old\s+)?(?:e-?mail|inbox|mailbox|phone)/i;

/**
 * "My account is under this address": said by a sender the CRM has no profile for, it claims an
 * account the records do not show, so the general how-to (use "Forgot password") has already failed
 * them or will; someone has to find out which account they mean.
 */
const ACCOUNT_UNDER_THIS_ADDRESS =
  /\b(?:my|our|the)\s+account\s+(?:is|was)\s+(?:under|with|on|registered\s+(?:to|under|with)|linked\s+to|tied\s+to|set\s+up\s+(?:with|under))\s+(?:this|that|the\s+same|my)\s+(?:e-?mail(?:\s+address)?|address)\b|\baccount\s+is\s+(?:under\s+|on\s+)?this\s+(?:e-?mail(?:\s+address)?|address)\b|\b(?:i|we)\s+(?:signed\s+up|registered|opened\s+(?:my|the|an)\s+account)\s+(?:with|under|using)\s+this\s+(?:e-?mail(?:\s+address)?|address)\b/i;

export function asksToFindTheAccount(text: string): boolean {
  return ACCOUNT_LOOKUP.test(text) || ACCOUNT_UNDER_THIS_ADDRESS.test(text);
}

/**
 * Whether answering needs the customer's account data. With the mail's text, an intent that is
 * also asked in general needs none when the mail is not about the sender's own account or order,
 * and a general question needs it when it is about an order of theirs.
 */
export function needsAccountData(intent: string, text?: string): boolean {
  if (GENERAL_QUESTION_INTENTS.has(intent)) return text !== undefined && (refersToOwnOrder(text) || asksToFindTheAccount(text));
  if (text === undefined) return true;
  const ownTest = OWN_TEST_BY_INTENT.get(intent);
  if (ownTest) return ownTest(text);
  if (!ASKED_IN_GENERAL_INTENTS.has(intent)) return true;
  return refersToOwnAccount(text);
}
