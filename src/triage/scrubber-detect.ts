/**
 * Runs every detector over the original text and keeps one finding per span. Detectors never see
 * each other's output, so the order they run in does not matter and scrubbed text is never
 * re-parsed half-way through a pass.
 */
import { normalisedCardDetector } from './scrubber-cards.js';
import { emailDetector, phoneDetector } from './scrubber-contacts.js';
import { contextSecretDetector } from './scrubber-context-secrets.js';
import { entropyDetector } from './scrubber-entropy.js';
import { cardDetector, ibanDetector } from './scrubber-financial.js';
import { joinedView, originalSpan } from './scrubber-joined-view.js';
import { nationalIdDetector } from './scrubber-national-ids.js';
import { passwordDetector } from './scrubber-passwords.js';
import { secretDetector } from './scrubber-secrets.js';
import { secretlintDetector } from './scrubber-secretlint.js';
import type { Detector, PiiKind, PiiMatch } from './scrubber-types.js';
import { TRIGGERS } from './scrubber-triggers.js';

/** Each detector with the cheap test (scrubber-triggers.ts) that text must pass for it to run. */
export const GATED_DETECTORS: readonly { detector: Detector; trigger: RegExp }[] = [
  { detector: secretlintDetector, trigger: TRIGGERS.longToken },
  { detector: secretDetector, trigger: TRIGGERS.secret },
  { detector: contextSecretDetector, trigger: TRIGGERS.contextSecret },
  { detector: entropyDetector, trigger: TRIGGERS.longToken },
  { detector: passwordDetector, trigger: TRIGGERS.password },
  { detector: ibanDetector, trigger: TRIGGERS.iban },
  { detector: cardDetector, trigger: TRIGGERS.threeDigits },
  { detector: normalisedCardDetector, trigger: TRIGGERS.unusualCard },
  { detector: nationalIdDetector, trigger: TRIGGERS.digit },
  { detector: emailDetector, trigger: TRIGGERS.email },
  { detector: phoneDetector, trigger: TRIGGERS.digit },
];

/** Findings in `text`, sorted by position and never overlapping. */
export function detectPii(text: string, kinds?: ReadonlySet<PiiKind>): PiiMatch[] {
  const candidates = runDetectors(text, kinds);
  const view = joinedView(text);
  if (view) {
    // Lower priority than a finding in the text as written: a split value only fills what is left.
    for (const match of runDetectors(view.text, kinds)) {
      const span = originalSpan(view, match.start, match.end);
      if (span.end - span.start === match.end - match.start) continue;
      candidates.push({ ...match, ...span, value: text.slice(span.start, span.end), priority: match.priority - 1 });
    }
  }
  const wrapped = candidates.map((match) => extendOverWrappedLines(text, match));
  return resolveOverlaps([...wrapped, ...repeatsOfSecrets(text, wrapped)]);
}

/** Kinds that are one long token: a line of nothing but token characters right after is its wrapped rest. */
const TOKEN_KINDS: ReadonlySet<PiiKind> = new Set(['api_key', 'aws_key', 'jwt', 'bearer']);
const WRAPPED_REST = /^\r?\n([A-Za-z0-9_\-+/=]{8,200})(?=\r?\n|$)/;
const MAX_WRAPPED_LINES = 8;

function extendOverWrappedLines(text: string, match: PiiMatch): PiiMatch {
  if (!TOKEN_KINDS.has(match.kind)) return match;
  let end = match.end;
  for (let lines = 0; lines < MAX_WRAPPED_LINES; lines += 1) {
    const rest = WRAPPED_REST.exec(text.slice(end, end + 220));
    // Letters and digits mixed: a wrapped key, not a word or a number on the next line.
    if (!rest || !/[A-Za-z]/.test(rest[1]!) || !/\d/.test(rest[1]!)) break;
    end += rest[0].length;
  }
  return end === match.end ? match : { ...match, end, value: text.slice(match.start, end) };
}

function runDetectors(text: string, kinds: ReadonlySet<PiiKind> | undefined): PiiMatch[] {
  const candidates: PiiMatch[] = [];
  for (const { detector, trigger } of GATED_DETECTORS) {
    if (kinds && !detector.kinds.some((kind) => kinds.has(kind))) continue;
    if (!trigger.test(text)) continue;
    for (const match of detector.find(text)) {
      if (match.end <= match.start) continue;
      if (kinds && !kinds.has(match.kind)) continue;
      candidates.push(match);
    }
  }
  return candidates;
}

/** Kinds whose value was only recognised by its label; the same value elsewhere is just as secret. */
const LABELLED_KINDS: ReadonlySet<PiiKind> = new Set(['password', 'bearer', 'basic_auth', 'api_key', 'aws_key', 'national_id', 'bank_account']);
const MAX_REPEATED_VALUES = 50;

/**
 * "my password (Qwerty!234) failed. Password: Qwerty!234": the label finds the second one only.
 * Every other whole-word occurrence of a labelled secret is replaced too, so the value never
 * survives anywhere in the text.
 */
function repeatsOfSecrets(text: string, candidates: readonly PiiMatch[]): PiiMatch[] {
  const values = new Map<string, PiiMatch>();
  for (const candidate of candidates) {
    if (!LABELLED_KINDS.has(candidate.kind) || candidate.value.length < 4 || values.has(candidate.value)) continue;
    values.set(candidate.value, candidate);
    if (values.size >= MAX_REPEATED_VALUES) break;
  }
  const repeats: PiiMatch[] = [];
  for (const [value, original] of values) {
    for (let index = text.indexOf(value); index >= 0; index = text.indexOf(value, index + value.length)) {
      if (index === original.start) continue;
      const end = index + value.length;
      if (/[\p{L}\p{N}]/u.test(text.charAt(index - 1)) || /[\p{L}\p{N}]/u.test(text.charAt(end))) continue;
      repeats.push({ ...original, start: index, end, priority: original.priority - 1 });
    }
  }
  return repeats;
}

/**
 * Overlapping candidates form a cluster; inside one, the highest priority (then the longest span)
 * wins and whatever still fits beside it stays. Clusters are small (a few detectors agreeing on the
 * same token), so the quadratic step inside a cluster costs nothing.
 */
function resolveOverlaps(candidates: PiiMatch[]): PiiMatch[] {
  candidates.sort((left, right) => left.start - right.start || right.end - left.end);
  const kept: PiiMatch[] = [];
  let cluster: PiiMatch[] = [];
  let clusterEnd = -1;
  const flush = () => {
    if (cluster.length === 1) kept.push(cluster[0]!);
    else if (cluster.length > 1) kept.push(...pickFromCluster(cluster));
    cluster = [];
  };
  for (const candidate of candidates) {
    if (candidate.start >= clusterEnd) {
      flush();
      clusterEnd = candidate.end;
    } else {
      clusterEnd = Math.max(clusterEnd, candidate.end);
    }
    cluster.push(candidate);
  }
  flush();
  return kept;
}

function pickFromCluster(cluster: PiiMatch[]): PiiMatch[] {
  const ranked = [...cluster].sort(
    (left, right) => right.priority - left.priority || right.end - right.start - (left.end - left.start) || left.start - right.start,
  );
  const chosen: PiiMatch[] = [];
  for (const candidate of ranked) {
    if (chosen.every((other) => candidate.end <= other.start || candidate.start >= other.end)) chosen.push(candidate);
  }
  return chosen.sort((left, right) => left.start - right.start);
}
