/**
 * Agreement of a supported sentence with the source windows that support it. Support is lexical
 * containment: a sentence that says the opposite of its source with the source's own words ("Express"
 * for "Standard", "hours" for "minutes", "worldwide" for the list of countries, "we accept cash on
 * delivery" for "we don't accept cash on delivery") is well supported. So once a sentence is aligned
 * to its windows, what differs is read:
 *   - a member of a closed set (contrast-sets.ts) where the window names another member of it;
 *   - a number with another unit, or another number with the same unit, or said of another subject
 *     (quantities.ts);
 *   - a word under a negation the window states plainly, or the other way round (negation-scope.ts);
 *   - a scope word (worldwide, forever, around the clock, ...) or a quantifier on a noun ("any day",
 *     "all orders") the window does not have;
 *   - a last conjunct ("... and your current password") that neither the window nor its
 *     neighbouring source sentences back, and an item added to a list the window enumerates.
 * A sentence agrees when one of its supporting windows shows none of these. Measured on the
 * fact-swap corpora: docs/safety-measurements.md ("Fact agreement").
 */
import { CONTRAST_SETS } from './contrast-sets.js';
import { flippedWords, flipWeight, isNegator } from './negation-scope.js';
import { quantities, type Quantity } from './quantities.js';
import { findPhrases, phraseTokens, tokenize, type Token } from './reply-tokens.js';
import { containment, contentStem, SUPPORT_THRESHOLD } from './sentence-support.js';

export interface Disagreement {
  kind: 'swap' | 'quantity' | 'polarity' | 'scope' | 'appended';
  /** What the reply says, and what the window says instead (when it says something). */
  reply: string;
  source?: string;
}

/** Words that widen a statement to everything; each group is one meaning. */
const SCOPE_GROUPS = [
  ['worldwide', 'everywhere', 'anywhere', 'any country', 'every country', 'all countries', 'all over the world'],
  ['always', 'at all times', 'around the clock', 'round the clock', '24/7', '24 7', 'any time of day', 'day and night'],
  ['forever', 'indefinitely', 'permanently', 'lifetime', 'never expire', 'never expires', 'for good'],
  ['unlimited', 'no limit', 'without limit', 'no matter'],
  ['guaranteed', 'guarantee', 'guarantees'],
].map((group) => group.map(phraseTokens));

/**
 * "At any time" and "straight away" are only a widening against a source that sets a time: "can only
 * be removed once the order has shipped", "once they have been checked, usually within 2 business
 * days" (not "change your password under Settings > Security", where urgency changes no fact).
 */
const TIME_WIDENINGS = [
  ['any time', 'anytime', 'whenever you like', 'whenever you want'],
  ['straight away', 'right away', 'immediately', 'at once', 'instantly', 'right now'],
].map((group) => group.map(phraseTokens));
const TIME_RESTRICTION = ['only', 'once', 'until', 'unless', 'before', 'after', 'within', 'between', 'usually', 'next'].map(phraseTokens);

const QUANTIFIERS = new Set(['all', 'any', 'every', 'each']);
const PRONOUNS = new Set(['them', 'these', 'those', 'it', 'one']);
/** Words between a quantifier and its noun ("all of your orders", "any other day"). */
const DETERMINERS = new Set(['of', 'the', 'your', 'our', 'their', 'its', 'other', 'single', 'kind', 'kinds', 'type', 'types']);

function label(tokens: readonly Token[], index: number, length: number): string {
  return tokens
    .slice(index, index + length)
    .map((token) => token.text)
    .join(' ');
}

function swaps(reply: readonly Token[], source: readonly Token[]): Disagreement[] {
  const found: Disagreement[] = [];
  for (const set of CONTRAST_SETS) {
    const inReply = set.groups.map((group) => findPhrases(reply, group));
    const inSource = set.groups.map((group) => findPhrases(source, group));
    inReply.forEach((positions, groupIndex) => {
      if (positions.length === 0 || inSource[groupIndex]!.length > 0) return;
      const other = inSource.findIndex((sourcePositions) => sourcePositions.length > 0);
      if (other === -1) return;
      const replyPhrase = set.groups[groupIndex]!.find((phrase) => findPhrases(reply, [phrase]).length > 0)!;
      const sourcePhrase = set.groups[other]!.find((phrase) => findPhrases(source, [phrase]).length > 0)!;
      found.push({ kind: 'swap', reply: replyPhrase.join(' '), source: sourcePhrase.join(' ') });
    });
  }
  return found;
}

function quantityDisagreements(reply: readonly Token[], source: readonly Token[]): Disagreement[] {
  const sourceQuantities = quantities(source);
  const found: Disagreement[] = [];
  const describe = (quantity: Quantity) => `${quantity.value}${quantity.unit ? ` ${quantity.unit}` : ''}`;
  for (const quantity of quantities(reply)) {
    const sameValue = sourceQuantities.filter((candidate) => candidate.value === quantity.value);
    if (quantity.unit) {
      const sameUnit = sourceQuantities.filter((candidate) => candidate.unit === quantity.unit);
      const exact = sameValue.some((candidate) => candidate.unit === quantity.unit || candidate.unit === undefined);
      const clash = sameValue.find((candidate) => candidate.unit !== undefined) ?? sameUnit[0];
      if (!exact && clash) {
        found.push({ kind: 'quantity', reply: describe(quantity), source: describe(clash) });
        continue;
      }
    }
    if (quantity.subject && sameValue.length > 0) {
      const ownSubject = sameValue.some((candidate) => candidate.subject === quantity.subject || candidate.subject === undefined);
      const elsewhere = sourceQuantities.find((candidate) => candidate.subject === quantity.subject);
      if (!ownSubject && elsewhere) found.push({ kind: 'quantity', reply: `${describe(quantity)} (said of another subject)`, source: describe(elsewhere) });
    }
  }
  return found;
}

function scopeWidenings(reply: readonly Token[], source: readonly Token[]): Disagreement[] {
  const found: Disagreement[] = [];
  for (const group of SCOPE_GROUPS) {
    const positions = findPhrases(reply, group);
    if (positions.length === 0 || findPhrases(source, group).length > 0) continue;
    const phrase = group.find((candidate) => findPhrases(reply, [candidate]).length > 0)!;
    found.push({ kind: 'scope', reply: phrase.join(' ') });
  }
  const restricted = findPhrases(source, TIME_RESTRICTION).length > 0;
  for (const group of TIME_WIDENINGS) {
    if (!restricted || findPhrases(reply, group).length === 0 || findPhrases(source, group).length > 0) continue;
    found.push({ kind: 'scope', reply: group.find((phrase) => findPhrases(reply, [phrase]).length > 0)!.join(' ') });
  }
  // "any day" where the source says "a business day": a quantifier on a noun the source restricts.
  const sourceStems = source.map((token) => contentStem(token.text));
  // "at the bottom of any of them": the source already speaks of every one.
  const sourceQuantifiesAll = source.some(
    (token, index) => QUANTIFIERS.has(token.text) && (source[index + 1]?.text === 'of' || PRONOUNS.has(source[index + 1]?.text ?? '')),
  );
  reply.forEach((token, index) => {
    if (!QUANTIFIERS.has(token.text)) return;
    let next = index + 1;
    while (reply[next] && DETERMINERS.has(reply[next]!.text)) next += 1;
    const noun = reply[next];
    if (!noun || noun.punctuation) return;
    const stem = contentStem(noun.text);
    if (!stem) return;
    const uses = sourceStems.flatMap((sourceStem, position) => (sourceStem === stem ? [position] : []));
    if (uses.length === 0) return;
    const quantified =
      sourceQuantifiesAll ||
      uses.some((position) => source.slice(Math.max(0, position - 4), position).some((before) => QUANTIFIERS.has(before.text)));
    if (!quantified) found.push({ kind: 'scope', reply: label(reply, index, next - index + 1) });
  });
  return found;
}

/**
 * An item added to a list the source enumerates ("..., Norway, Australia, the United States and
 * Canada"): in a run of short list items of the reply, when at least two are the source's, all must
 * be. An abbreviation of words the source spells out ("UK") is the source's.
 */
const LIST_SEPARATOR = /\s*,\s*|\s+(?:and|or)\s+/i;
const MAX_ITEM_WORDS = 3;

function listAdditions(sentence: string, source: readonly Token[]): Disagreement[] {
  const sourceStems = new Set(source.map((token) => contentStem(token.text)).filter((stem): stem is string => stem !== undefined));
  const words = source.filter((token) => !token.punctuation).map((token) => token.text);
  const initials = new Set<string>();
  for (let index = 0; index + 1 < words.length; index += 1) {
    initials.add(`${words[index]![0]}${words[index + 1]![0]}`);
    if (words[index + 2]) initials.add(`${words[index]![0]}${words[index + 1]![0]}${words[index + 2]![0]}`);
  }
  const known = (stem: string) => sourceStems.has(stem) || initials.has(stem);
  const segments = sentence
    .replace(/[.!?]+$/, '')
    .split(LIST_SEPARATOR)
    .map((segment) => tokenize(segment).filter((token) => !token.punctuation))
    .map((segment) => ({
      short: segment.length > 0 && segment.length <= MAX_ITEM_WORDS,
      stems: segment.map((token) => contentStem(token.text)).filter((stem): stem is string => stem !== undefined),
    }));
  let run: string[][] = [];
  const found: Disagreement[] = [];
  const closeRun = () => {
    const items = run.filter((stems) => stems.length > 0);
    const added = items.filter((stems) => stems.every((stem) => !known(stem)));
    if (items.filter((stems) => stems.every(known)).length >= 2 && added.length > 0) found.push({ kind: 'appended', reply: added[0]!.join(' ') });
    run = [];
  };
  for (const segment of segments) {
    if (segment.short) run.push(segment.stems);
    else closeRun();
  }
  closeRun();
  return found.slice(0, 1);
}

const FLIP_WEIGHT = 1.5;

function polarityFlips(reply: readonly Token[], source: readonly Token[]): Disagreement[] {
  const flipped = flippedWords(reply, source);
  // One word may sit on the other side of a negation in a fair rewording ("That email isn't from us:
  // we never ask ..."); a word and a half are a changed claim.
  return flipWeight(flipped) >= FLIP_WEIGHT ? [{ kind: 'polarity', reply: flipped.slice(0, 3).map((flip) => flip.stem).join(', ') }] : [];
}

/** "..., enter the email address of your account and your current password": the last conjunct rides on the rest. */
const LAST_CONJUNCT = /\s(?:and|or|plus)\s+((?:(?!\s(?:and|or)\s)[^,;:])+?)[.!?]?$/i;

function appendedConjunct(sentence: string, context: string): Disagreement[] {
  const match = LAST_CONJUNCT.exec(sentence.trim());
  if (!match) return [];
  const conjunct = match[1]!;
  const words = tokenize(conjunct).filter((token) => !token.punctuation && contentStem(token.text));
  if (words.length < 2) return [];
  // Every word of it in the source ("Cash on delivery and cheques are not accepted"): a split
  // subject, not an addition.
  const contextStems = new Set(tokenize(context).map((token) => contentStem(token.text)));
  if (words.every((token) => isNegator(token.text) || contextStems.has(contentStem(token.text)))) return [];
  return containment(conjunct, context) < SUPPORT_THRESHOLD ? [{ kind: 'appended', reply: conjunct }] : [];
}

/** What differs between `sentence` and one window; the last-conjunct check reads the window's `context`. */
export function disagreementsWith(sentence: string, sourceText: string, context = sourceText): Disagreement[] {
  const reply = tokenize(sentence);
  const source = tokenize(sourceText);
  return [
    ...swaps(reply, source),
    ...quantityDisagreements(reply, source),
    ...polarityFlips(reply, source),
    ...scopeWidenings(reply, source),
    ...appendedConjunct(sentence, context),
    ...listAdditions(sentence, source),
  ];
}

/**
 * The disagreements of `sentence` with the closest of its supporting windows; none when one of them
 * agrees with it in every respect. `context` is the windows' sentences with their neighbours.
 */
export function factDisagreements(sentence: string, supporting: readonly string[], context: string): Disagreement[] {
  const key = JSON.stringify([sentence, supporting, context]);
  let known = disagreementsByInput.get(key);
  if (known === undefined) {
    if (disagreementsByInput.size >= DISAGREEMENT_CACHE_LIMIT) disagreementsByInput.clear();
    disagreementsByInput.set(key, (known = readDisagreements(sentence, supporting, context)));
  }
  // Copies: a caller may change what it was given, never what the next reply is given.
  return known.map((disagreement) => ({ ...disagreement }));
}

/**
 * The disagreements of a sentence with its windows depend on nothing but the sentence, the windows
 * and their context, and replies are made of the knowledge base's answers backed by its sentences:
 * the same three come back ticket after ticket. Kept between tickets; past the limit the table
 * starts again.
 */
const disagreementsByInput = new Map<string, readonly Disagreement[]>();
export const DISAGREEMENT_CACHE_LIMIT = 10_000;

/** How many inputs the table holds (for tests). */
export function disagreementCacheSize(): number {
  return disagreementsByInput.size;
}

function readDisagreements(sentence: string, supporting: readonly string[], context: string): Disagreement[] {
  let closest: Disagreement[] | undefined;
  // A clause window inside a supporting sentence window is not a way around that sentence: the
  // reply is aligned to the whole sentence when the whole sentence supports it.
  const aligned = supporting.filter((window) => !supporting.some((other) => other !== window && other.includes(window)));
  for (const window of aligned) {
    const found = disagreementsWith(sentence, window, context);
    if (found.length === 0) return [];
    if (!closest || found.length < closest.length) closest = found;
  }
  return closest ?? [];
}

export function describeDisagreement(disagreement: Disagreement): string {
  switch (disagreement.kind) {
    case 'swap':
      return `says "${disagreement.reply}" where its source says "${disagreement.source}"`;
    case 'quantity':
      return `says "${disagreement.reply}" where its source says "${disagreement.source}"`;
    case 'polarity':
      return `turns a negation of its source around (${disagreement.reply})`;
    case 'scope':
      return `widens its source with "${disagreement.reply}"`;
    case 'appended':
      return `adds "${disagreement.reply}", which its source does not say`;
  }
}
