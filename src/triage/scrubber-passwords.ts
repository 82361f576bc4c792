/**
 * Passwords, PINs and one-time codes written into a ticket. The words stay ("my password is
 * [password]") so that the triage still sees what the ticket is about; only the value goes.
 * Tickets talk about passwords far more often than they contain one ("my password is not
 * working"), so a value that reads as an English word of that sentence is left alone.
 */
import { MARKER, matchesOf, type Detector, type PiiMatch } from './scrubber-types.js';

const LABEL = String.raw`(?:pass(?:word|wd|code|phrase)?|pwd|pw|passwort|kennwort|mot de passe|contrase(?:ñ|n)a|senha|wachtwoord|has(?:ł|l)o)`;
const NATURAL_LABEL = String.raw`(?:password|passwort|passcode|passphrase|pwd|kennwort|mot de passe|contrase(?:ñ|n)a|wachtwoord)`;
const VALUE = String.raw`(?:"([^"\r\n]{1,200})"|'([^'\r\n]{1,200})'|\x60([^\x60\r\n]{1,200})\x60|(\S{1,200}))`;

/** `password: x`, `pwd=x`, `"password": "x"`. */
const LABELLED = new RegExp(String.raw`\b${LABEL}\b["']?([ \t]*(?:[:=]|->)|[ \t]+[-–](?=[ \t]))[ \t]*${VALUE}`, 'dgi');

/** `my password is x`, `the password for the portal was x`, `password is now x`. */
const NATURAL = new RegExp(
  String.raw`\b${NATURAL_LABEL}\b(?:[ \t]+(?:for|on|of)(?:[ \t]+[\w.-]{1,30}){1,2})?[ \t]+` +
    String.raw`(?:is|was|ist|est|es|has been|will be|would be)(?:[ \t]+(?:now|still|currently|simply|just|literally))?` +
    String.raw`(?:[ \t]+(?:set|changed|reset)[ \t]+to)?(?:[ \t]*:)?[ \t]+${VALUE}`,
  'dgi',
);

/**
 * `passcode 482913`, `pw hunter2`: no connecting word at all, the weakest evidence, so the value is
 * one plain token that stops at quotes and commas ("pwd reset,please" is a sentence).
 */
const BARE = new RegExp(String.raw`\b(?:passcode|passphrase|pwd|pw|pass)[ \t]+([^\s"'\x60,;<>(){}[\]]{1,200})`, 'dgi');

/** A passphrase is several words: the value runs to the end of the sentence. */
const PASSPHRASE = /\bpass ?phrase\b["']?[ \t]*(?:[:=]|is)[ \t]*([^\s"'][^\r\n.;"]{0,199})/dgi;

const PIN = /\bPIN(?:[ \t]*(?:code|number))?(?:[ \t]*[:=]|[ \t]+(?:is|was))?[ \t]*(\d{4,8})\b/dgi;
const ONE_TIME_CODE =
  /\b(?:one[- ]time (?:pass)?code|otp|2fa code|verification code|login code|auth(?:entication)? code)\b[ \t]*(?:[:=]|is|was)?[ \t]*(\d{4,8})\b/dgi;

/** `password "correct horse battery staple"`: a value in double quotes right after the noun. */
const QUOTED_AFTER_NOUN = new RegExp(String.raw`(?<!["'])\b${NATURAL_LABEL}\b(?!["'])[ \t]*(?:"([^"\r\n]{1,200})"|“([^”\r\n]{1,200})”)`, 'dgi');

/**
 * "my backup codes are 8f3k-29dm, 1qz8-77pl": every code of the list after the label. A code has a
 * digit (a word after the label is prose: "backup codes are missing").
 */
const CODE_LIST_LABEL = /\b(?:backup|recovery|reset|2fa|mfa)[ \t]+codes?\b(?:[ \t]+(?:are|is|were|was))?[ \t]*:?[ \t]*/dgi;
const CODE_IN_LIST = /([A-Za-z0-9]{3,12}(?:-[A-Za-z0-9]{2,12}){0,3})(?:[ \t]*(?:,|;|\band\b|\/)[ \t]*|[ \t]+(?=[A-Za-z0-9]))?/y;
const MAX_CODES = 20;

function* codeList(text: string): Generator<PiiMatch> {
  for (const label of matchesOf(CODE_LIST_LABEL, text)) {
    CODE_IN_LIST.lastIndex = label.index! + label[0].length;
    for (let count = 0; count < MAX_CODES; count += 1) {
      const start = CODE_IN_LIST.lastIndex;
      const code = CODE_IN_LIST.exec(text);
      if (!code || !/\d/.test(code[1]!)) break;
      yield { kind: 'password', start, end: start + code[1]!.length, value: code[1]!, replacement: '[password]', priority: 50 };
    }
  }
}

/** `postgres://user:secret@host`: the password part of a URL's user info. */
const URL_CREDENTIALS = /\b[a-z][a-z0-9+.\-]{1,20}:\/\/[^\s:@/?#]{1,200}:([^\s@/?#]{1,200})@/dgi;

/** Words that end a sentence about a password rather than being one. */
const SENTENCE_WORDS = new Set(
  (
    'a an the and or but of for to in on at with without by from as is was be been being it this that these ' +
    'my your our their his her its me us you i we they not no never now still just also already only very too so ' +
    'wrong incorrect correct invalid valid expired expiring working broken required missing empty weak strong short ' +
    'long same different case accepted rejected ok okay fine right there here set gone lost forgotten unknown saved ' +
    'stored visible shown hidden displayed sent changed reset locked blocked failing failed definitely probably ' +
    'really supposed meant sensitive secure insecure new old current previous temporary mandatory optional ' +
    'requirements rules field box manager policy reset-link link email sms hint please help issue problem question ' +
    'what which who how when where why if then than because since while until does did do doesn\'t isn\'t wasn\'t ' +
    'none n/a na nothing something anything everything all any some about like under over exactly less more ' +
    'longer shorter between one two three mine yours unique identical similar obviously apparently somehow ' +
    'suddenly stolen taken given known written chosen seen done made compromised leaked public good bad easy ' +
    'hard simple complex complicated ' +
    // The same verdicts after "Passwort ist", "mot de passe est", "contraseña es", ...
    'falsch richtig abgelaufen gesperrt vergessen ungültig faux fausse incorrecte oublié expiré bloqué ' +
    'incorrecta olvidada caducada bloqueada sbagliata scaduta dimenticata bloccata fout verlopen vergeten ' +
    'geblokkeerd errada expirada esquecida'
  ).split(' '),
);

const DESCRIBES_LENGTH = /^\s+(?:characters|chars|letters|digits|symbols|long)\b/i;

/** A labelled value that is a word of the ticket's sentence ("Password: reset not working"). */
const LABEL_WORDS = new Set(
  'reset forgot forgotten expired required change changed help issue problem incorrect invalid locked none n/a - ? ! same'.split(' '),
);

const CLOSERS: Readonly<Record<string, string>> = { '"': '"', "'": "'", ')': '(', ']': '[', '}': '{', '>': '<' };

function cleanValue(raw: string, separator: string | undefined, quoted: boolean): string {
  if (quoted) return raw;
  let value = raw;
  // In a query string the next parameter starts at '&'.
  if (separator === '=') value = value.split('&')[0] ?? value;
  // The sentence's full stop or comma and the closing quote or bracket around the sentence
  // ("my password is hunter2"), ...) are not part of the password; a password rarely ends so.
  for (let step = 0; step < 4 && value.length > 1; step += 1) {
    const last = value.charAt(value.length - 1);
    const opener = CLOSERS[last];
    if (/[.,;]/.test(last) || (opener !== undefined && !value.slice(0, -1).includes(opener))) value = value.slice(0, -1);
    else break;
  }
  return value;
}

function isPlaceholder(value: string): boolean {
  return MARKER.test(value) || /^[*•xX]{3,}$/.test(value) || /^<[^>]*>$/.test(value);
}

function readsAsProse(value: string): boolean {
  const lower = value.toLowerCase();
  return SENTENCE_WORDS.has(lower) || /^[a-z]+(?:ing|ed|ly)$/.test(value);
}

/**
 * The value of the first alternative that matched, from group `firstGroup` on. With the VALUE
 * alternatives (three quoted forms, then the bare one) `groups` is 4; a lone unquoted group is 1.
 */
function valueMatch(
  match: RegExpMatchArray & { indices: [number, number][] },
  firstGroup: number,
  separator: string | undefined,
  groups = 4,
): PiiMatch | undefined {
  for (let group = firstGroup; group < firstGroup + groups; group += 1) {
    const raw = match[group];
    if (raw === undefined) continue;
    const value = cleanValue(raw, separator, group < firstGroup + groups - 1);
    const start = match.indices[group]![0];
    return { kind: 'password', start, end: start + value.length, value, replacement: '[password]', priority: 50 };
  }
  return undefined;
}

export const passwordDetector: Detector = {
  kinds: ['password'],
  *find(text) {
    for (const match of matchesOf(LABELLED, text)) {
      const found = valueMatch(match, 2, match[1]?.trim());
      if (!found || isPlaceholder(found.value) || LABEL_WORDS.has(found.value.toLowerCase())) continue;
      yield found;
    }
    for (const match of matchesOf(NATURAL, text)) {
      const found = valueMatch(match, 1, undefined);
      if (!found || isPlaceholder(found.value) || readsAsProse(found.value)) continue;
      // "my password is 12 characters long" gives its length, not its value.
      if (DESCRIBES_LENGTH.test(text.slice(found.end, found.end + 20))) continue;
      yield found;
    }
    // Without a connecting word, a value needs digits or symbols ("passcode 482913", "pw hunter2"):
    // "recover my passcode asap" is a sentence. After "pass", whose other meanings are common ("a
    // day pass 2 people"), it must also mix letters with digits or symbols.
    for (const match of matchesOf(BARE, text)) {
      const found = valueMatch(match, 1, undefined, 1);
      if (!found || isPlaceholder(found.value) || readsAsProse(found.value) || /^[\p{L}'-]+$/u.test(found.value)) continue;
      const label = match[0].slice(0, match[0].search(/[ \t]/)).toLowerCase();
      if (label === 'pass' && !(/\p{L}/u.test(found.value) && /[^\p{L}]/u.test(found.value))) continue;
      if (label !== 'passcode' && found.value.length < 4) continue;
      yield found;
    }
    for (const match of matchesOf(QUOTED_AFTER_NOUN, text)) {
      const found = valueMatch(match, 1, undefined, 2);
      if (!found || isPlaceholder(found.value) || readsAsProse(found.value) || LABEL_WORDS.has(found.value.toLowerCase())) continue;
      yield found;
    }
    yield* codeList(text);
    for (const pattern of [PASSPHRASE, PIN, ONE_TIME_CODE, URL_CREDENTIALS]) {
      for (const match of matchesOf(pattern, text)) {
        const [start, end] = match.indices[1]!;
        if (isPlaceholder(match[1]!)) continue;
        yield { kind: 'password', start, end, value: match[1]!, replacement: '[password]', priority: 50 };
      }
    }
  },
};
