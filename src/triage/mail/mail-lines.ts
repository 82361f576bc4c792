/**
 * Small line tests shared by the mail readers. Every one reads a bounded prefix of the line or makes
 * a single pass over it, so a 64 KiB line of `>` or spaces costs one pass, never one per position.
 */

/** Longer lines are not headers or sign-offs: only their start is read. */
export const HEADER_LINE_LIMIT = 400;

/** The line without surrounding white space (non-breaking spaces included), lower-cased, bounded. */
export function lineKey(line: string, limit = HEADER_LINE_LIMIT): string {
  return line.slice(0, limit * 2).replace(/\u00a0/g, ' ').trim().slice(0, limit).toLowerCase();
}

export function isBlank(line: string): boolean {
  for (let index = 0; index < line.length; index += 1) {
    const code = line.charCodeAt(index);
    // space, tab, vertical tab, form feed, carriage return, no-break space, zero-width space
    if (code !== 32 && code !== 9 && code !== 11 && code !== 12 && code !== 13 && code !== 0xa0 && code !== 0x200b) return false;
  }
  return true;
}

/** A `>`-quoted line, however deep and however indented. */
export function isQuoteLine(line: string): boolean {
  for (let index = 0; index < line.length; index += 1) {
    const character = line[index];
    if (character === '>') return true;
    if (character !== ' ' && character !== '\t' && character !== '\u00a0') return false;
  }
  return false;
}

/** The line with its quote markers (`> > `) removed. */
export function unquoteLine(line: string): string {
  let index = 0;
  while (index < line.length && (line[index] === '>' || line[index] === ' ' || line[index] === '\t')) index += 1;
  return line.slice(index);
}

/** The key with dashes, underscores, asterisks and spaces trimmed from both ends ("-----Original Message-----"). */
export function separatorText(key: string): string {
  let start = 0;
  let end = key.length;
  const trimmable = (character: string | undefined) => character === '-' || character === '_' || character === '*' || character === ' ' || character === '=';
  while (start < end && trimmable(key[start])) start += 1;
  while (end > start && trimmable(key[end - 1])) end -= 1;
  return key.slice(start, end);
}

/** "From: X" -> "from"; "**Von:** X" -> "von"; "De : X" -> "de". Undefined when the line is no header. */
export function headerLabel(line: string): string | undefined {
  const key = lineKey(line, 120);
  const colon = key.indexOf(':');
  if (colon <= 0 || colon > 24) return undefined;
  const label = key.slice(0, colon).replace(/\*/g, '').trim();
  return label.length > 0 ? label : undefined;
}

export function wordCount(text: string): number {
  let count = 0;
  let inWord = false;
  for (const character of text) {
    const letter = /[\p{L}\p{N}]/u.test(character);
    if (letter && !inWord) count += 1;
    inWord = letter;
  }
  return count;
}

export function hasLetterOrDigit(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

export function joinLines(lines: readonly string[]): string {
  return lines.join('\n');
}

/** Trailing spaces off, no-break spaces plain, runs of blank lines folded to one, blank lines off both ends. */
export function tidy(lines: readonly string[]): string {
  const out: string[] = [];
  for (const line of lines) {
    // trimEnd, not /\s+$/: that pattern retries at every space of a long run (quadratic).
    // No-break spaces (HTML's &nbsp;) read as plain spaces by everything downstream.
    const trimmed = line.replace(/\u00a0/g, ' ').trimEnd();
    if (isBlank(trimmed)) {
      if (out.length > 0 && out[out.length - 1] !== '') out.push('');
    } else {
      out.push(trimmed);
    }
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}
