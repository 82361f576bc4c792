/**
 * Email addresses and phone numbers. Phones are the hard part: tickets are full of digit runs that
 * are not phones (order numbers, tracking numbers, dates, prices, postcodes), so a number is a
 * phone only when it has a phone's shape (+country code, (555) 123-4567, 020 7946 0958) or a cue
 * word ("phone", "call me on") sits right before it.
 */
import { digitsOf, looksLikeNonPhone } from './scrubber-checks.js';
import { matchesOf, type Detector, type PiiMatch } from './scrubber-types.js';

// Local parts may be internationalised (jürgen@...); domains are matched in their ASCII form.
// The search starts from each '@' rather than from every word, which is what keeps a megabyte of
// prose fast: most words are not followed by an '@'.
const LOCAL_CHARACTER = /[\p{L}\p{N}._%+-]/u;
const LOCAL_START = /[\p{L}\p{N}]/u;
const DOMAIN = /(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,8}([A-Za-z]{2,24})(?![A-Za-z0-9-])/y;
const MAX_LOCAL_LENGTH = 64;

/** "icon@2x.png" is a file name, not an address. */
const FILE_EXTENSION_TLDS = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'css', 'js', 'ts', 'pdf']);

/** "ada [at] example [dot] com", written that way to dodge scrapers; still an address. */
const OBFUSCATED_EMAIL =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}][\p{L}\p{N}._%+-]{0,63}[ \t]*[[(][ \t]*at[ \t]*[\])][ \t]*([A-Za-z0-9-]{1,63}(?:[ \t]*(?:[[(][ \t]*dot[ \t]*[\])]|\.)[ \t]*[A-Za-z0-9-]{1,63}){1,6})/dgiu;

const OBFUSCATED_HINT = /[[(][ \t]*at[ \t]*[\])]/i;

/** How an address reads once scrubbed: only its domain is kept. */
export function maskedEmail(domain: string): string {
  return `[email:***@${domain}]`;
}

export const emailDetector: Detector = {
  kinds: ['email'],
  *find(text) {
    for (const match of OBFUSCATED_HINT.test(text) ? matchesOf(OBFUSCATED_EMAIL, text) : []) {
      const domain = (match[1] ?? '').replace(/[ \t]*(?:[[(][ \t]*dot[ \t]*[\])]|\.)[ \t]*/gi, '.');
      const [start, end] = match.indices[0]!;
      yield { kind: 'email', start, end, value: match[0], replacement: maskedEmail(domain), priority: 30 };
    }
    const domainPattern = new RegExp(DOMAIN.source, 'y');
    for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
      let start = at;
      while (start > 0 && at - start < MAX_LOCAL_LENGTH && LOCAL_CHARACTER.test(text.charAt(start - 1))) start -= 1;
      // A local part starts with a letter or digit; an over-long one is not an address we know.
      if (start > 0 && LOCAL_CHARACTER.test(text.charAt(start - 1))) continue;
      while (start < at && !LOCAL_START.test(text.charAt(start))) start += 1;
      if (start === at) continue;
      domainPattern.lastIndex = at + 1;
      const domainMatch = domainPattern.exec(text);
      if (!domainMatch) continue;
      const tld = (domainMatch[1] ?? '').toLowerCase();
      if (FILE_EXTENSION_TLDS.has(tld)) continue;
      const domain = domainMatch[0];
      const end = at + 1 + domain.length;
      yield { kind: 'email', start, end, value: text.slice(start, end), replacement: maskedEmail(domain), priority: 30 };
    }
  },
};

// The lookbehinds keep a match from starting inside a word or an id ("INV-0123-4567", "#11354...",
// "v1.2"); the lookaheads keep it from stopping inside a dotted or dashed run of digits (a date,
// an IP) or before a time. A space and more digits may follow ("call 020 7946 0958 2 times").
const NOT_AFTER = String.raw`(?<![\w#@/.+:$€£-])`;
const NOT_BEFORE = String.raw`(?![\w@]|[.\-/]\d|:\d)`;

const INTERNATIONAL = new RegExp(
  String.raw`${NOT_AFTER}(?:\+|00(?=[1-9]\d{0,3}[ \u00a0.\-/(]))[1-9]\d{0,14}(?!\d)` +
    String.raw`(?:(?:[ \u00a0]?\(0?\d{1,5}\)[ \u00a0]?|[ \u00a0.\-/]{1,3})\d{1,14}(?!\d)){0,7}${NOT_BEFORE}`,
  'dg',
);

const NORTH_AMERICAN = new RegExp(
  String.raw`${NOT_AFTER}(?:1[ .\-])?(?:\([2-9]\d{2}\)[ \u00a0]?|[2-9]\d{2}[ \u00a0.\-])\d{3}[ \u00a0.\-]\d{4}${NOT_BEFORE}`,
  'dg',
);

/** National numbers with a trunk 0: 020 7946 0958, 030/1234567, 06 12 34 56 78, (0176) 1234 5678. */
const TRUNK_ZERO = new RegExp(
  String.raw`${NOT_AFTER}(?:\(0\d{1,4}\)|0\d{1,4})(?:(?:[ \u00a0]?[\-/.][ \u00a0]?|[ \u00a0]{1,2})\d{2,8}(?!\d)){1,4}${NOT_BEFORE}`,
  'dg',
);

/** "+49 30 1234567 2 items": a lone digit after a space is the next word, not the number's end. */
function withoutStrayDigit(value: string): string {
  return value.replace(/[ \u00a0]\d$/, '');
}

const PHONE_CUE =
  /\b(?:phone|telephone|tel|mobile|cell(?:phone)?|call(?:ed)?|ring|text|sms|whats ?app|fax|handy|telefon|telefono|t[ée]l[ée]phone|portable|reach|contact)\b(?:[ \t]*(?::|-|#|\bnumber\b|\bno\b\.?|\bnr\b\.?|\bme\b|\bus\b|\bback\b|\bon\b|\bat\b|\bis\b|\bvia\b|\bunder\b)){0,4}[ \t]*(\+?\(?\d[\d \u00a0().\-/]{5,22}\d)(?![\w@])/dgi;

/** Words right before a number that say it is some other reference, not a phone. */
const OTHER_REFERENCE_CUE =
  /\b(?:order|invoice|tracking|ref|reference|ticket|case|account|acct|customer|parcel|shipment|serial|sku|lot|batch|id|iban|bic|sort code|postcode|zip|no\.?|nr\.?|number)[\s:#.]*$/i;
const PHONE_CUE_NEARBY = /\b(?:phone|telephone|tel|mobile|cell|call|ring|text|sms|whats ?app|fax|handy|telefon)\b/i;

/**
 * A number right after "phone"/"call me on" is a phone even when it happens to pass a card's
 * checks ("phone 4915112345678"), so a cued phone outranks a card (35); either way it is hidden.
 */
const PHONE_PRIORITY = 20;
const CUED_PHONE_PRIORITY = 36;

function phoneMatch(value: string, start: number, priority = PHONE_PRIORITY): PiiMatch {
  const digits = digitsOf(value);
  return {
    kind: 'phone',
    start,
    end: start + value.length,
    value,
    replacement: `[phone:***${digits.slice(-2)}]`,
    priority,
  };
}

function precededByOtherReference(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 32), start);
  return OTHER_REFERENCE_CUE.test(before) && !PHONE_CUE_NEARBY.test(before);
}

export const phoneDetector: Detector = {
  kinds: ['phone'],
  *find(text) {
    if (!/\d/.test(text)) return;
    for (const match of matchesOf(INTERNATIONAL, text)) {
      const value = withoutStrayDigit(match[0]);
      const digits = digitsOf(value).replace(/^00/, '');
      if (digits.length < 8 || digits.length > 15) continue;
      yield phoneMatch(value, match.indices[0]![0]);
    }
    for (const match of matchesOf(NORTH_AMERICAN, text)) {
      const start = match.indices[0]![0];
      if (looksLikeNonPhone(match[0]) || precededByOtherReference(text, start)) continue;
      yield phoneMatch(match[0], start);
    }
    for (const match of matchesOf(TRUNK_ZERO, text)) {
      const value = match[0];
      const start = match.indices[0]![0];
      const digits = digitsOf(value);
      if (digits.length < 9 || digits.length > 12) continue;
      if (looksLikeNonPhone(value) || precededByOtherReference(text, start)) continue;
      yield phoneMatch(value, start);
    }
    for (const match of matchesOf(PHONE_CUE, text)) {
      const value = withoutStrayDigit(match[1] ?? '');
      const digits = digitsOf(value);
      if (digits.length < 7 || digits.length > 15 || looksLikeNonPhone(value)) continue;
      yield phoneMatch(value, match.indices[1]![0], CUED_PHONE_PRIORITY);
    }
  },
};
