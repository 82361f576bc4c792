/**
 * What is read off one sentence by itself, kept for the next reader of the same sentence within one
 * ticket: each pattern's first match, and readings derived from the sentence alone (its folded
 * letters, its polarity). The escalation tag model reads a mail's cues twice, every sentence with its
 * neighbours (the whole mail) and then every sentence alone (the mail's parts, escalation-model.ts),
 * and a sentence is read again as the neighbour of the one before and the one after it; most of
 * what the cues read depends on the sentence alone, so it is read once.
 *
 * A pattern's first match depends on nothing but the pattern and the text when the pattern keeps no
 * position between calls: a global or sticky pattern is refused. Patterns are kept by identity, so
 * only patterns made once (module constants) belong here: a regular expression literal inside a
 * function is a new object at every call. What a reading returns is shared by every reader of the
 * ticket and must not be changed.
 */
import { perTicket } from './ticket-memo.js';

export class SentenceReading {
  readonly text: string;
  readonly #matches = new Map<RegExp, RegExpExecArray | null>();
  readonly #derived = new Map<(text: string) => unknown, unknown>();

  constructor(text: string) {
    this.text = text;
  }

  /** `pattern.exec(text)`, once per pattern. */
  exec(pattern: RegExp): RegExpExecArray | null {
    let match = this.#matches.get(pattern);
    if (match === undefined) {
      if (pattern.global || pattern.sticky) throw new TypeError(`a kept match needs a pattern without g or y: /${pattern.source}/${pattern.flags}`);
      match = pattern.exec(this.text);
      this.#matches.set(pattern, match);
    }
    return match;
  }

  /** `pattern.test(text)`, once per pattern (the same answer as `exec`'s, for a pattern without g or y). */
  test(pattern: RegExp): boolean {
    return this.exec(pattern) !== null;
  }

  /** `reader(text)`, once per reader: only for readers whose result depends on the text alone. */
  read<T>(reader: (text: string) => T): T {
    if (this.#derived.has(reader)) return this.#derived.get(reader) as T;
    const value = reader(this.text);
    this.#derived.set(reader, value);
    return value;
  }
}

export class SentenceReadings {
  readonly #byText = new Map<string, SentenceReading>();

  /** The reading of a text: the same object for the same text. */
  of(text: string): SentenceReading {
    let reading = this.#byText.get(text);
    if (!reading) this.#byText.set(text, (reading = new SentenceReading(text)));
    return reading;
  }

  /** How many texts were read (for tests). */
  get size(): number {
    return this.#byText.size;
  }
}

const OWNER = {};

/**
 * The current ticket's readings (ticket-memo.ts), one table for every reader: a match or a derived
 * reading is the same whoever asks. Outside a ticket, a new table at every call, shared only within
 * that caller's call.
 */
export function sentenceReadings(): SentenceReadings {
  return perTicket(OWNER, () => new SentenceReadings());
}
