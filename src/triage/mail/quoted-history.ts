/**
 * Quoted history: the earlier mail a reply carries below (or, bottom-posted, above) the customer's
 * own words. Gmail and Apple Mail quote it with `>` under an "On ... wrote:" line; Outlook writes a
 * "From: / Sent: / To: / Subject:" block (after "-----Original Message-----" or an underscore rule)
 * and does not quote at all, so everything from that block on is history.
 */
import { isBlank, isQuoteLine } from './mail-lines.js';
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
