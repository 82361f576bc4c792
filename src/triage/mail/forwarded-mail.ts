/**
 * Forwarded mail: the customer forwards something (our own order confirmation, a carrier's notice, a
 * colleague's complaint), with or without a note of their own above it. The separator and the header
 * block below it are found here; the note and the forwarded body are read like any other mail.
 */
import { headerField, isHeaderBlockAt, isOriginalMessageSeparator, replyHeaderLength } from './mail-headers.js';
import { isBlank, lineKey, separatorText } from './mail-lines.js';
import { startsUnquotedHistory } from './quoted-history.js';

/** Separator lines of Gmail, Apple Mail, Thunderbird, Outlook and Yahoo, with dashes and colons trimmed. */
const FORWARD_SEPARATORS = new Set([
  'forwarded message', 'begin forwarded message', 'forwarded message follows', 'original message follows',
  'weitergeleitete nachricht', 'anfang der weitergeleiteten nachricht', 'message transféré', 'message transmis',
  'début du message réexpédié', 'début du message transféré', 'mensaje reenviado', 'inicio del mensaje reenviado',
  'messaggio inoltrato', 'inizio messaggio inoltrato', 'doorgestuurd bericht', 'begin doorgestuurd bericht',
  'mensagem encaminhada', 'início da mensagem encaminhada', 'mensagem reencaminhada', 'wiadomość przekazana',
  'przekazana wiadomość', 'początek przekazywanej wiadomości', 'vidarebefordrat meddelande', 'videresendt meddelelse',
]);

/** Subject prefixes of a forward: with one, Outlook's "-----Original Message-----" block is the forward. */
const FORWARD_SUBJECT_PREFIXES = ['fw:', 'fwd:', 'wg:', 'tr:', 'rv:', 'i:', 'doorst:', 'enc:', 'pd:', 'vs:', 'vb:', 'fs:'];

export function isForwardSubject(subject: string | undefined): boolean {
  if (!subject) return false;
  const key = lineKey(subject, 40);
  return FORWARD_SUBJECT_PREFIXES.some((prefix) => key.startsWith(prefix));
}

function isForwardSeparator(line: string): boolean {
  if (line.length > 200) return false;
  const text = separatorText(lineKey(line, 120)).replace(/:$/, '').trim();
  return FORWARD_SEPARATORS.has(text);
}

export interface ForwardSplit {
  /** The customer's own note above the forwarded mail (may be empty). */
  note: string[];
  /** Separator and header lines of the forwarded mail. */
  header: string[];
  /** The forwarded mail's own text. */
  body: string[];
}

/** The index after the header fields (and the blank lines around them) that follow a separator. */
function afterHeaderFields(lines: readonly string[], index: number): number {
  let next = index;
  let fields = 0;
  while (next < lines.length) {
    const line = lines[next] ?? '';
    if (isBlank(line)) {
      // Blank lines before the fields are skipped; the first one after them ends the header.
      if (fields > 0) break;
      next += 1;
      continue;
    }
    if (headerField(line) === undefined) break;
    fields += 1;
    next += 1;
  }
  return next;
}

export function splitForwarded(lines: readonly string[], subject?: string): ForwardSplit | undefined {
  const forwardSubject = isForwardSubject(subject);
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (isForwardSeparator(line) || (forwardSubject && isOriginalMessageSeparator(line))) {
      return forwardAt(lines, index, index + 1);
    }
    if (startsUnquotedHistory(lines, index)) {
      // Outlook forwards with no separator of their own: the subject says Fw: and a header block
      // (under an underscore rule) follows the note. Without Fw: the block is a reply's history.
      return forwardSubject ? forwardAt(lines, index, isHeaderBlockAt(lines, index) ? index : index + 1) : undefined;
    }
    // A forward quoted inside the history of a reply is the history's business, not a forward.
    if (replyHeaderLength(lines, index) > 0) return undefined;
  }
  return undefined;
}

function forwardAt(lines: readonly string[], start: number, fieldsFrom: number): ForwardSplit {
  const bodyStart = afterHeaderFields(lines, fieldsFrom);
  return { note: lines.slice(0, start), header: lines.slice(start, bodyStart), body: lines.slice(bodyStart) };
}
