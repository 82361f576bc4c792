/**
 * Sentence support: each sentence of a reply, except a greeting, a sign-off and a few fixed
 * courtesy lines, must say what some source sentence says. The measure is containment, not
 * symmetric similarity: how much of the reply sentence is found in the source, so that a reply may
 * say less than the source but not more.
 *
 *   support(S, W) = (tokens(S, W) + grams(S, W)) / 2
 *   tokens(S, W)  = share of the content words of S (stop words dropped, crude stems, a few
 *                   synonyms folded) that occur in W
 *   grams(S, W)   = share of the character 4-grams of S (lower case, punctuation as spaces, so
 *                   grams span word boundaries and keep word order) that occur in W
 *
 * W is one source sentence, one clause of it, or two adjacent sentences of the same source (a reply
 * may keep one clause or merge two sentences).
 * A sentence whose negation does not match its best window ("you can" vs "you cannot") gets no
 * support. The threshold and why: docs/safety-measurements.md ("Grounded send").
 */
import type { SourceSentence } from './run-sources.js';

/** Tuned on test/fixtures/grounding/*.jsonl; see docs/safety-measurements.md. */
export const SUPPORT_THRESHOLD = 0.6;
const GRAM = 4;

export interface SentenceSupport {
  sentence: string;
  /** greeting / sign-off / courtesy sentences need no source. */
  kind: 'claim' | 'greeting' | 'sign-off' | 'courtesy';
  score: number;
  /** The best supporting source sentence ids (one or two). */
  sourceIds: string[];
  /**
   * The text of every window that supports the sentence on its own (score at the threshold or
   * above); windows of one sentence when any supports it, else the two-sentence ones, so that a
   * fact of the neighbouring sentence does not ride along.
   */
  supportingTexts: string[];
  /**
   * The sentences of those windows with their neighbours in the same source: a reply sentence may
   * join a clause of the next sentence to its own ("..., and the number is checked when you save it").
   */
  context: string;
}

const GREETING = /^(?:hi|hello|hey|dear|good\s+(?:morning|afternoon|evening))(?:\s+[\p{L}'’-]+){0,3}\s*[,!.:]?$/iu;
const SIGN_OFF =
  /^(?:(?:best|kind|warm|warmest)\s+regards|regards|best(?:\s+wishes)?|all\s+the\s+best|many\s+thanks|thanks(?:\s+again)?|thank\s+you|cheers|sincerely|yours\s+sincerely|take\s+care)\s*[,!.]?$|^(?:the\s+)?northwind(?:\s+goods)?(?:\s+customer)?\s+(?:(?:support|care|service|help\s*desk)(?:\s+team)?|team)\s*[.!]?$/i;
/** Courtesy lines that state nothing: a small fixed set, not a pattern a model can fill with claims. */
const COURTESY = [
  /^thanks?(?:\s+you)?\s+(?:so\s+much\s+|very\s+much\s+)?for\s+(?:getting\s+in\s+touch|reaching\s+out|contacting\s+(?:us|northwind(?:\s+support)?)|checking\s+in|your\s+(?:message|patience|question|email))(?:\s+with\s+us)?\s*[.!]?$/i,
  /^(?:i\s+|we\s+)?hope\s+(?:this|that)\s+helps\s*[.!]?$/i,
  /^(?:please\s+)?(?:let\s+us\s+know|feel\s+free\s+to\s+(?:reply|get\s+in\s+touch|reach\s+out))(?:\s+if\s+you\s+have\s+any\s+(?:other|further|more)\s+questions)?\s*[.!]?$/i,
  /^if\s+you\s+have\s+any\s+(?:other|further|more)\s+questions,?\s+(?:just\s+)?(?:reply\s+to\s+this\s+(?:email|message)|let\s+us\s+know)\s*[.!]?$/i,
  /^(?:(?:we\s+are|we're|i\s+am|i'm)\s+)?(?:happy|glad)\s+to\s+help\s*[.!]?$/i,
  /^(?:(?:i'm|i\s+am|we're|we\s+are)\s+)?sorry\s+(?:for|about)\s+the\s+(?:trouble|inconvenience|hassle|confusion)\s*[.!]?$/i,
  /^(?:(?:i'm|i\s+am|we're|we\s+are)\s+)?sorry\s+(?:to\s+hear\s+that|about\s+that)\s*[.!]?$/i,
  // Openers that answer nothing: not "yes", "of course" or "absolutely", which agree to something.
  /^(?:good|great)\s+question\s*[.!]?$|^no\s+problem(?:\s+at\s+all)?\s*[.!]?$|^thanks?(?:\s+you)?\s+for\s+asking\s*[.!]?$/i,
];

const STOP_WORDS = new Set(
  (
    'a an the and or but if then than so to of in on at by for from with into onto as is are was were be been being am do does did ' +
    'it its this that these those there here you your yours we our us i me my he she they them their his her ' +
    'can could will would shall should may might must just also only very really please any some all each every ' +
    'what which who whom whose when where why how up down out over about again further once too more most such own same ' +
    'have has had having let lets yes sure ll ve re d s m t'
  ).split(' '),
);
const NEGATION = /\b(?:not|no|never|cannot|nothing|none|neither|nor|without)\b|n['’]t\b/i;

/** Words that mean the same in support text, folded to one. A short list, not a thesaurus. */
const SYNONYMS: Record<string, string> = {
  click: 'press', tap: 'press', hit: 'press', select: 'press', choose: 'press', pick: 'press',
  receive: 'get', obtain: 'get',
  e: 'email', mail: 'email', inbox: 'email',
  purchase: 'order', purchases: 'order', bought: 'order', buy: 'order',
  parcel: 'package', shipment: 'package',
  refunds: 'refund', refunded: 'refund',
  within: 'in', minute: 'minute', minutes: 'minute', hour: 'hour', hours: 'hour', day: 'day', days: 'day',
  signin: 'sign', login: 'sign', log: 'sign',
  page: 'page', screen: 'page', website: 'site', web: 'site',
  go: 'open', head: 'open', visit: 'open', navigate: 'open',
};

export function splitSentences(text: string): string[] {
  return text
    .normalize('NFKC')
    // List markers are layout, not sentences: "1. Go to ..." is the sentence "Go to ...".
    .replace(/^[ \t]*(?:\d{1,2}[.)]|[-*•])[ \t]+/gm, '')
    .split(/\n+|(?<=[.!?])\s+(?=[^\s])/)
    .map((sentence) => sentence.replace(/^[\s>*#-]+|\s+$/g, '').replace(/^\d+[.)]\s+/, ''))
    .filter((sentence) => /[\p{L}\p{N}]/u.test(sentence));
}

function stem(word: string): string {
  const folded = SYNONYMS[word] ?? word;
  if (folded.length <= 4) return folded;
  const stemmed = folded.replace(/(?:ing|edly|ed|es|s|ly)$/, '');
  return stemmed.length >= 3 ? stemmed : folded;
}

/**
 * Stems by word, kept between tickets: the agreement check stems every word of a window again for
 * each sentence it supports, and the words of a support text are a small set. Bounded: past the
 * limit the table starts again. `null` is a stop word.
 */
const stemsByWord = new Map<string, string | null>();
export const STEM_CACHE_LIMIT = 50_000;

/** The folded stem of a content word, or undefined for a stop word: the agreement check compares words this way too. */
export function contentStem(word: string): string | undefined {
  let known = stemsByWord.get(word);
  if (known === undefined) {
    if (stemsByWord.size >= STEM_CACHE_LIMIT) stemsByWord.clear();
    const lower = word.toLowerCase().replace(/’/g, "'");
    stemsByWord.set(word, (known = STOP_WORDS.has(lower) ? null : stem(lower)));
  }
  return known ?? undefined;
}

/** How many words the stem table holds (for tests). */
export function stemCacheSize(): number {
  return stemsByWord.size;
}

function contentWords(text: string): string[] {
  return (text.toLowerCase().replace(/’/g, "'").match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => !STOP_WORDS.has(word)).map(stem);
}

function grams(text: string): Set<string> {
  const flat = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
  const set = new Set<string>();
  for (let index = 0; index + GRAM <= flat.length; index += 1) set.add(flat.slice(index, index + GRAM));
  return set;
}

/**
 * Where a source sentence splits into clauses that are windows of their own: every break a reply's
 * clause may be cut at (CLAUSE_BREAK below) is one here too, so a clause copied from a source always
 * finds itself.
 */
const SOURCE_CLAUSE_BREAK = /(?<!\s)\s*[;:]\s+|,\s+(?:but|so|and|while|which|or|plus)\s+|,\s+(?=if\s)/i;

interface PreparedWindow {
  ids: string[];
  text: string;
  negated: boolean;
  reading: WindowReading;
  /** Made only of shared sentences: its scores may be kept between tickets. */
  shared: boolean;
}

/** The windows of a run, in order: a sentence is scored against each by its words' and grams' shares. */
export interface PreparedWindows {
  windows: PreparedWindow[];
}

/** A window's text as sentence support reads it. */
interface WindowReading {
  /** The text read (for a shared window, the one copy its table keeps). */
  text: string;
  words: ReadonlySet<string>;
  grams: ReadonlySet<string>;
  negated: boolean;
}

function readWindow(text: string): WindowReading {
  return { text, words: new Set(contentWords(text)), grams: grams(text), negated: NEGATION.test(text) };
}

/**
 * Readings of windows made only of shared sentences (the KB's, the same for every customer on a
 * plan: RunSources.shared), kept between tickets: most of a run's windows are these, and reading them
 * was most of the grounding's work. A reading depends on nothing but the text, so it cannot go stale;
 * past the limit the table starts again.
 */
const sharedReadings = new Map<string, WindowReading>();
export const SHARED_READINGS_LIMIT = 20_000;

function sharedReading(text: string): WindowReading {
  let reading = sharedReadings.get(text);
  if (!reading) {
    if (sharedReadings.size >= SHARED_READINGS_LIMIT) sharedReadings.clear();
    sharedReadings.set(text, (reading = readWindow(text)));
  }
  return reading;
}

/**
 * The score of a text (a reply's sentence or clause) in a shared window, kept between tickets by
 * text and window: replies are made of the knowledge base's answers and scored against its
 * sentences, so the same pairs come back ticket after ticket. A score depends on nothing but the two
 * texts; past the limit (pairs in all) the table starts again.
 */
const sharedScores = new Map<string, Map<string, number>>();
let sharedScoreCount = 0;
export const SHARED_SCORES_LIMIT = 100_000;

/** How many (text, shared window) scores the table holds (for tests). */
export function sharedScoreCacheSize(): number {
  return sharedScoreCount;
}

export function prepareWindows(sources: readonly SourceSentence[], shared: ReadonlySet<string> = new Set()): PreparedWindows {
  const prepared: PreparedWindows = { windows: [] };
  const prepare = (members: SourceSentence[], isShared: boolean) => {
    const text = members.map((member) => member.text).join(' ');
    const reading = isShared ? sharedReading(text) : readWindow(text);
    prepared.windows.push({ ids: members.map((member) => member.id), text, negated: reading.negated, reading, shared: isShared });
  };
  sources.forEach((source, index) => {
    const isShared = shared.has(source.text);
    prepare([source], isShared);
    // Each clause on its own too: a reply may keep one clause of a sentence whose other clause is negated.
    // The leading \s* starts only where the whitespace starts ((?<!\s)): from every position of a long
    // run of spaces it would rescan the run to its end, quadratic in the run.
    const clauses = source.text.split(SOURCE_CLAUSE_BREAK).filter((clause) => /[\p{L}\p{N}]/u.test(clause));
    if (clauses.length > 1) for (const clause of clauses) prepare([{ id: source.id, text: clause }], isShared);
    const next = sources[index + 1];
    if (next && next.id.split('#')[0] === source.id.split('#')[0]) prepare([source, next], isShared && shared.has(next.text));
  });
  return prepared;
}

/** "Hi Ada, thanks for reaching out!": a greeting and a courtesy line on one line. */
const GREETING_THEN_REST = /^((?:hi|hello|hey|dear)(?:\s+[\p{L}'’-]+){0,3})\s*[,!]\s+(.+)$/iu;

export function classifySentence(sentence: string): SentenceSupport['kind'] {
  if (GREETING.test(sentence)) return 'greeting';
  const joined = GREETING_THEN_REST.exec(sentence);
  if (joined && COURTESY.some((pattern) => pattern.test(joined[2]!))) return 'greeting';
  if (SIGN_OFF.test(sentence)) return 'sign-off';
  if (COURTESY.some((pattern) => pattern.test(sentence))) return 'courtesy';
  return 'claim';
}

export function supportOf(
  sentence: string,
  prepared: PreparedWindows,
): { score: number; sourceIds: string[]; supportingTexts: string[]; supportingIds: string[] } {
  const { windows } = prepared;
  let reading: TextReading | undefined;
  const read = () => (reading ??= textReadingOf(sentence));
  let kept = sharedScores.get(sentence);
  let best = { score: 0, sourceIds: [] as string[] };
  const single: PreparedWindow[] = [];
  const paired: PreparedWindow[] = [];
  for (const window of windows) {
    let score = window.shared ? kept?.get(window.reading.text) : undefined;
    if (score === undefined) {
      score = scoreIn(read(), window);
      if (window.shared) {
        if (sharedScoreCount >= SHARED_SCORES_LIMIT) {
          sharedScores.clear();
          sharedScoreCount = 0;
          kept = undefined;
        }
        if (!kept) sharedScores.set(sentence, (kept = new Map()));
        // Keyed on the reading's copy of the text, which its table keeps anyway: not this run's copy.
        kept.set(window.reading.text, score);
        sharedScoreCount += 1;
      }
    }
    if (score > best.score) best = { score, sourceIds: window.ids };
    if (score >= SUPPORT_THRESHOLD) (window.ids.length > 1 ? paired : single).push(window);
  }
  const supporting = single.length > 0 ? single : paired;
  return {
    score: Number(best.score.toFixed(3)),
    sourceIds: best.sourceIds,
    supportingTexts: supporting.map((window) => window.text),
    supportingIds: [...new Set(supporting.flatMap((window) => window.ids))],
  };
}

/**
 * How much of the sentence the window holds: the share of its content words (with repeats) and of
 * its distinct 4-grams found in the window, averaged; nothing when their negations differ.
 */
function scoreIn(sentence: { words: readonly string[]; grams: ReadonlySet<string>; negated: boolean }, window: PreparedWindow): number {
  if (window.negated !== sentence.negated) return 0;
  let wordHits = 0;
  for (const word of sentence.words) if (window.reading.words.has(word)) wordHits += 1;
  let gramHits = 0;
  for (const gram of sentence.grams) if (window.reading.grams.has(gram)) gramHits += 1;
  const tokenShare = sentence.words.length === 0 ? 1 : wordHits / sentence.words.length;
  const gramShare = sentence.grams.size === 0 ? 1 : gramHits / sentence.grams.size;
  return (tokenShare + gramShare) / 2;
}

function containmentIn(words: readonly string[], sentenceGrams: ReadonlySet<string>, window: { words: ReadonlySet<string>; grams: ReadonlySet<string> }): number {
  const tokenShare = words.length === 0 ? 1 : words.filter((word) => window.words.has(word)).length / words.length;
  let shared = 0;
  for (const gram of sentenceGrams) if (window.grams.has(gram)) shared += 1;
  const gramShare = sentenceGrams.size === 0 ? 1 : shared / sentenceGrams.size;
  return (tokenShare + gramShare) / 2;
}

/** The support measure of `text` in `windowText`, whatever the negations: how much of it the window holds. */
export function containment(text: string, windowText: string): number {
  return containmentIn(contentWords(text), grams(text), { words: new Set(contentWords(windowText)), grams: grams(windowText) });
}

/**
 * A clause joined to a supported sentence ("..., and it also changes orders you already placed")
 * rides on the support of the rest: each clause of three content words or more must be supported
 * on its own too. The sentence's score is then its weakest clause's.
 */
const CLAUSE_BREAK = /,\s+(?=(?:and|but|so|while|which|or|plus)\s)|;\s+/i;
const LEADING_CONJUNCTION = /^(?:and|but|so|while|which|or|plus)\s+/i;
const MIN_CLAUSE_WORDS = 3;

function neighbourhood(ids: readonly string[], sources: readonly SourceSentence[]): string {
  const positions = new Set<number>();
  for (const id of ids) {
    const index = sources.findIndex((source) => source.id === id);
    if (index === -1) continue;
    const article = id.split('#')[0];
    for (const near of [index - 1, index, index + 1]) if (sources[near]?.id.split('#')[0] === article) positions.add(near);
  }
  return [...positions].sort((a, b) => a - b).map((index) => sources[index]!.text).join(' ');
}

/** `shared`: the source texts whose readings may be kept between tickets (RunSources.shared). */
export function assessSentences(reply: string, sources: readonly SourceSentence[], shared?: ReadonlySet<string>): SentenceSupport[] {
  const sentences = splitSentences(reply).map((sentence) => ({ sentence, ...replySentenceOf(sentence) }));
  const windows = prepareWindows(sources, shared);
  return sentences.map(({ sentence, kind, clauses }) => {
    if (kind !== 'claim') return { sentence, kind, score: 1, sourceIds: [], supportingTexts: [], context: '' };
    const { supportingIds, ...support } = supportOf(sentence, windows);
    const whole = { ...support, context: neighbourhood(supportingIds, sources) };
    if (whole.score < SUPPORT_THRESHOLD || clauses.length < 2) return { sentence, kind, ...whole };
    const weakest = Math.min(...clauses.map((clause) => supportOf(clause, windows).score));
    return { sentence, kind, ...whole, score: Math.min(whole.score, weakest) };
  });
}

/** A reply sentence's or clause's words, grams and negation, as a window's are read. */
interface TextReading {
  words: readonly string[];
  grams: ReadonlySet<string>;
  negated: boolean;
}

/**
 * Readings of reply sentences kept between tickets: what kind of sentence it is with its clauses,
 * and its words and grams. Replies are made of the knowledge base's answers, so their sentences
 * come back ticket after ticket (as the shared scores above are kept by sentence); a reading
 * depends on nothing but the text. Past the limit a table starts again. What is kept is shared
 * and must not be changed.
 */
export const REPLY_SENTENCE_READINGS_LIMIT = 20_000;
const replySentences = new Map<string, { kind: SentenceSupport['kind']; clauses: readonly string[] }>();
const textReadings = new Map<string, TextReading>();

function keptReading<V>(table: Map<string, V>, text: string, read: (text: string) => V): V {
  let value = table.get(text);
  if (value === undefined) {
    if (table.size >= REPLY_SENTENCE_READINGS_LIMIT) table.clear();
    table.set(text, (value = read(text)));
  }
  return value;
}

function replySentenceOf(sentence: string): { kind: SentenceSupport['kind']; clauses: readonly string[] } {
  return keptReading(replySentences, sentence, (text) => ({ kind: classifySentence(text), clauses: clausesOf(text) }));
}

function textReadingOf(text: string): TextReading {
  return keptReading(textReadings, text, (read) => ({ words: contentWords(read), grams: grams(read), negated: NEGATION.test(read) }));
}

/** How many reply sentences and texts the tables hold (for tests). */
export function replySentenceReadingsSize(): { sentences: number; texts: number } {
  return { sentences: replySentences.size, texts: textReadings.size };
}

function clausesOf(sentence: string): string[] {
  return sentence
    .split(CLAUSE_BREAK)
    .map((clause) => clause.replace(LEADING_CONJUNCTION, ''))
    .filter((clause) => contentWords(clause).length >= MIN_CLAUSE_WORDS);
}
