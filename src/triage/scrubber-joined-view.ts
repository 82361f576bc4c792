/**
 * Secrets split by something a reader does not see as part of them: inline HTML tags
 * (`<span>4111</span> <span>1111</span>...`), zero-width and other format characters
 * (`4111\u200b1111...`), or a line break right after a token's own separator (`sk_live_` at the end
 * of a wrapped line). The detectors run a second time over a view with those taken out, and each
 * finding is mapped back to the span of the original text it came from, tags and all, so the
 * replacement removes the whole split value.
 */
import { allMatches } from './regex-matches.js';

/** An inline tag (not `a < b`); bounded so that a stray `<` costs one short scan. */
const TAG = /<\/?[A-Za-z][^<>\n]{0,200}>/g;
/** Format characters (zero-width space and joiners, soft hyphen, word joiner, bidi marks, BOM). */
const FORMAT = /\p{Cf}/gu;
/** A line break after a token's separator and before more token: one token cut by wrapping. */
const CUT_TOKEN = /(?<=[A-Za-z0-9][_-])\r?\n(?=[A-Za-z0-9])/g;
const NEEDS_VIEW = /<\/?[A-Za-z]|\p{Cf}|[_-]\r?\n/u;

export interface JoinedView {
  text: string;
  /** The original index of each character of `text`. */
  origin: number[];
}

/** The view, or undefined when the text has nothing to take out (the common case). */
export function joinedView(text: string): JoinedView | undefined {
  if (!NEEDS_VIEW.test(text)) return undefined;
  const removed = new Uint8Array(text.length);
  for (const pattern of [TAG, FORMAT, CUT_TOKEN]) {
    for (const match of allMatches(text, pattern)) removed.fill(1, match.index, match.index + match[0].length);
  }
  const origin: number[] = [];
  let view = '';
  for (let index = 0; index < text.length; index += 1) {
    if (removed[index] === 1) continue;
    origin.push(index);
    view += text[index];
  }
  return view.length === text.length ? undefined : { text: view, origin };
}

/** The original span of the view's [start, end). */
export function originalSpan(view: JoinedView, start: number, end: number): { start: number; end: number } {
  return { start: view.origin[start]!, end: view.origin[end - 1]! + 1 };
}
