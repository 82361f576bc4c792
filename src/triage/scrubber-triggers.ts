/**
 * Cheap tests that decide whether a detector can find anything in a text: most strings the product
 * scrubs (log fields, tool names, short replies) hold no digit run, no long token and no credential
 * word, and skipping a detector costs one linear scan instead of its five to forty regexes. Each
 * trigger must be implied by every match of its detector (the tests in scrubber-triggers.test.ts
 * run the corpus with and without them). None is global or sticky, so `test` keeps no state.
 */
export const TRIGGERS = {
  /** secretlint's rules and the entropy detector need a 20-character token, a URL or a key block. */
  longToken: /[A-Za-z0-9_\-+/=.]{20}|:\/\/|PRIVATE KEY/,
  /** scrubber-secrets.ts: provider prefixes, JWTs, labels, Bearer/Basic, key blocks. */
  secret: /sk-|_live_|_test_|whsec_|gh[pousr]_|github_pat_|xox|hooks\.slack|AIza|A[A-Z]{2}A[A-Z0-9]{16}|eyJ|secret|token|key|bearer|basic|PRIVATE KEY/i,
  /** scrubber-context-secrets.ts: prefixes and key names need a digit, `=`, `:`, a quote or a slash; prose needs a password word. */
  contextSecret: /[\d=:"'/]|pass|pw|mot de passe|contrase|clave|senha|wachtwoord|has[łl]o|mdp|one I use|PuTTY/i,
  /** scrubber-passwords.ts: its labels, PIN, one-time codes and URL user info. */
  password: /pass|pw|pin|otp|code|kennwort|mot de passe|contrase|senha|wachtwoord|has[łl]o|2fa|:\/\//i,
  /** An IBAN starts with a country code and two check digits. */
  iban: /[A-Za-z]{2}\d{2}/,
  /** Every card number has a group of three digits or more, and so has a card security code. */
  threeDigits: /\d{3}/,
  /** scrubber-cards.ts adds what scrubber-financial.ts cannot read: dots, slashes, underscores, line breaks, double separators, other digits. */
  unusualCard: /\d(?:[./_]|\r?\n|[ -]{2,3})\d|[^\x00-\x7F]/,
  digit: /\d/,
  /** An address has an '@' or is written "ada [at] example [dot] com". */
  email: /@|[[(][ \t]*at[ \t]*[\])]/i,
} as const;
