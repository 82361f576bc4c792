/**
 * The word-level view the agreement check compares a reply sentence and its source window in:
 * lower-case words (numbers, times and dotted numbers kept whole) and the punctuation that bounds
 * clauses, so that "which clause a fact sits in" can be asked of both texts the same way.
 */
export interface Token {
  text: string;
  /** Punctuation that ends a clause or a list item: , ; : . ! ? ( ) */
  punctuation: boolean;
}

const TOKEN = /[\p{L}\p{N}]+(?:[:.'’-][\p{L}\p{N}]+)*|[,;:.!?()]/gu;

export function tokenize(text: string): Token[] {
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
    if (offset === phrase.length - 1 && (token === `${word}s` || token === `${word}es`)) continue;
    return false;
  }
  return true;
}

/** Token indices where any of `phrases` starts. */
export function findPhrases(tokens: readonly Token[], phrases: readonly (readonly string[])[]): number[] {
  const found: number[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    if (phrases.some((phrase) => matchesAt(tokens, index, phrase))) found.push(index);
  }
  return found;
}
