/**
 * Checksums and shape checks that turn a regex candidate into a finding. Regexes alone cannot tell a
 * card number from an order number or a JWT from three dotted words; these checks can, cheaply.
 */

export function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/** Luhn (mod 10) over a string of digits. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let index = digits.length - 1; index >= 0; index -= 1) {
    let digit = digits.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return false;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/**
 * A payment card: 13-19 digits, an issuer prefix that exists (2-6: Mastercard 2-series, Amex,
 * Diners, JCB, Visa, Mastercard, Discover, UnionPay, Maestro) and a valid Luhn digit. The prefix
 * check is what keeps Luhn-valid order numbers ("113542617735902") from being taken for cards.
 */
export function isCardNumber(digits: string): boolean {
  if (digits.length < 13 || digits.length > 19) return false;
  const first = digits.charCodeAt(0) - 48;
  if (first < 2 || first > 6) return false;
  // A run of one digit ("4444 4444 4444 4448") is a placeholder, not an issued card.
  if (/^(\d)\1+$/.test(digits.slice(0, -1))) return false;
  return passesLuhn(digits);
}

/** Lengths of IBANs by country (SWIFT IBAN registry). */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28, CH: 21,
  CR: 22, CY: 28, CZ: 24, DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27,
  GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26,
  IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24,
  ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29,
  RO: 24, RS: 22, SA: 24, SC: 31, SE: 24, SI: 19, SK: 24, SM: 27, ST: 25, SV: 28, TL: 23, TN: 24,
  TR: 26, UA: 29, VA: 22, VG: 24, XK: 20,
};

/**
 * The length of an IBAN of this country, or undefined for a country without IBANs: knowing where
 * the IBAN ends is what lets a candidate run on into the following words.
 */
export function ibanLengthFor(country: string): number | undefined {
  return IBAN_LENGTHS[country];
}

/** ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97 = 1. */
export function passesIbanChecksum(compact: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(compact)) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const character of rearranged) {
    const code = character.charCodeAt(0);
    const value = code >= 65 ? code - 55 : code - 48;
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder === 1;
}

/** A JWT's first part must decode to a JSON object naming its algorithm. */
export function isJwtHeader(encoded: string): boolean {
  try {
    const header: unknown = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
    return typeof header === 'object' && header !== null && typeof (header as { alg?: unknown }).alg === 'string';
  } catch {
    return false;
  }
}

const DATE_PREFIX = /^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2})(?!\d)/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const ZIP_PLUS_FOUR = /^\d{5}-\d{4}$/;

/** Shapes that carry digits and separators like a phone number but are dates, IPs or ZIP codes. */
export function looksLikeNonPhone(candidate: string): boolean {
  return DATE_PREFIX.test(candidate) || IPV4.test(candidate) || ZIP_PLUS_FOUR.test(candidate);
}

/** Any string of letters and digits mixing both: random tokens do, English words do not. */
export function hasLetterAndDigit(value: string): boolean {
  return /[A-Za-z]/.test(value) && /\d/.test(value);
}
