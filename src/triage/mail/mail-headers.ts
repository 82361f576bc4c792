/**
 * The words mail clients write above quoted or forwarded mail, in the languages our customers write
 * (en, de, fr, es, it, nl, pt, pl, and the Nordic ones Outlook and Apple Mail ship). One list each, read
 * by quoted-history.ts and forwarded-mail.ts.
 */
import { headerLabel, isBlank, lineKey, separatorText } from './mail-lines.js';

/** Labels of the header lines Outlook, Gmail, Apple Mail and Thunderbird write, by field. */
const FROM_LABELS = new Set(['from', 'von', 'de', 'van', 'da', 'od', 'från', 'fra', 'lähettäjä', 'afzender', 'remetente', 'expéditeur', 'absender', 'mittente']);
const DATE_LABELS = new Set([
  'sent', 'date', 'gesendet', 'datum', 'envoyé', 'enviado', 'enviada', 'fecha', 'inviato', 'data', 'verzonden', 'verstuurd',
  'wysłano', 'skickat', 'sendt', 'lähetetty', 'date et heure', 'sent date',
]);
const TO_LABELS = new Set(['to', 'an', 'à', 'a', 'para', 'aan', 'do', 'till', 'til', 'vastaanottaja', 'destinataire', 'destinatario']);
const SUBJECT_LABELS = new Set(['subject', 'betreff', 'objet', 'asunto', 'oggetto', 'onderwerp', 'assunto', 'temat', 'ämne', 'emne', 'aihe']);
const OTHER_LABELS = new Set(['cc', 'bcc', 'kopie', 'reply-to', 'antwort an', 'répondre à', 'importance', 'wichtigkeit']);

export type HeaderField = 'from' | 'date' | 'to' | 'subject' | 'other';

export function headerField(line: string): HeaderField | undefined {
  const label = headerLabel(line);
  if (label === undefined) return undefined;
  if (FROM_LABELS.has(label)) return 'from';
  if (DATE_LABELS.has(label)) return 'date';
  if (TO_LABELS.has(label)) return 'to';
  if (SUBJECT_LABELS.has(label)) return 'subject';
  if (OTHER_LABELS.has(label)) return 'other';
  return undefined;
}

/** How far below a "From:" line the other fields of the same block may be. */
const HEADER_BLOCK_SPAN = 7;

/**
 * A "From: / Sent: / To: / Subject:" block (Outlook's reply and forward header, Gmail's forwarded
 * header) starting at `index`: a From line and at least two other fields close below it.
 */
export function isHeaderBlockAt(lines: readonly string[], index: number): boolean {
  const first = lines[index];
  if (first === undefined || headerField(first) !== 'from') return false;
  const seen = new Set<HeaderField>();
  for (let offset = 1; offset <= HEADER_BLOCK_SPAN && index + offset < lines.length; offset += 1) {
    const field = headerField(lines[index + offset] ?? '');
    if (field && field !== 'other' && field !== 'from') seen.add(field);
  }
  return seen.size >= 2;
}

/** "-----Original Message-----" and its translations: what Outlook writes above earlier mail. */
const ORIGINAL_MESSAGE = new Set([
  'original message', 'ursprüngliche nachricht', "message d'origine", 'message original', 'mensaje original',
  'messaggio originale', 'oorspronkelijk bericht', 'origineel bericht', 'mensagem original', 'wiadomość oryginalna',
  'oprindelig meddelelse', 'ursprungligt meddelande', 'opprinnelig melding', 'alkuperäinen viesti',
]);

export function isOriginalMessageSeparator(line: string): boolean {
  const key = lineKey(line, 80);
  if (!key.startsWith('-') && !key.startsWith('*')) return false;
  return ORIGINAL_MESSAGE.has(separatorText(key));
}

/** Outlook's long underscore rule above the header block of the mail it replies to. */
export function isUnderscoreRule(line: string): boolean {
  const key = lineKey(line, 200);
  if (key.length < 8) return false;
  for (const character of key) if (character !== '_') return false;
  return true;
}

/** Words a reply header opens with: "On", "Am", "Le", "El", "Il", "Em", "Op", "W dniu", "Den", ... */
const OPENERS = ['on ', 'am ', 'le ', 'el ', 'il ', 'em ', 'op ', 'w dniu ', 'dnia ', 'den ', 'in data ', 'the '];
/** The verb that closes it, without its colon. */
const VERBS = [
  'wrote', 'schrieb', 'a écrit', 'escribió', 'escribio', 'ha scritto', 'scritto', 'escreveu', 'schreef', 'napisał(a)',
  'napisał', 'napisała', 'pisze', 'skrev', 'kirjoitti', 'wrote the following',
];

function endsWithVerb(text: string): boolean {
  return VERBS.some((verb) => text.endsWith(verb));
}

/**
 * "On Mon, 1 Dec 2026 at 10:02, Support <support@x> wrote:" and its translations, on one line or wrapped
 * over up to three (Gmail wraps long ones). Returns how many lines the header takes, 0 when none.
 * A date or an address must be in it: "On Monday my neighbour wrote:" is the customer's own sentence.
 */
export function replyHeaderLength(lines: readonly string[], index: number): number {
  let joined = '';
  for (let count = 1; count <= 3 && index + count - 1 < lines.length; count += 1) {
    const line = lines[index + count - 1] ?? '';
    // A header opens on a line of text and never spans a blank line or a very long one.
    if (line.length > 300 || isBlank(line)) return 0;
    joined = count === 1 ? line : `${joined} ${line}`;
    const key = lineKey(joined).replace(/\s+/g, ' ');
    if (!key.endsWith(':')) continue;
    const body = key.slice(0, -1).trimEnd();
    const opened = OPENERS.some((opener) => key.startsWith(opener));
    const dated = /\d/.test(key) || key.includes('@');
    if (!dated) continue;
    // German and Dutch clients put the verb before the name: "Am 1.12.2026 schrieb Support <x>:".
    if (endsWithVerb(body) || (opened && VERBS.some((verb) => body.includes(` ${verb} `)))) {
      // A wrapped header must open like one; a single line that ends with the verb need not.
      if (count === 1 || opened) return count;
    }
  }
  return 0;
}
