/**
 * The word-level view the agreement check compares a reply sentence and its source window in:
 * lower-case words (numbers, times and dotted numbers kept whole) and the punctuation that bounds
 * clauses, so that "which clause a fact sits in" can be asked of both texts the same way.
 */
import { memoised } from '../ticket-memo.js';

export interface Token {
  readonly text: string;
  /** Punctuation that ends a clause or a list item: , ; : . ! ? ( ) */
  readonly punctuation: boolean;
}

const TOKEN = /[\p{L}\p{N}]+(?:[:.'’-][\p{L}\p{N}]+)*|[,;:.!?()]/gu;

/**
 * Memoised per ticket (ticket-memo.ts): the agreement check reads the reply sentence once per
 * supporting window and the same windows for several sentences. The result is shared by every
 * caller of the ticket and is frozen so that none of them can change it for the others.
 */
export function tokenize(text: string): readonly Token[] {
  return memoised(tokenize, text, () => Object.freeze(readTokens(text)));
}

function readTokens(text: string): Token[] {
  return (text.normalize('NFKC').toLowerCase().replace(/’/g, "'").match(TOKEN) ?? []).map((token) => ({
    text: token,
    punctuation: /^[,;:.!?()]$/.test(token),
  }));
}

/** A phrase of the word lists (e.g. "bank transfer") as the tokens it must match. */
export function phraseTokens(phrase: string): string[] {
  return tokenize(phrase).map((token) => token.text);
}

/** Whether `phrase` starts at `index`; the last word may carry a plural s/es ("cheques", "days"). */
export function matchesAt(tokens: readonly Token[], index: number, phrase: readonly string[]): boolean {
  for (let offset = 0; offset < phrase.length; offset += 1) {
    const token = tokens[index + offset]?.text;
    const word = phrase[offset]!;
    if (token === word) continue;
    if (offset === phrase.length - 1 && token !== undefined && isPlural(token, word)) continue;
    return false;
  }
  return true;
}

/** `token` is `word` + "s" or `word` + "es", compared without building either string. */
function isPlural(token: string, word: string): boolean {
  const extra = token.length - word.length;
  if (extra === 1) return token.endsWith('s') && token.startsWith(word);
  if (extra === 2) return token.endsWith('es') && token.startsWith(word);
  return false;
}

/**
 * Where each word of a token list stands, built once per list: the agreement check asks every
 * contrast set and scope group of the same reply sentence and window, and most phrases occur in
 * neither, which the positions answer without walking the tokens. `loose` lists a plural under its
 * singular too ("days" under "day" and "days", "boxes" under "box", "boxe" and "boxes"), so that a
 * one-word phrase is one look-up.
 */
interface Positions {
  exact: Map<string, number[]>;
  loose: Map<string, number[]>;
}

const positionsByList = new WeakMap<readonly Token[], Positions>();

function add(map: Map<string, number[]>, key: string, index: number): void {
  const list = map.get(key);
  if (list) list.push(index);
  else map.set(key, [index]);
}

function positionsOf(tokens: readonly Token[]): Positions {
  let positions = positionsByList.get(tokens);
  if (!positions) {
    positions = { exact: new Map(), loose: new Map() };
    for (let index = 0; index < tokens.length; index += 1) {
      const text = tokens[index]!.text;
      add(positions.exact, text, index);
      add(positions.loose, text, index);
      if (text.endsWith('s')) add(positions.loose, text.slice(0, -1), index);
      if (text.endsWith('es')) add(positions.loose, text.slice(0, -2), index);
    }
    positionsByList.set(tokens, positions);
  }
  return positions;
}

/** Token indices where any of `phrases` starts, in order, each once. */
export function findPhrases(tokens: readonly Token[], phrases: readonly (readonly string[])[]): number[] {
  const { exact, loose } = positionsOf(tokens);
  let found: number[] | undefined;
  let merged = false;
  for (const phrase of phrases) {
    if (phrase.length === 0) return tokens.map((_, index) => index);
    // A one-word phrase may stand as its plural; a longer one starts with its first word as written.
    const starts = phrase.length === 1 ? loose.get(phrase[0]!) : exact.get(phrase[0]!);
    if (!starts) continue;
    for (const index of starts) {
      if (phrase.length > 1 && !matchesAt(tokens, index, phrase)) continue;
      if (found) merged = true;
      (found ??= []).push(index);
    }
  }
  if (!found) return [];
  return merged ? [...new Set(found)].sort((a, b) => a - b) : found;
}
