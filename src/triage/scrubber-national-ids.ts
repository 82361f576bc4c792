/**
 * National ids and bank accounts that have no IBAN: US social security numbers, UK National
 * Insurance numbers, UK sort code with account number, US ABA routing number with account number.
 * Each needs its shape plus either a validity rule (SSN area and group ranges, NI prefixes, the ABA
 * checksum) or a cue word, since nine digits alone are as often an order number.
 */
import { matchesOf, type Detector, type PiiMatch } from './scrubber-types.js';

/** 123-45-6789 or 123 45 6789; compact nine digits only after a cue word. */
const SSN_DASHED = /(?<![\w-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\w-])/dg;
const SSN_CUED = /\b(?:ssn|social security(?: number| no\.?| #)?|soc\.? sec\.?)\b[ \t]*(?:[:#=-]|is|was)?[ \t]*(\d{3}[- ]?\d{2}[- ]?\d{4})(?![\w-])/dgi;

/** AB 12 34 56 C / AB123456C: two prefix letters, six digits, a suffix A-D. */
const NI_NUMBER = /(?<![A-Za-z0-9])([A-CEGHJ-PR-TW-Za-ceghj-pr-tw-z][A-CEGHJ-NPR-TW-Za-ceghj-npr-tw-z])[ ]?(\d{2})[ ]?(\d{2})[ ]?(\d{2})[ ]?([A-Da-d])(?![A-Za-z0-9])/dg;
const NI_INVALID_PREFIXES = new Set(['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ']);

/** Sort code 12-34-56 (or 123456 after the cue), then an eight-digit account within a short gap. */
const SORT_CODE_ACCOUNT =
  /\bsort[ \t-]?code\b[ \t]*[:#=-]?[ \t]*(\d{2}[- ]?\d{2}[- ]?\d{2})(?!\d)[^\d\r\n]{0,40}?(?<!\d)(\d{8})(?!\d)/dgi;
const SORT_CODE_ALONE = /\bsort[ \t-]?code\b[ \t]*[:#=-]?[ \t]*(\d{2}-\d{2}-\d{2}|\d{2} \d{2} \d{2})(?![\d-])/dgi;
/**
 * A bank account number after a bank cue ("account number 31926819", "Kontonummer 0123456789"):
 * a bare "account 10042" is the shop's own customer account, which the product shows.
 */
const ACCOUNT_CUED =
  /\b(?:bank account|checking account|savings account|account (?:number|no\.?|nr\.?|#)|acct(?:\.| no\.?| number| #)|a\/c|kontonummer|numéro de compte|número de cuenta|numero di conto|rekeningnummer|numer konta|número da conta)[ \t]*(?:[:#=-]|is)?[ \t]*(\d{8,17})(?!\d)/dgi;
/** With a sort code or routing number in the text, "account 12345678" is the bank account beside it. */
const BANK_CONTEXT = /sort[ \t-]?code|routing|\baba\b|\bbank\b/i;
const ACCOUNT_NEAR_BANK = /\b(?:account|acct|a\/c)\b[ \t]*[:#=-]?[ \t]*(\d{8,17})(?!\d)/dgi;

/** A routing number: nine digits after a cue, valid by the ABA checksum. */
const ROUTING_CUED = /\b(?:routing|aba|rtn|transit)\b(?:[ \t]*(?:number|no\.?|#))?[ \t]*(?:[:#=-]|is)?[ \t]*(\d{9})(?!\d)/dgi;

export function passesAbaChecksum(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const d = [...digits].map(Number);
  const sum = 3 * (d[0]! + d[3]! + d[6]!) + 7 * (d[1]! + d[4]! + d[7]!) + (d[2]! + d[5]! + d[8]!);
  return sum % 10 === 0 && digits !== '000000000';
}

/** Area 000, 666 and 900-999, group 00 and serial 0000 are never issued. */
export function isValidSsn(area: string, group: string, serial: string): boolean {
  const areaNumber = Number(area);
  return areaNumber !== 0 && areaNumber !== 666 && areaNumber < 900 && group !== '00' && serial !== '0000';
}

function span(kind: PiiMatch['kind'], start: number, value: string, replacement: string, priority: number): PiiMatch {
  return { kind, start, end: start + value.length, value, replacement, priority };
}

export const nationalIdDetector: Detector = {
  kinds: ['national_id', 'bank_account'],
  *find(text) {
    if (!/\d/.test(text)) return;
    for (const match of matchesOf(SSN_DASHED, text)) {
      if (!isValidSsn(match[1]!, match[3]!, match[4]!)) continue;
      yield span('national_id', match.index!, match[0], '[national-id:ssn]', 42);
    }
    for (const match of matchesOf(SSN_CUED, text)) {
      const digits = match[1]!.replace(/\D/g, '');
      if (!isValidSsn(digits.slice(0, 3), digits.slice(3, 5), digits.slice(5))) continue;
      yield span('national_id', match.indices[1]![0], match[1]!, '[national-id:ssn]', 43);
    }
    for (const match of matchesOf(NI_NUMBER, text)) {
      if (NI_INVALID_PREFIXES.has(match[1]!.toUpperCase())) continue;
      yield span('national_id', match.index!, match[0], '[national-id:ni]', 42);
    }
    for (const match of matchesOf(SORT_CODE_ACCOUNT, text)) {
      yield span('bank_account', match.indices[1]![0], match[1]!, '[account:sort-code]', 41);
      yield span('bank_account', match.indices[2]![0], match[2]!, `[account:****${match[2]!.slice(-4)}]`, 41);
    }
    for (const match of matchesOf(SORT_CODE_ALONE, text)) {
      yield span('bank_account', match.indices[1]![0], match[1]!, '[account:sort-code]', 41);
    }
    for (const match of matchesOf(ROUTING_CUED, text)) {
      if (!passesAbaChecksum(match[1]!)) continue;
      yield span('bank_account', match.indices[1]![0], match[1]!, '[account:routing]', 41);
    }
    if (BANK_CONTEXT.test(text)) {
      for (const match of matchesOf(ACCOUNT_NEAR_BANK, text)) {
        yield span('bank_account', match.indices[1]![0], match[1]!, `[account:****${match[1]!.slice(-4)}]`, 39);
      }
    }
    for (const match of matchesOf(ACCOUNT_CUED, text)) {
      yield span('bank_account', match.indices[1]![0], match[1]!, `[account:****${match[1]!.slice(-4)}]`, 39);
    }
  },
};
