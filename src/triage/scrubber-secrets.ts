/**
 * API keys, tokens and key material. Provider keys are found by their fixed prefixes; anything
 * else only when it is labelled (`api_key=...`, `Authorization: Bearer ...`), because a random
 * string alone cannot be told from a tracking number.
 */
import { hasLetterAndDigit, isJwtHeader } from './scrubber-checks.js';
import { MARKER, matchesOf, type Detector, type PiiKind, type PiiMatch } from './scrubber-types.js';

interface PrefixedKey {
  provider: string;
  kind: PiiKind;
  pattern: RegExp;
  /** Keys are random; a prefixed word made of letters only ("sk-learn-...") is not one. */
  needsDigit?: boolean;
}

const PREFIXED_KEYS: readonly PrefixedKey[] = [
  { provider: 'anthropic', kind: 'api_key', pattern: /\bsk-ant-[A-Za-z0-9_-]{20,300}/dg },
  {
    provider: 'openai',
    kind: 'api_key',
    pattern: /\bsk-(?!ant-)(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,300}/dg,
    needsDigit: true,
  },
  { provider: 'stripe', kind: 'api_key', pattern: /\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,250}/dg },
  { provider: 'stripe', kind: 'api_key', pattern: /\bwhsec_[A-Za-z0-9]{20,250}/dg },
  { provider: 'github', kind: 'api_key', pattern: /\bgh[pousr]_[A-Za-z0-9]{20,255}/dg },
  { provider: 'github', kind: 'api_key', pattern: /\bgithub_pat_[A-Za-z0-9_]{20,255}/dg },
  { provider: 'slack', kind: 'api_key', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,250}/dg, needsDigit: true },
  { provider: 'slack', kind: 'api_key', pattern: /\bhooks\.slack\.com\/services\/[A-Za-z0-9_/]{10,200}/dg },
  { provider: 'google', kind: 'api_key', pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/dg },
  {
    provider: 'aws',
    kind: 'aws_key',
    pattern: /\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|APKA|AROA)[A-Z0-9]{16}\b/dg,
  },
];

// An AWS secret key has no prefix: only its label tells it from any other 40 characters.
const AWS_SECRET =
  /\b(?:aws[_\-. ]?secret(?:[_\-. ]?(?:access[_\-. ]?)?key)?|secret[_\-. ]?(?:access[_\-. ]?)?key)["']?[ \t]*(?:[:=]|is|->)[ \t]*["']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/dgi;

const LABELLED_SECRET =
  /\b(?:api[_\- ]?key|apikey|x-api-key|client[_\- ]?secret|secret[_\- ]?key|(?:access|auth|refresh|session|private|bearer|api)[_\- ]?token|token|secret)["']?[ \t]*(?:[:=]|->)[ \t]*["']?([A-Za-z0-9._~+/=-]{16,400})/dgi;

const JWT = /\b(eyJ[A-Za-z0-9_-]{5,4000})\.([A-Za-z0-9_-]{2,20000})\.([A-Za-z0-9_-]{0,4000})(?![A-Za-z0-9_-])/dg;

const BEARER = /\bBearer[ \t]+([A-Za-z0-9._~+/-]{8,4000}=*)/dgi;
const BASIC_AUTH = /\bAuthorization["']?[ \t]*[:=][ \t]*["']?Basic[ \t]+([A-Za-z0-9+/]{6,2000}={0,2})/dgi;

const PRIVATE_KEY_BEGIN = /-----BEGIN ([A-Z0-9 ]{0,40})PRIVATE KEY( BLOCK)?-----/g;

function secret(kind: PiiKind, match: RegExpMatchArray & { indices: [number, number][] }, group: number, label: string, priority: number): PiiMatch {
  const [start, end] = match.indices[group]!;
  return { kind, start, end, value: match[group]!, replacement: `[secret:${label}]`, priority };
}

export const secretDetector: Detector = {
  kinds: ['api_key', 'aws_key', 'jwt', 'bearer', 'basic_auth', 'private_key'],
  *find(text) {
    yield* privateKeyBlocks(text);
    for (const key of PREFIXED_KEYS) {
      for (const match of matchesOf(key.pattern, text)) {
        if (key.needsDigit && !/\d/.test(match[0])) continue;
        yield secret(key.kind, match, 0, key.provider, 80);
      }
    }
    if (text.includes('eyJ')) {
      for (const match of matchesOf(JWT, text)) {
        if (!isJwtHeader(match[1] ?? '')) continue;
        yield secret('jwt', match, 0, 'jwt', 90);
      }
    }
    for (const match of matchesOf(AWS_SECRET, text)) {
      if (!hasLetterAndDigit(match[1] ?? '')) continue;
      yield secret('aws_key', match, 1, 'aws', 75);
    }
    for (const match of matchesOf(BASIC_AUTH, text)) yield secret('basic_auth', match, 1, 'basic', 65);
    for (const match of matchesOf(BEARER, text)) {
      if (!looksLikeToken(match[1] ?? '')) continue;
      yield secret('bearer', match, 1, 'bearer', 60);
    }
    for (const match of matchesOf(LABELLED_SECRET, text)) {
      const value = match[1] ?? '';
      if (!hasLetterAndDigit(value) || MARKER.test(value)) continue;
      yield secret('api_key', match, 1, 'token', 55);
    }
  },
};

/** "Bearer authentication" is prose; a token has digits or mixes cases like random text does. */
function looksLikeToken(value: string): boolean {
  return /\d/.test(value) || (value.length >= 16 && /[a-z]/.test(value) && /[A-Z]/.test(value));
}

/**
 * PEM private keys, found with indexOf instead of a lazy `[\s\S]*?` regex, which would rescan the
 * rest of the text for every BEGIN line without an END. A block without an END line is redacted to
 * the end of the text: a truncated key is still key material.
 */
function* privateKeyBlocks(text: string): Generator<PiiMatch> {
  if (!text.includes('PRIVATE KEY')) return;
  const pattern = new RegExp(PRIVATE_KEY_BEGIN.source, 'g');
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const endLabel = `-----END ${match[1] ?? ''}PRIVATE KEY${match[2] ?? ''}-----`;
    const endIndex = text.indexOf(endLabel, pattern.lastIndex);
    const end = endIndex < 0 ? text.length : endIndex + endLabel.length;
    yield {
      kind: 'private_key',
      start: match.index,
      end,
      value: text.slice(match.index, end),
      replacement: '[secret:private-key]',
      priority: 100,
    };
    pattern.lastIndex = end;
  }
}
