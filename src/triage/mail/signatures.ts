/**
 * Signatures below the customer's words: the "-- " delimiter, "Sent from my iPhone" and its
 * translations, a sign-off ("Kind regards,") with the name, title and phone lines under it, or a bare
 * contact block at the end. A sign-off counts only near the end, so "Thanks for the quick reply" in
 * the middle of a message stays.
 */
import { isBlank, lineKey, wordCount } from './mail-lines.js';
import { isFooterLine } from './legal-footers.js';

const MOBILE_PREFIXES = [
  'sent from my ', 'sent from mail for ', 'sent from outlook', 'sent from yahoo', 'sent from samsung', 'sent from the ',
  'sent via ', 'sent with ', 'get outlook for ', 'get the outlook app', 'von meinem ', 'gesendet von ', 'gesendet mit ',
  'envoyé de mon ', 'envoyé depuis ', 'envoyé à partir de ', 'enviado desde ', 'enviado do meu ', 'enviado de meu ',
  'enviado do ', 'inviato da ', 'inviato dal ', 'verstuurd vanaf ', 'verzonden vanaf ', 'verzonden met ',
  'wysłane z ', 'wysłano z ', 'skickat från ', 'sendt fra ', 'télécharger outlook pour ', 'descargar outlook para ',
];

/** Sign-offs, compared with the line's start before a comma ("Thanks, Anna" -> "thanks"). */
const SIGN_OFFS = new Set([
  // en
  'thanks', 'thank you', 'many thanks', 'thanks a lot', 'thanks again', 'thanks in advance', 'thank you in advance',
  'thx', 'ty', 'cheers', 'best', 'best regards', 'kind regards', 'regards', 'warm regards', 'kindest regards',
  'best wishes', 'all the best', 'sincerely', 'yours sincerely', 'yours faithfully', 'yours truly', 'br', 'kr',
  'rgds', 'thanks so much', 'thank you so much', 'much appreciated', 'many thanks in advance', 'with thanks',
  // de
  'mit freundlichen grüßen', 'mit freundlichen grüssen', 'mit freundlichen gruessen', 'freundliche grüße',
  'freundliche grüsse', 'viele grüße', 'viele grüsse', 'beste grüße', 'liebe grüße', 'herzliche grüße', 'lg', 'vg', 'mfg',
  'gruß', 'grüße', 'danke', 'vielen dank', 'besten dank', 'danke im voraus',
  // fr
  'cordialement', 'bien cordialement', 'bien à vous', 'salutations', 'sincères salutations', 'merci', 'merci beaucoup',
  "merci d'avance", 'bonne journée', 'bonne soirée', 'amicalement',
  // es
  'saludos', 'un saludo', 'saludos cordiales', 'atentamente', 'gracias', 'muchas gracias', 'un abrazo', 'gracias de antemano',
  // it
  'cordiali saluti', 'saluti', 'distinti saluti', 'grazie', 'grazie mille', 'un saluto', 'grazie in anticipo',
  // nl
  'met vriendelijke groet', 'met vriendelijke groeten', 'vriendelijke groet', 'groeten', 'groetjes', 'mvg', 'bedankt',
  'dank je', 'dank u', 'alvast bedankt', 'hartelijke groet',
  // pt
  'atenciosamente', 'cumprimentos', 'melhores cumprimentos', 'com os melhores cumprimentos', 'obrigado', 'obrigada',
  'abraços', 'abraço', 'um abraço',
  // pl
  'pozdrawiam', 'z poważaniem', 'dziękuję', 'dzięki', 'serdecznie pozdrawiam', 'pozdrowienia',
]);

/** After a sign-off, at most this many short lines (name, title, company, phone, address). */
const SIGNATURE_MAX_LINES = 8;
const SIGNATURE_LINE_MAX_CHARS = 90;

function isDelimiter(line: string): boolean {
  const trimmedEnd = line.trimEnd();
  return line === '-- ' || trimmedEnd === '--' || trimmedEnd === '—';
}

export function isMobileFooter(line: string): boolean {
  if (line.length > 160) return false;
  const key = lineKey(line);
  return MOBILE_PREFIXES.some((prefix) => key.startsWith(prefix)) || key === 'sent from my iphone' || key === 'von meinem iphone gesendet';
}

function isSignOff(line: string): boolean {
  if (line.length > 80) return false;
  const key = lineKey(line);
  const comma = key.indexOf(',');
  const head = (comma >= 0 ? key.slice(0, comma) : key).replace(/[.!,:;\s]+$/u, '');
  // "Thanks, Anna" / "Cheers, Tom" but not "Thanks, but the parcel never came".
  const tail = comma >= 0 ? key.slice(comma + 1).trim() : '';
  if (SIGN_OFFS.has(head)) return wordCount(tail) <= 3 && !tail.includes('?');
  return comma < 0 && isSignOffWithName(line);
}

/** "Mvg Luuk", "Cheers Tom", "Regards Anna Berg": a sign-off and a name with no comma between. */
function isSignOffWithName(line: string): boolean {
  const words = line.trim().split(/\s+/u);
  for (let split = Math.min(4, words.length - 1); split >= 1; split -= 1) {
    const name = words.slice(split);
    if (name.length > 2 || !name.every((word) => /^\p{Lu}[\p{L}'’.-]*$/u.test(word))) continue;
    if (SIGN_OFFS.has(lineKey(words.slice(0, split).join(' ')).replace(/[.!,:;\s]+$/u, ''))) return true;
  }
  return false;
}

/** A phone number, an address, a web site, or a title line with separators: a signature's lines. */
function isContactLine(line: string): boolean {
  if (line.length > SIGNATURE_LINE_MAX_CHARS) return false;
  const key = lineKey(line);
  if (/^(?:tel|phone|mobile|mob|cell|fax|t|m|p|f|direct|office|telefon|tél|tel\.|handy|móvil|cellulare|telefoon|telemóvel|tlf)\.?\s*[:.]/u.test(key)) return true;
  let digits = 0;
  for (const character of key) if (character >= '0' && character <= '9') digits += 1;
  if (digits >= 7 && /^[+(\d][\d\s().\-/+]*$/u.test(key)) return true;
  if (key.startsWith('www.') || key.startsWith('http://') || key.startsWith('https://')) return true;
  if (/^[^\s@]+@[^\s@]+\.[a-z]{2,}$/u.test(key)) return true;
  return key.includes(' | ');
}

function isShortSignatureLine(line: string): boolean {
  if (line.length > SIGNATURE_LINE_MAX_CHARS) return false;
  const key = lineKey(line);
  return wordCount(key) <= 8 && !key.endsWith('?') && !/[.!]$/u.test(key);
}

export interface SignatureSplit {
  own: string[];
  signature: string[];
}

function announcesBlock(lines: readonly string[], start: number): boolean {
  for (let previous = start - 1; previous >= 0; previous -= 1) {
    const line = lines[previous] ?? '';
    if (!isBlank(line)) return line.trimEnd().endsWith(':');
  }
  return false;
}

function hasContentBefore(lines: readonly string[], index: number): boolean {
  for (let previous = index - 1; previous >= 0; previous -= 1) if (!isBlank(lines[previous] ?? '')) return true;
  return false;
}

/** Where the signature starts, or lines.length when there is none. */
function signatureStart(lines: readonly string[]): number {
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (isDelimiter(line) || isMobileFooter(line)) return signOffAbove(lines, index) ?? index;
  }
  // Sign-offs are looked for only among the last lines: a signature is short.
  const window = Math.max(0, lines.length - (SIGNATURE_MAX_LINES + 4));
  for (let index = window; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (!isSignOff(line)) continue;
    const rest = lines.slice(index + 1).filter((other) => !isBlank(other));
    if (rest.length <= SIGNATURE_MAX_LINES && rest.every((other) => isShortSignatureLine(other) || isContactLine(other) || isFooterLine(other))) return index;
  }
  return contactBlockStart(lines);
}

/** "Mvg Luuk" right above "Verzonden vanaf mijn iPhone": the sign-off belongs to the signature too. */
function signOffAbove(lines: readonly string[], footer: number): number | undefined {
  for (let index = footer - 1; index >= Math.max(0, footer - SIGNATURE_MAX_LINES); index -= 1) {
    const line = lines[index] ?? '';
    if (isBlank(line)) continue;
    if (isSignOff(line)) return index;
    if (!isShortSignatureLine(line) && !isContactLine(line)) return undefined;
  }
  return undefined;
}

/** A name, title and phone block at the very end, with no sign-off above it. */
function contactBlockStart(lines: readonly string[]): number {
  let end = lines.length;
  while (end > 0 && isBlank(lines[end - 1] ?? '')) end -= 1;
  let start = end;
  let contact = false;
  while (start > 0 && end - start < SIGNATURE_MAX_LINES) {
    const line = lines[start - 1] ?? '';
    if (isBlank(line)) break;
    if (isContactLine(line)) contact = true;
    else if (!isShortSignatureLine(line)) return lines.length;
    start -= 1;
  }
  // Only a block that holds contact details, and that is not the whole message; and not one the
  // message announces ("Please send it to:" above a name, street and phone is an address).
  if (!contact || !hasContentBefore(lines, start) || announcesBlock(lines, start)) return lines.length;
  return start;
}

/**
 * "Sent from my phone" and then "ps while you're in there, what about A1006?": a postscript below
 * the signature is still the customer writing, often the second request itself.
 */
const POSTSCRIPT = /^\s*(?:p\.?\s?p\.?\s?s|p\.?\s?s)\b[.:,\s-]*\S/i;

export function splitSignature(lines: readonly string[]): SignatureSplit {
  const start = signatureStart(lines);
  const postscript = lines.findIndex((line, index) => index >= start && POSTSCRIPT.test(line));
  if (postscript < 0) return { own: lines.slice(0, start), signature: lines.slice(start) };
  return { own: [...lines.slice(0, start), '', ...lines.slice(postscript)], signature: lines.slice(start, postscript) };
}

/**
 * A message with nothing of the customer's own beyond a sign-off or a device line ("Sent from my
 * iPhone" under the subject "REFUND"): it names at most a topic and asks nothing to answer.
 */
export function isOnlySignature(text: string): boolean {
  const lines = text.split('\n').filter((line) => !isBlank(line));
  return lines.length > 0 && lines.every((line) => isMobileFooter(line) || isSignOff(line));
}
