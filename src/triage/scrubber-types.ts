/** Types shared by the scrubber's detectors. The public surface is re-exported by scrubber.ts. */
import { allMatches } from './regex-matches.js';

export type PiiKind =
  | 'email'
  | 'phone'
  | 'card'
  | 'iban'
  | 'api_key'
  | 'aws_key'
  | 'jwt'
  | 'bearer'
  | 'basic_auth'
  | 'password'
  | 'private_key'
  | 'national_id'
  | 'bank_account';

export const PII_KINDS: readonly PiiKind[] = [
  'email',
  'phone',
  'card',
  'iban',
  'api_key',
  'aws_key',
  'jwt',
  'bearer',
  'basic_auth',
  'password',
  'private_key',
  'national_id',
  'bank_account',
];

/** One finding: the span of the original text to replace and what replaces it. */
export interface PiiMatch {
  kind: PiiKind;
  start: number;
  end: number;
  value: string;
  replacement: string;
  /**
   * Wins overlaps: a key inside "password: sk-..." is reported once, as the more specific kind.
   * Secrets rank above personal data so that a secret is never left half-replaced.
   */
  priority: number;
}

export interface Detector {
  readonly kinds: readonly PiiKind[];
  find(text: string): Iterable<PiiMatch>;
}

/** Runs a global regex with indices (`d` flag) and yields each match; a cloned iterator per call. */
export function* matchesOf(pattern: RegExp, text: string): Generator<RegExpMatchArray & { indices: [number, number][] }> {
  for (const match of allMatches(text, pattern)) {
    yield match as RegExpMatchArray & { indices: [number, number][] };
  }
}

/** Matches of our own replacements, so that scrubbing scrubbed text changes nothing. */
export const MARKER = /^\[(?:password|(?:secret|email|phone|card|iban|national-id|account):[^\]\s]{0,80})\]/;
