/**
 * Quoted history: the earlier mail a reply carries below (or, bottom-posted, above) the customer's
 * own words. Gmail and Apple Mail quote it with `>` under an "On ... wrote:" line; Outlook writes a
 * "From: / Sent: / To: / Subject:" block (after "-----Original Message-----" or an underscore rule)
 * and does not quote at all, so everything from that block on is history.
 */
import { isBlank, isQuoteLine, unquoteLine } from './mail-lines.js';
import { isHeaderBlockAt, isOriginalMessageSeparator, isUnderscoreRule, replyHeaderLength } from './mail-headers.js';

export interface QuoteSplit {
  /** The customer's own lines, in order (interleaved answers between quotes are kept). */
  own: string[];
  /** The quoted lines and the headers above them. */
  quoted: string[];
}

/** Outlook's history starts here and runs to the end of the mail. */
export function startsUnquotedHistory(lines: readonly string[], index: number): boolean {
  const line = lines[index] ?? '';
  if (isOriginalMessageSeparator(line)) return true;
  if (isUnderscoreRule(line)) {
    for (let offset = 1; offset <= 3 && index + offset < lines.length; offset += 1) {
      if (isHeaderBlockAt(lines, index + offset)) return true;
    }
    return false;
  }
  return isHeaderBlockAt(lines, index);
}

function nextNonBlank(lines: readonly string[], index: number): number {
  let next = index;
  while (next < lines.length && isBlank(lines[next] ?? '')) next += 1;
  return next;
}

export function splitQuotedHistory(lines: readonly string[]): QuoteSplit {
  const own: string[] = [];
  const quoted: string[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] ?? '';
    if (isQuoteLine(line)) {
      quoted.push(line);
      index += 1;
      continue;
    }
    const header = replyHeaderLength(lines, index);
    if (header > 0) {
      quoted.push(...lines.slice(index, index + header));
      const next = nextNonBlank(lines, index + header);
      // A `>`-quoted block under the header is history; the customer may answer below it. An
      // unquoted one (HTML mail turned to text, some mobile clients) runs to the end.
      if (next < lines.length && !isQuoteLine(lines[next] ?? '')) {
        quoted.push(...lines.slice(index + header));
        break;
      }
      index += header;
      continue;
    }
    if (startsUnquotedHistory(lines, index)) {
      quoted.push(...lines.slice(index));
      break;
    }
    own.push(line);
    index += 1;
  }
  return { own, quoted };
}

export interface QuotedMessage {
  /** The reply header's lines ("On ... wrote:", or Outlook's From/Sent/To/Subject block). */
  header: string[];
  /** The message under it, quote marks off, up to the next header. */
  body: string[];
}

function isHeaderAt(lines: readonly string[], index: number): number {
  const reply = replyHeaderLength(lines, index);
  if (reply > 0) return reply;
  if (!isHeaderBlockAt(lines, index)) return 0;
  // Outlook's block: its field lines, up to the first blank one.
  let end = index;
  while (end < lines.length && end - index < HEADER_BLOCK_LINES && !isBlank(lines[end] ?? '')) end += 1;
  return end - index;
}
const HEADER_BLOCK_LINES = 8;

/**
 * The most recent earlier message a reply carries: the first header of its quoted history and what
 * stands under it. A reply quotes the thread newest first, so this is the message the customer
 * answered, or, when its header names the customer, their own mail that nobody has answered yet.
 */
export function firstQuotedMessage(quoted: readonly string[]): QuotedMessage | undefined {
  const lines = quoted.map((line) => (isQuoteLine(line) ? unquoteLine(line) : line));
  let index = 0;
  while (index < lines.length && (isBlank(lines[index] ?? '') || isOriginalMessageSeparator(lines[index] ?? '') || isUnderscoreRule(lines[index] ?? ''))) index += 1;
  const headerLines = isHeaderAt(lines, index);
  if (headerLines === 0) return undefined;
  const body: string[] = [];
  for (let at = index + headerLines; at < lines.length; at += 1) {
    const line = lines[at] ?? '';
    if (isOriginalMessageSeparator(line) || isUnderscoreRule(line) || isHeaderAt(lines, at) > 0) break;
    body.push(line);
  }
  return { header: lines.slice(index, index + headerLines), body };
}
