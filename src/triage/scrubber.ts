/**
 * The PII and secret scrubber: everything the product stores or logs (tickets, audit events,
 * outbox rows, logs) passes through it. Replacements name what was there (`[email:***@example.com]`,
 * `[card:****4242]`, `[secret:openai]`, `[password]`) so a reader still understands the ticket, and
 * they are never detected again, so scrubbing twice changes nothing.
 *
 * Detectors live in scrubber-secrets.ts, scrubber-passwords.ts, scrubber-financial.ts and
 * scrubber-contacts.ts; every regex there is linear-time (see docs/scrubbing.md).
 */
import { detectPii } from './scrubber-detect.js';
import { PII_KINDS, type PiiKind, type PiiMatch } from './scrubber-types.js';
import type { Ticket } from './types.js';

export { detectPii };
export { PII_KINDS };
export type { PiiKind, PiiMatch };

export interface ScrubOptions {
  /** Only these kinds are scrubbed; all of them when absent. */
  kinds?: readonly PiiKind[];
  /**
   * More object keys (besides password, secret, token, apiKey, authorization, ...) whose whole value
   * scrubValue replaces, compared after dropping case, `_`, `-` and spaces.
   */
  sensitiveKeys?: readonly string[];
  /** Nesting depth past which scrubValue replaces a value instead of walking it. Default 64. */
  maxDepth?: number;
  /**
   * Also copy the own fields of class instances into scrubbed plain objects (logs, where an
   * instance is only ever serialised), and URLs into scrubbed strings. Dates, buffers, typed
   * arrays and regexes stay as they are.
   */
  walkInstances?: boolean;
}

export interface ScrubResult {
  text: string;
  findings: { kind: PiiKind; count: number }[];
}

export interface Scrubber {
  text(text: string): string;
  value<T>(value: T): T;
}

const PASSWORD_REPLACEMENT = '[password]';
const SECRET_REPLACEMENT = '[secret:redacted]';
const DEPTH_REPLACEMENT = '[truncated]';

export function scrubText(text: string, options: ScrubOptions = {}): ScrubResult {
  const matches = detectPii(text, kindSet(options));
  return { text: applyMatches(text, matches), findings: countFindings(matches) };
}

/** What is stored of a ticket: the customer's subject and body with secrets and PII scrubbed. */
export function scrubTicket(ticket: Ticket): Ticket {
  return {
    ...ticket,
    subject: ticket.subject === undefined ? undefined : scrubText(ticket.subject).text,
    body: scrubText(ticket.body).text,
  };
}

/**
 * A scrubbed deep copy: every string inside objects, arrays, maps and sets is scrubbed, and keys
 * named like a credential (password, secret, token, apiKey, authorization, cookie, ...) have their
 * whole value replaced, whatever it is, except booleans, null and, under secret-like keys, numbers. Errors become plain objects with their name, message and stack scrubbed. Cycles are
 * kept as cycles. Other class instances (Date, Buffer, ...) are returned as they are.
 */
export function scrubValue<T>(value: T, options: ScrubOptions = {}): T {
  return walk(value, settingsOf(options), 0, new WeakMap()) as T;
}

/** One configured scrubber for hooks that call it many times (pino formatters, the audit store). */
export function createScrubber(options: ScrubOptions = {}): Scrubber {
  const settings = settingsOf(options);
  return {
    text: (text) => applyMatches(text, detectPii(text, settings.kinds)),
    value: <T>(value: T): T => walk(value, settings, 0, new WeakMap()) as T,
  };
}

interface Settings {
  kinds: ReadonlySet<PiiKind> | undefined;
  extraKeys: ReadonlySet<string>;
  maxDepth: number;
  walkInstances: boolean;
}

function settingsOf(options: ScrubOptions): Settings {
  return {
    kinds: kindSet(options),
    extraKeys: new Set((options.sensitiveKeys ?? []).map(normaliseKey)),
    maxDepth: options.maxDepth ?? 64,
    walkInstances: options.walkInstances ?? false,
  };
}

function kindSet(options: ScrubOptions): ReadonlySet<PiiKind> | undefined {
  return options.kinds ? new Set(options.kinds) : undefined;
}

function applyMatches(text: string, matches: readonly PiiMatch[]): string {
  if (matches.length === 0) return text;
  const parts: string[] = [];
  let position = 0;
  for (const match of matches) {
    parts.push(text.slice(position, match.start), match.replacement);
    position = match.end;
  }
  parts.push(text.slice(position));
  return parts.join('');
}

function countFindings(matches: readonly PiiMatch[]): ScrubResult['findings'] {
  const counts = new Map<PiiKind, number>();
  for (const match of matches) counts.set(match.kind, (counts.get(match.kind) ?? 0) + 1);
  return PII_KINDS.filter((kind) => counts.has(kind)).map((kind) => ({ kind, count: counts.get(kind)! }));
}

function walk(value: unknown, settings: Settings, depth: number, copies: WeakMap<object, unknown>): unknown {
  if (typeof value === 'string') return applyMatches(value, detectPii(value, settings.kinds));
  if (typeof value !== 'object' || value === null) return value;
  const existing = copies.get(value);
  if (existing !== undefined) return existing;
  if (depth >= settings.maxDepth) return DEPTH_REPLACEMENT;
  const next = depth + 1;

  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    copies.set(value, copy);
    for (const item of value) copy.push(walk(item, settings, next, copies));
    return copy;
  }
  if (value instanceof Map) {
    const copy = new Map<unknown, unknown>();
    copies.set(value, copy);
    for (const [key, item] of value) {
      const scrubbedKey = walk(key, settings, next, copies);
      copy.set(scrubbedKey, typeof key === 'string' ? walkField(key, item, settings, next, copies) : walk(item, settings, next, copies));
    }
    return copy;
  }
  if (value instanceof Set) {
    const copy = new Set<unknown>();
    copies.set(value, copy);
    for (const item of value) copy.add(walk(item, settings, next, copies));
    return copy;
  }
  if (value instanceof Error) {
    const copy: Record<string, unknown> = {};
    copies.set(value, copy);
    copy.name = value.name;
    copy.message = walk(value.message, settings, next, copies);
    if (value.stack !== undefined) copy.stack = walk(value.stack, settings, next, copies);
    if (value.cause !== undefined) copy.cause = walk(value.cause, settings, next, copies);
    for (const [key, item] of Object.entries(value)) copy[key] = walkField(key, item, settings, next, copies);
    return copy;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    if (!settings.walkInstances || isOpaqueInstance(value)) return value;
    if (value instanceof URL) return applyMatches(value.href, detectPii(value.href, settings.kinds));
  }

  const copy: Record<string, unknown> = prototype === null ? Object.create(null) : {};
  // With walkInstances, a class instance becomes a plain object of its own enumerable fields.
  copies.set(value, copy);
  for (const [key, item] of Object.entries(value)) {
    copy[applyMatches(key, detectPii(key, settings.kinds))] = walkField(key, item, settings, next, copies);
  }
  return copy;
}

/** Values whose fields say nothing (or are bytes): logged as they are. */
function isOpaqueInstance(value: object): boolean {
  return value instanceof Date || value instanceof RegExp || ArrayBuffer.isView(value) || value instanceof ArrayBuffer || value instanceof Promise;
}

function walkField(key: string, item: unknown, settings: Settings, depth: number, copies: WeakMap<object, unknown>): unknown {
  const sensitivity = keySensitivity(key, settings.extraKeys);
  // Booleans and null hide nothing (`passwordReset: true`); a count under a token-ish key
  // (`tokenCount: 3`) is not a token, while a numeric PIN or password is still a password.
  const harmless =
    item === null || item === undefined || typeof item === 'boolean' || (sensitivity === 'secret' && typeof item === 'number');
  if (sensitivity === undefined || harmless) return walk(item, settings, depth, copies);
  return sensitivity === 'password' ? PASSWORD_REPLACEMENT : SECRET_REPLACEMENT;
}

const PASSWORD_WORDS = new Set(['password', 'passwords', 'passwd', 'pwd', 'passcode', 'passphrase', 'pin']);
const SECRET_WORDS = new Set(['secret', 'secrets', 'token', 'apikey', 'authorization', 'cookie', 'cookies', 'credential', 'credentials', 'jwt', 'otp']);
/** Two-word names: `apiKey`, `private_key`, `set-cookie`, `client secret`. */
const SECRET_PAIRS = new Set(['api key', 'private key', 'access key', 'secret key', 'signing key', 'encryption key', 'session id', 'set cookie']);

/**
 * Splits a key into words (camelCase, snake_case, kebab-case) and looks for credential words.
 * `inputTokens` and `maxOutputTokens` are counts, not tokens, which is why `tokens` is not a word here.
 */
function keySensitivity(key: string, extraKeys: ReadonlySet<string>): 'password' | 'secret' | undefined {
  if (extraKeys.has(normaliseKey(key))) return 'secret';
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
  if (words.some((word) => PASSWORD_WORDS.has(word)) || (words.length === 1 && words[0] === 'pass')) return 'password';
  if (words.some((word) => SECRET_WORDS.has(word))) return 'secret';
  if (words.at(-1) === 'auth') return 'secret';
  for (let index = 0; index + 1 < words.length; index += 1) {
    if (SECRET_PAIRS.has(`${words[index]} ${words[index + 1]}`)) return 'secret';
  }
  return undefined;
}

function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[\s_-]+/g, '');
}
