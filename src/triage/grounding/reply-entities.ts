/**
 * The facts a reply states that must each come from somewhere: numbers, dates, money amounts,
 * percentages, emails (also spelled "ada at example dot com"), phone numbers, links and domains
 * (also protocol-relative "//host" and bare IP addresses), order ids (also "A 1001" or with a Greek
 * capital alpha), tracking numbers and person names. Each entity gets a normalised key, so "A-1001",
 * "a 1001" and "Α1001" are one order id and "€12.00" and "12 EUR" are one amount. The same
 * extractor runs over the reply and over the run's sources; a key in the reply and not in the
 * sources is ungrounded.
 */
import { memoised } from '../ticket-memo.js';
import { allMatches } from '../regex-matches.js';
import { skeleton } from './canonical-text.js';

export type EntityKind =
  | 'email'
  | 'phone'
  | 'link'
  | 'order-id'
  | 'tracking-number'
  | 'money'
  | 'percentage'
  | 'date'
  | 'number'
  | 'name';

export interface Entity {
  kind: EntityKind;
  /** As written in the text. */
  text: string;
  /** Normalised; for dates "MM-DD" or "YYYY-MM-DD" or a weekday or relative word. */
  key: string;
}

/** Entities that identify a person: in a reply they must be this customer's own. */
export const PERSONAL_KINDS: ReadonlySet<EntityKind> = new Set(['email', 'phone', 'order-id', 'tracking-number', 'name']);

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const DAY = String.raw`(?:[0-3]?\d)(?:st|nd|rd|th)?`;
const WEEKDAY = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|overnight|next\s+(?:week|month|day)|end\s+of\s+(?:the\s+)?(?:week|day|month))\b/gi;

interface Pattern {
  kind: EntityKind;
  pattern: RegExp;
  key: (match: RegExpMatchArray) => string | undefined;
}

const lower = (text: string) => text.toLowerCase();
const alphanumeric = (text: string) => skeleton(text).toUpperCase().replace(/[^A-Z0-9]/g, '');
const plainNumber = (text: string) => {
  const compact = text.replace(/\s/g, '');
  // "1,234.50" and "1.234,50" are one amount; a lone separator before exactly three digits groups thousands.
  const decimal = /[.,](\d{1,2})$/.exec(compact);
  const integer = (decimal ? compact.slice(0, decimal.index) : compact).replace(/[.,]/g, '');
  const fraction = decimal?.[1]?.replace(/0+$/, '') ?? '';
  return `${String(Number(integer))}${fraction ? `.${fraction}` : ''}`;
};

function hostOf(text: string): string {
  const withoutScheme = text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^\/\//, '');
  const host = withoutScheme.split(/[/?#:\s]/)[0] ?? '';
  return skeleton(host).toLowerCase().replace(/\.$/, '').replace(/^www\./, '');
}

/**
 * A link's key is its host and path ("northwind.example/refund-policy"): an approved host does not
 * approve every page on it ("northwind.example/free-gift"). Sentence punctuation is not the path.
 * A scheme other than https stays in the key: "http://help.northwind.example/..." is the approved
 * page fetched without TLS, which anyone on the customer's network can rewrite.
 */
function linkKey(text: string): string {
  const trimmed = text.replace(/[.,;:!?'"*_)]+$/, '');
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(trimmed)?.[1]?.toLowerCase();
  const withoutScheme = trimmed.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^\/\//, '');
  const slash = withoutScheme.search(/[/?#]/);
  const path = slash < 0 ? '' : withoutScheme.slice(slash).replace(/\/+$/, '').toLowerCase();
  return `${scheme && scheme !== 'https' ? `${scheme}://` : ''}${hostOf(trimmed)}${path}`;
}

function dateKey(day: string | undefined, month: string | undefined, year: string | undefined): string | undefined {
  const monthIndex = month === undefined ? -1 : MONTHS.findIndex((name) => name.startsWith(month.toLowerCase().slice(0, 3)));
  if (monthIndex < 0) return undefined;
  const mm = String(monthIndex + 1).padStart(2, '0');
  const dd = day ? String(Number.parseInt(day, 10)).padStart(2, '0') : '';
  return [year, mm, dd].filter(Boolean).join('-');
}

const PATTERNS: readonly Pattern[] = [
  // Links first: their digits and dots are not numbers or emails.
  { kind: 'link', pattern: /\b[a-z][a-z0-9+.-]{1,15}:\/\/[^\s<>"'`)\]]+/gi, key: (match) => linkKey(match[0]) },
  { kind: 'link', pattern: /(?<![\w:/])\/\/[a-z0-9\p{L}-]+(?:\.[a-z0-9\p{L}-]+)+[^\s<>"'`)\]]*/giu, key: (match) => linkKey(match[0]) },
  { kind: 'link', pattern: /\b(?:\d{1,3}\.){3}\d{1,3}(?::\d{1,5})?(?:\/[^\s<>"'`)\]]*)?/g, key: (match) => linkKey(match[0]) },
  // Emails, written or spelled out ("ada at example dot com", "ada [at] example [dot] com").
  { kind: 'email', pattern: /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){1,8}/gu, key: (match) => skeleton(match[0]).toLowerCase() },
  {
    kind: 'email',
    pattern: /(?<![\p{L}\p{N}._%+-])([\p{L}\p{N}._%+-]{1,64})[ \t]{0,3}[([{<]?[ \t]{0,3}(?:at|@)[ \t]{0,3}[)\]}>]?[ \t]{0,3}([\p{L}\p{N}-]{1,63})((?:[ \t]{0,3}[([{<]?[ \t]{0,3}(?:dot|\.)[ \t]{0,3}[)\]}>]?[ \t]{0,3}[\p{L}\p{N}-]{1,63}){1,4})/giu,
    key: (match) => {
      const domainParts = (match[3] ?? '').split(/\s*[([{<]?\s*(?:dot|\.)\s*[)\]}>]?\s*/i).filter(Boolean);
      // "at" plus at least one spelled "dot": "look at the page. Then" is not an address.
      if (!/dot/i.test(match[3] ?? '') && !match[0].includes('@')) return undefined;
      return skeleton(`${match[1]}@${[match[2], ...domainParts].join('.')}`).toLowerCase();
    },
  },
  {
    kind: 'link',
    pattern: /(?<![\w@./:-])(?:www\.)?(?:[a-z0-9\p{L}](?:[a-z0-9\p{L}-]{0,61}[a-z0-9\p{L}])?\.){1,8}[a-z\p{L}]{2,24}(?![\w@-]|\.[a-z0-9])(?:\/[^\s<>"'`)\]]*)?/giu,
    key: (match) => {
      const host = hostOf(match[0]);
      // "e.g", "i.e" and a file name such as "invoice.pdf" stay words; a host has a known kind of ending.
      const ending = host.slice(host.lastIndexOf('.') + 1);
      return /^[a-z]{2,24}$/.test(ending) && !/^(?:pdf|png|jpe?g|csv|txt|docx?|xlsx?|zip)$/.test(ending) ? linkKey(match[0]) : undefined;
    },
  },
  // Dates before numbers.
  { kind: 'date', pattern: /\b(\d{4})-(\d{2})-(\d{2})\b/g, key: (match) => `${match[1]}-${match[2]}-${match[3]}` },
  {
    kind: 'date',
    // "14/03", "14/03/2026", "14.03.2026" (a dot needs the year: "12.00" is an amount).
    pattern: /\b(\d{1,2})(?:\/(\d{1,2})(?:\/(\d{2,4}))?|\.(\d{1,2})\.(\d{4}))\b(?![.,]\d)/g,
    key: (match) => {
      const first = Number(match[1]);
      const second = Number(match[2] ?? match[4]);
      const written = match[3] ?? match[5];
      if (first > 31 || second > 31 || (first > 12 && second > 12)) return undefined;
      // Day first (the demo's customers are European); ambiguity is harmless: both forms must be in the sources.
      const [day, month] = first > 12 ? [first, second] : second > 12 ? [second, first] : [first, second];
      const year = written ? (written.length === 2 ? `20${written}` : written) : undefined;
      return [year, String(month).padStart(2, '0'), String(day).padStart(2, '0')].filter(Boolean).join('-');
    },
  },
  {
    kind: 'date',
    pattern: new RegExp(String.raw`\b(${DAY})\s+(?:of\s+)?(${MONTH})\b\.?(?:,?\s+(\d{4}))?`, 'gi'),
    key: (match) => dateKey(match[1], match[2], match[3]),
  },
  {
    kind: 'date',
    pattern: new RegExp(String.raw`\b(${MONTH})\.?\s+(${DAY})\b(?:,?\s+(\d{4}))?`, 'gi'),
    key: (match) => dateKey(match[2], match[1], match[3]),
  },
  {
    kind: 'date',
    pattern: /\b(january|february|march|april|june|july|august|september|october|november|december)\b(?:\s+(\d{4}))?/gi,
    key: (match) => dateKey(undefined, match[1], match[2]),
  },
  { kind: 'date', pattern: WEEKDAY, key: (match) => lower(match[0]).replace(/\s+/g, ' ') },
  // Order ids: one letter (any script that imitates Latin) and four to six digits, spaces allowed.
  { kind: 'order-id', pattern: /(?<![\p{L}\p{N}])(\p{Lu})[\s-]?(\d{4,6})(?![\p{N}])/gu, key: (match) => alphanumeric(`${match[1]}${match[2]}`) },
  // Tracking numbers: long runs of letters and digits with several digits.
  {
    kind: 'tracking-number',
    pattern: /(?<![\p{L}\p{N}])[\p{L}\p{N}]{8,34}(?![\p{L}\p{N}])/gu,
    key: (match) => ((match[0].match(/\d/g)?.length ?? 0) >= 3 && /\p{L}/u.test(match[0]) ? alphanumeric(match[0]) : undefined),
  },
  // Phone numbers: seven or more digits with the usual separators.
  { kind: 'phone', pattern: /(?<![\w.])\+?\(?\d[\d\s().-]{5,40}\d(?![\w])/g, key: (match) => {
    const digits = match[0].replace(/\D/g, '');
    return digits.length >= 7 ? digits : undefined;
  } },
  // An amount or percentage written without a sign before it starts only at the first digit of its
  // run of digits, dots and commas ((?=\d)(?<!\d[.,]*)): from every digit of a long run it would
  // rescan the run to its end, quadratic in the run. A later start in the same run never matched.
  {
    kind: 'money',
    pattern: /(?:[€$£]\s?(\d[\d.,]*\d|\d)|(?=\d)(?<!\d[.,]*)(\d[\d.,]*\d|\d)\s?(?:€|\$|£|eur\b|usd\b|gbp\b|euros?\b|dollars?\b|pounds?\b))/gi,
    key: (match) => plainNumber(match[1] ?? match[2] ?? ''),
  },
  { kind: 'percentage', pattern: /(?=\d)(?<!\d[.,]*)(\d[\d.,]*)\s?(?:%|per\s?cent\b|percent\b)/gi, key: (match) => plainNumber(match[1] ?? '') },
  { kind: 'number', pattern: /\d[\d.,]*\d|\d/g, key: (match) => plainNumber(match[0]) },
];

const GREETING_NAME = /^[ \t]*(?:hi|hello|hey|dear|good\s+(?:morning|afternoon|evening))[ \t]+((?:\p{Lu}[\p{L}'’-]*)(?:[ \t]+\p{Lu}[\p{L}'’-]*){0,2})/gimu;
const TITLED_NAME = /\b(?:Mr|Mrs|Ms|Miss|Dr|Mx)\.?\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)/gu;
/**
 * Two or more capitalised words: "ask Grace Hopper", "Alan Turing's order"; grounded when the sources spell them.
 * The lookbehind runs only at a capital ((?=\p{Lu}) first): at every position of a long run of spaces
 * (masked entities are spaces) it would scan back over the run, quadratic in the run.
 */
const CAPITALISED_RUN = /(?=\p{Lu})(?<=^|[\p{Ll}\p{N},;:.!?][ \t]+)(\p{Lu}[\p{Ll}'’-]+(?:[ \t]+\p{Lu}[\p{Ll}'’-]+)+)/gu;

/**
 * Memoised per ticket (ticket-memo.ts): the run's sources, the windows that back a sentence and the
 * reply repeat the same sentences. What it returns is shared and must not be changed.
 */
export function extractEntities(input: string): Entity[] {
  return memoised(extractEntities, input, () => readEntities(input));
}

/**
 * The entities of texts that are the same for every customer (RunSources.shared: the KB's own
 * sentences), kept between tickets. They depend on nothing but the text; past the limit the table
 * starts again.
 */
const keptEntities = new Map<string, Entity[]>();
export const KEPT_ENTITIES_LIMIT = 20_000;

function sharedEntitiesOf(text: string): Entity[] {
  let entities = keptEntities.get(text);
  if (!entities) {
    if (keptEntities.size >= KEPT_ENTITIES_LIMIT) keptEntities.clear();
    keptEntities.set(text, (entities = readEntities(text)));
  }
  return entities;
}

function readEntities(input: string): Entity[] {
  let text = input.normalize('NFKC');
  const entities: Entity[] = [];
  for (const { kind, pattern, key } of PATTERNS) {
    text = text.replace(pattern, (...args: unknown[]) => {
      const match = args.slice(0, -2).filter((value) => typeof value === 'string' || value === undefined) as string[];
      const array = Object.assign([...match], { index: 0, input: text }) as unknown as RegExpMatchArray;
      const value = key(array);
      if (value === undefined) return match[0] ?? '';
      entities.push({ kind, text: match[0] ?? '', key: value });
      // Masked so that the looser patterns below do not count its parts again.
      return ' '.repeat((match[0] ?? '').length);
    });
  }
  for (const pattern of [GREETING_NAME, TITLED_NAME, new RegExp(CAPITALISED_RUN.source, 'gmu')]) {
    for (const match of allMatches(text, pattern)) {
      const name = match[1] ?? '';
      if (/^(?:there|team|all|everyone|customer|friend)$/i.test(name)) continue;
      entities.push({ kind: 'name', text: name, key: skeleton(name).toLowerCase().replace(/\s+/g, ' ') });
    }
  }
  return entities;
}

/** Every key a text grounds, by kind; a date with a year also grounds the same date without it. */
export function entityKeys(texts: Iterable<string>, shared: ReadonlySet<string> = new Set()): Map<EntityKind, Set<string>> {
  const keys = new Map<EntityKind, Set<string>>();
  const add = (kind: EntityKind, key: string) => {
    let set = keys.get(kind);
    if (!set) keys.set(kind, (set = new Set()));
    set.add(key);
  };
  for (const text of texts) {
    for (const entity of shared.has(text) ? sharedEntitiesOf(text) : extractEntities(text)) {
      add(entity.kind, entity.key);
      if (entity.kind === 'date' && /^\d{4}-/.test(entity.key)) add('date', entity.key.slice(5));
      if (entity.kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(entity.key)) add('date', entity.key.slice(0, 7));
      // A page of a host grounds a bare mention of the host.
      if (entity.kind === 'link' && entity.key.includes('/')) add('link', entity.key.slice(0, entity.key.indexOf('/')));
      // An amount or percentage is also a plain number, and the other way round.
      if (entity.kind === 'money' || entity.kind === 'percentage') add('number', entity.key);
    }
  }
  return keys;
}
