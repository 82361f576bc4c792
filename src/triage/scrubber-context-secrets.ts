/**
 * Secrets the fixed-shape detectors miss in prose and pasted config: tokens with newer prefixes
 * (GitLab, npm, SendGrid, Hugging Face, ...), PuTTY key files, an AWS secret key labelled only
 * "secret", credential-named keys in JSON and `.env` lines, `curl -u user:pass`, "user / pass", and
 * passwords, PINs and one-time codes written into sentences in English, German, French, Spanish,
 * Italian, Dutch, Portuguese and Polish. Every regex is linear: bounded repetitions over disjoint
 * character classes, no nested quantifiers.
 */
import { MARKER, matchesOf, type Detector, type PiiKind, type PiiMatch } from './scrubber-types.js';

interface Prefixed {
  provider: string;
  pattern: RegExp;
}

const PREFIXED: readonly Prefixed[] = [
  { provider: 'gitlab', pattern: /\bgl(?:pat|dt|rt|ptt|ft|soat|cbt)-[A-Za-z0-9_-]{20,80}/dg },
  { provider: 'npm', pattern: /\bnpm_[A-Za-z0-9]{36}(?![A-Za-z0-9])/dg },
  { provider: 'sendgrid', pattern: /\bSG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{20,64}/dg },
  { provider: 'huggingface', pattern: /\bhf_[A-Za-z0-9]{30,40}(?![A-Za-z0-9])/dg },
  { provider: 'pypi', pattern: /\bpypi-AgE[A-Za-z0-9_-]{50,300}/dg },
  { provider: 'digitalocean', pattern: /\bdo[por]_v1_[a-f0-9]{64}\b/dg },
  { provider: 'shopify', pattern: /\bshp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}\b/dg },
  { provider: 'mailgun', pattern: /\bkey-[a-f0-9]{32}\b/dg },
  { provider: 'twilio', pattern: /\bSK[a-f0-9]{32}\b/dg },
  { provider: 'square', pattern: /\bsq0(?:atp|csp)-[A-Za-z0-9_-]{22,43}/dg },
  { provider: 'google', pattern: /\bya29\.[A-Za-z0-9_-]{20,300}/dg },
  { provider: 'slack', pattern: /\bxapp-\d-[A-Z0-9]{9,12}-\d{10,14}-[a-f0-9]{30,70}\b/dg },
  { provider: 'databricks', pattern: /\bdapi[a-f0-9]{32}\b/dg },
  { provider: 'atlassian', pattern: /\bATATT3[A-Za-z0-9_=-]{50,300}/dg },
];

/**
 * An AWS secret key (40 base64 characters) after a label as loose as "secret" or "aws", or after
 * its access key id: the pair is pasted together, and the id is the clearest label there is.
 */
const AWS_SECRET_NEAR_LABEL =
  /(?:\b(?:secret|aws|secret[_ -]?access[_ -]?key)\b|\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\b)[^\r\n]{0,40}?(?<![A-Za-z0-9/+=])([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/dgi;

/** "PuTTY-User-Key-File-3: ssh-ed25519" up to and including its "Private-MAC:" line. */
const PUTTY_BEGIN = /PuTTY-User-Key-File-\d:/g;

/** `"client_secret": "..."`, `'apiKey': '...'`: the key name decides. */
const JSON_PAIR = /(["'])([A-Za-z][A-Za-z0-9_.-]{0,60})\1[ \t]*:[ \t]*(["'])([^"'\\\r\n]{1,400})\3/dg;

/** `.env` and shell lines: `STRIPE_API_KEY=...`, `export DB_PASSWORD="..."` (upper case, as such files are written; `pwd=x&next=` is a query string). */
const ENV_LINE = /^[ \t]*(?:export[ \t]+)?([A-Z][A-Z0-9_]{0,60})[ \t]*=[ \t]*["']?([^\s"'#]{1,400})/dgm;

/**
 * A credential in a URL's query string (`?token=...`, `&api_key=...`, `&sig=...`, an OAuth `code`),
 * however short: a reviewer token in a link is as secret as one in a header.
 */
const QUERY_SECRET =
  /[?&;](token|access_token|refresh_token|id_token|auth_token|api_key|apikey|api-key|key|secret|client_secret|password|passwd|pwd|pass|sig|signature|auth|code|session|sessionid|session_id|jwt|otp)=([^&#\s"'<>]{1,400})/dgi;

/** `curl -u ada:hunter2`, `--user ada:hunter2`: the part after the colon. */
const CURL_USER = /(?<![\w-])(?:-u|--user)(?:[ \t]+|=)["']?[^\s"':]{1,100}:([^\s"']{1,200})/dg;
/** `--password=x`, `--token x`, `mysql -pS3cret`. */
const CLI_FLAG = /(?<![\w-])--(?:password|passwd|pass|token|api-key|apikey|secret|client-secret)(?:[ \t]+|=)["']?([^\s"']{1,200})/dgi;

/** "user / pass: ada / Hunter22", "login: ada@example.com / Hunter22", "creds ada / hunter2". */
const USER_SLASH_PASS =
  /\b(?:user(?:name)?[ \t]*\/[ \t]*pass(?:word)?|login|creds|credentials|log-?in details|benutzer(?:name)?[ \t]*\/[ \t]*passwort)\b[ \t]*[:-]?[ \t]*[^\s/=&]{1,100}[ \t]*\/[ \t]*([^\s]{1,200})/dgi;

/** Nouns for a password in the eight languages of the escalation work. */
const PASSWORD_NOUN = String.raw`(?:password|passwort|kennwort|passcode|pw|pwd|mot de passe|mdp|contrase(?:ñ|n)a|clave|senha|wachtwoord|has(?:ł|l)o)`;
const VALUE = String.raw`(?:"([^"\r\n]{1,200})"|'([^'\r\n]{1,200})'|\x60([^\x60\r\n]{1,200})\x60|([^\s"'\x60]{1,200}))`;
const FILLER = String.raw`(?:[ \t]+(?:my|the|mein|meine|das|mon|le|mi|la|mia|il|mijn|het|minha|a|moje|moj|mój))?`;

/**
 * "my pw is X", "mein Passwort lautet X", "mon mot de passe est X", "mi contraseña es X", "la mia
 * password è X", "mijn wachtwoord is X", "minha senha é X", "moje hasło to X".
 */
const NOUN_IS = new RegExp(
  String.raw`\b${PASSWORD_NOUN}(?:[ \t]+(?:for|on|für|pour|para|per|voor|do|dla)(?:[ \t]+[\p{L}\p{N}.-]{1,30}){1,2})?[ \t]+` +
    String.raw`(?:is|was|ist|lautet|war|est|était|es|era|è|é|to|jest|była|is now|ist jetzt)(?:[ \t]*:)?[ \t]+${VALUE}`,
  'dgiu',
);

/**
 * "I changed my password to X", "habe mein Passwort auf X geändert", "j'ai changé mon mot de passe
 * en X", "cambié mi contraseña a X", "ho cambiato la password in X", "wachtwoord gewijzigd naar X",
 * "mudei a senha para X", "zmieniłem hasło na X".
 */
const CHANGED_TO = new RegExp(
  String.raw`\b(?:(?:changed|set|reset|updated|changing|made|geändert|geaendert|gesetzt|changé|change|cambié|cambiado|cambiato|impostato|gewijzigd|veranderd|mudei|alterei|zmieniłem|zmienilem|zmieniłam|ustawiłem)${FILLER}[ \t]+${PASSWORD_NOUN}|${PASSWORD_NOUN}[ \t]+(?:changed|set|reset|updated|geändert|gewijzigd|veranderd|zmienione|cambiata|cambiada|alterada))` +
    String.raw`[ \t]+(?:to|auf|zu|en|pour|a|por|in|naar|na|para)[ \t]+${VALUE}`,
  'dgiu',
);

/** "the one I use everywhere is X", "same password as always: X". */
const REUSED = new RegExp(
  String.raw`\b(?:the (?:one|password|pw) I (?:use|used|always use|reuse)(?: for)? (?:everywhere|for everything|on every site|for all (?:my )?(?:accounts|sites))|same (?:one|password|pw) as (?:always|everywhere))\b[ \t]*(?:is|was|:|-)?[ \t]+${VALUE}`,
  'dgi',
);

/** One-time codes: "the code you texted me is 481516", "2FA: 123 456", "Bestätigungscode 1 2 3 4 5 6". */
const OTP = new RegExp(
  String.raw`\b(?:2fa|mfa|otp|totp|one[- ]time (?:pass)?code|(?:verification|security|login|sign[- ]in|auth(?:entication)?|confirmation|sms|text|access|reset) code|the code (?:you|u) (?:texted|sent|emailed|messaged|sms'?d)(?: me| to me)?|code (?:from|in) (?:the|your) (?:sms|text|email|app)|bestätigungscode|bestaetigungscode|verifizierungscode|sicherheitscode|einmalcode|code de (?:vérification|verification|confirmation|sécurité)|código de (?:verificación|verificacion|verificação|confirmación|seguridad|acesso)|codice (?:di verifica|di sicurezza|di conferma|otp)|verificatiecode|beveiligingscode|inlogcode|kod (?:weryfikacyjny|sms|jednorazowy|potwierdzający))` +
    // The value as read out or typed from a phone: "123 456", "481516", or digit by digit "7 3 9 1 0 4".
    String.raw`(?:[ \t]+code)?[ \t]*(?:[:=#-][ \t]*)?(?:(?:is|was|ist|lautet|est|es|era|è|é|jest|to|war)[ \t]*:?[ \t]+)?(\d(?:[ .-]\d){3,7}|\d{3}[ -]\d{3}|\d{4,8})(?![\d-])`,
  'dgiu',
);

/** "PIN-Code 1234", "code PIN : 1234", "mi PIN es 1234", "Geheimzahl 1234". */
const PIN = new RegExp(
  String.raw`\b(?:pin(?:[ -]?(?:code|nummer|number|kod))?|code pin|kod pin|geheimzahl)\b[ \t]*(?:[:=#-][ \t]*)?(?:(?:is|was|ist|lautet|est|es|era|è|é|jest|to|war)[ \t]+)?(\d{4,8})(?!\d)`,
  'dgiu',
);

/** Credential words in key names (after splitting camelCase, snake_case, dots and dashes). */
const SECRET_KEY_WORDS = new Set([
  'key', 'apikey', 'token', 'secret', 'password', 'passwd', 'pwd', 'pass', 'passphrase', 'pin', 'auth',
  'credential', 'credentials', 'dsn', 'otp', 'privatekey', 'accesskey', 'clientsecret', 'webhooksecret', 'signature',
]);
/** Key names that end in a credential word but hold ids or prose ("keyboard" is one word anyway). */
const HARMLESS_KEYS = new Set(['idempotency key', 'primary key', 'foreign key', 'key id', 'public key', 'sort key', 'partition key', 'token count', 'token type', 'auth type', 'auth method', 'pass through']);

const PASSWORD_KEY_WORDS = new Set(['password', 'passwd', 'pwd', 'pass', 'passphrase', 'pin', 'otp']);

function credentialKind(key: string): 'password' | 'secret' | undefined {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
  if (words.length === 0 || HARMLESS_KEYS.has(words.slice(-2).join(' '))) return undefined;
  if (words.some((word) => PASSWORD_KEY_WORDS.has(word))) return 'password';
  return words.some((word) => SECRET_KEY_WORDS.has(word)) ? 'secret' : undefined;
}

/** Words that end a sentence about a password rather than being one, in the eight languages. */
const NOT_A_VALUE = new Set(
  (
    'a an the is was not no never now still just also wrong incorrect invalid expired correct same different new old ' +
    'working broken required missing empty weak strong too very my your our this that it here there reset changed ' +
    'nicht kein keine falsch richtig abgelaufen neu alt leer zu sehr mein dein das es ' +
    'pas non faux incorrect expiré nouveau vide trop très mon le la ' +
    'no incorrecta incorrecto caducada nueva vieja vacía mi el la ' +
    'non sbagliata scaduta nuova vecchia vuota mia il la ' +
    'niet geen fout verlopen nieuw oud leeg mijn het de ' +
    'não errada expirada nova velha vazia minha o a ' +
    'nie zły złe błędne wygasło nowe stare puste moje to'
  ).split(' '),
);

const CLOSERS: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{', '>': '<' };

/** The sentence's full stop or comma and an unbalanced closing bracket are not part of the value. */
function withoutSentenceEnd(raw: string): string {
  let value = raw;
  for (let step = 0; step < 4 && value.length > 1; step += 1) {
    const last = value.charAt(value.length - 1);
    const opener = CLOSERS[last];
    if (/[.,;:]/.test(last) || (opener !== undefined && !value.slice(0, -1).includes(opener))) value = value.slice(0, -1);
    else break;
  }
  return value;
}

function valueOf(match: RegExpMatchArray & { indices: [number, number][] }, firstGroup: number): { start: number; value: string; quoted: boolean } | undefined {
  for (let group = firstGroup; group < firstGroup + 4; group += 1) {
    const raw = match[group];
    if (raw === undefined) continue;
    const quoted = group < firstGroup + 3;
    // Our own placeholder ("[password]") must survive whole, not lose its bracket to the stripping.
    if (isPlaceholder(raw)) return undefined;
    const value = quoted ? raw : withoutSentenceEnd(raw);
    if (value.length === 0) return undefined;
    return { start: match.indices[group]![0], value, quoted };
  }
  return undefined;
}

function isPlaceholder(value: string): boolean {
  return MARKER.test(value) || /^[*•xX.]{3,}$/.test(value) || /^<[^>]*>$/.test(value) || /^\[[^\]]*\]$/.test(value);
}

/**
 * A value in prose is a password when it is quoted or does not read as a word of the sentence: in
 * "my password was stolen" the last word is a word. Without a dictionary for eight languages, an
 * unquoted value must hold a digit, a symbol or a capital after its first letter, unless the
 * context is strong ("the one I use everywhere is ...").
 */
function acceptsProseValue(value: string, quoted: boolean, strong: boolean): boolean {
  if (isPlaceholder(value)) return false;
  if (quoted) return true;
  if (NOT_A_VALUE.has(value.toLowerCase()) || value.length < 4) return false;
  return strong || /[^\p{L}]|.\p{Lu}/u.test(value);
}

function finding(kind: PiiKind, start: number, value: string, replacement: string, priority: number): PiiMatch {
  return { kind, start, end: start + value.length, value, replacement, priority };
}

/**
 * Cheap tests per family of patterns: a ticket mentions a password or holds a digit far more often
 * than it holds any one of these shapes, and the Unicode-aware prose patterns cost most.
 */
const GATES = {
  prefixed: /gl(?:pat|dt|rt|ptt|ft|soat|cbt)-|npm_|SG\.|hf_|pypi-|_v1_|shp|key-|SK[a-f0-9]|sq0|ya29\.|xapp-|dapi|ATATT/,
  aws: /secret|aws|A[GIKNRS][A-Z]A[A-Z0-9]{16}/i,
  flags: /-u|--/,
  passwordWord: /pass|pw|kennwort|mot de passe|mdp|contrase|clave|senha|wachtwoord|has[łl]o|login|creds|credentials|benutzer/i,
  reused: /everywhere|for everything|every site|all (?:my )?(?:accounts|sites)|as always/i,
  otp: /2fa|mfa|otp|code|kod/i,
  pin: /pin|geheimzahl/i,
};

export const contextSecretDetector: Detector = {
  kinds: ['api_key', 'aws_key', 'private_key', 'password'],
  *find(text) {
    if (GATES.prefixed.test(text)) {
      for (const { provider, pattern } of PREFIXED) {
        for (const match of matchesOf(pattern, text)) {
          if (!/\d/.test(match[0])) continue;
          yield finding('api_key', match.index!, match[0], `[secret:${provider}]`, 80);
        }
      }
    }
    if (GATES.aws.test(text)) {
      for (const match of matchesOf(AWS_SECRET_NEAR_LABEL, text)) {
        const value = match[1]!;
        if (!(/\d/.test(value) && /[a-z]/.test(value) && /[A-Z]/.test(value))) continue;
        yield finding('aws_key', match.indices[1]![0], value, '[secret:aws]', 75);
      }
    }
    yield* puttyKeys(text);
    if (text.includes(':') && (text.includes('"') || text.includes("'"))) {
      for (const match of matchesOf(JSON_PAIR, text)) {
        const value = match[4]!;
        const key = credentialKind(match[2]!);
        if (key === undefined || isPlaceholder(value) || value.length < 4) continue;
        yield key === 'password'
          ? finding('password', match.indices[4]![0], value, '[password]', 58)
          : finding('api_key', match.indices[4]![0], value, '[secret:redacted]', 58);
      }
    }
    if (text.includes('=')) {
      for (const match of matchesOf(QUERY_SECRET, text)) {
        const value = match[2]!;
        if (isPlaceholder(value)) continue;
        yield /^(?:password|passwd|pwd|pass)$/i.test(match[1]!)
          ? finding('password', match.indices[2]![0], value, '[password]', 59)
          : finding('api_key', match.indices[2]![0], value, '[secret:redacted]', 59);
      }
      for (const match of matchesOf(ENV_LINE, text)) {
        const value = match[2]!;
        const key = credentialKind(match[1]!);
        if (key === undefined || isPlaceholder(value) || value.length < 4) continue;
        yield key === 'password'
          ? finding('password', match.indices[2]![0], value, '[password]', 58)
          : finding('api_key', match.indices[2]![0], value, '[secret:redacted]', 58);
      }
    }
    const passwordWord = GATES.passwordWord.test(text);
    const patterns = [...(GATES.flags.test(text) ? [CURL_USER, CLI_FLAG] : []), ...(passwordWord && text.includes('/') ? [USER_SLASH_PASS] : [])];
    for (const pattern of patterns) {
      for (const match of matchesOf(pattern, text)) {
        if (isPlaceholder(match[1]!)) continue;
        const value = withoutSentenceEnd(match[1]!);
        // "login ada / pw: x": the label form, which scrubber-passwords.ts reads.
        if (value.length === 0 || isPlaceholder(value) || match[1]!.endsWith(':')) continue;
        yield finding('password', match.indices[1]![0], value, '[password]', 52);
      }
    }
    const prose = [...(passwordWord ? [NOUN_IS, CHANGED_TO] : []), ...(GATES.reused.test(text) ? [REUSED] : [])];
    for (const pattern of prose) {
      for (const match of matchesOf(pattern, text)) {
        const found = valueOf(match, 1);
        if (!found || !acceptsProseValue(found.value, found.quoted, pattern === REUSED)) continue;
        yield finding('password', found.start, found.value, '[password]', 51);
      }
    }
    const codes = [...(GATES.otp.test(text) ? [OTP] : []), ...(GATES.pin.test(text) ? [PIN] : [])];
    for (const pattern of codes) {
      for (const match of matchesOf(pattern, text)) {
        yield finding('password', match.indices[1]![0], match[1]!, '[password]', 51);
      }
    }
  },
};

/** Found with indexOf (not a lazy regex across lines) so that a key without its MAC line stays linear. */
function* puttyKeys(text: string): Generator<PiiMatch> {
  if (!text.includes('PuTTY-User-Key-File-')) return;
  const pattern = new RegExp(PUTTY_BEGIN.source, 'g');
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const mac = text.indexOf('Private-MAC:', pattern.lastIndex);
    let end = text.length;
    if (mac >= 0) {
      const lineEnd = text.indexOf('\n', mac);
      end = lineEnd < 0 ? text.length : lineEnd;
    }
    yield { kind: 'private_key', start: match.index, end, value: text.slice(match.index, end), replacement: '[secret:putty-key]', priority: 100 };
    pattern.lastIndex = end;
  }
}
