/**
 * Links in a reply and whether their host is on the allow-list. A phishing link does not need a
 * scheme ("evil.example/login") or can hide behind allowed-looking text ("[help.northwind.example]
 * (https://evil.example)", "https://help.northwind.example@evil.example/"), so hosts come from the
 * WHATWG URL parser, never from the visible text.
 */
import { allMatches } from './regex-matches.js';

export interface LinkFinding {
  /** The text as it appears in the reply. */
  match: string;
  /** The host the link really goes to, or the scheme for links that have no host we accept. */
  host: string;
}

const SCHEME_URL = /\b[a-z][a-z0-9+.-]{1,15}:\/\/[^\s<>"'`\]]+/gi;
const DANGEROUS_SCHEME = /(?<![\w.+-])(?:javascript|vbscript|data|file):[^\s<>"'`)\]]*/gi;
const MARKDOWN_TARGET = /\]\(\s*<?([^)\s>]+)/g;
const WWW = /(?<![\w./@-])www\.[^\s<>"'`)\]]+/gi;

/** Country codes and the generic domains phishing uses most; `.example` is the demo's own. */
const LINK_TLDS = new Set(
  (
    'com net org info biz io co app dev me ai ly gg tk ml ga cf gq top click link site online shop store xyz ' +
    'live news tech cloud digital email support help zip mov buzz icu vip work club pro page ' +
    'us uk de fr nl eu ru cn in br ca au jp es it pl ch at be se no dk fi cz pt ie nz za mx kr tw hk sg tv cc ' +
    'ws to sh la fm am vc ua tr gr hu ro sk bg lt lv ee is il ae sa ar cl pe ve su example test invalid localhost'
  ).split(' '),
);

// The lookbehind keeps emails (ada@example.com) and paths inside URLs out; a bare domain counts as
// a link when its top-level domain is a real one or a path follows it.
const BARE_DOMAIN =
  /(?<![\w@./:-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){1,8}([a-z]{2,24}))(?![\w@-]|\.[a-z0-9])((?::\d{1,5})?\/[^\s<>"'`)\]]*)?/gi;

const TRAILING_PUNCTUATION = /[.,;:!?'"*_]+$/;

/** Sentence punctuation and the closing parenthesis of "(see https://...)" or a markdown link. */
function trimLink(text: string): string {
  let trimmed = text.replace(TRAILING_PUNCTUATION, '');
  while (trimmed.endsWith(')') && count(trimmed, '(') < count(trimmed, ')')) {
    trimmed = trimmed.slice(0, -1).replace(TRAILING_PUNCTUATION, '');
  }
  return trimmed;
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}

export function findLinks(reply: string): LinkFinding[] {
  const findings: LinkFinding[] = [];
  // Characters already inside a found link, so the looser patterns do not report its parts again.
  const covered = new Uint8Array(reply.length);
  const add = (text: string, start: number, host: string) => {
    findings.push({ match: text, host });
    covered.fill(1, start, start + text.length);
  };

  for (const match of allMatches(reply, SCHEME_URL)) {
    const text = trimLink(match[0]);
    const scheme = text.slice(0, text.indexOf(':')).toLowerCase();
    add(text, match.index, scheme === 'http' || scheme === 'https' ? hostOf(text) : `${scheme}:`);
  }
  for (const match of allMatches(reply, DANGEROUS_SCHEME)) {
    if (covered[match.index] === 1) continue;
    add(match[0], match.index, `${match[0].slice(0, match[0].indexOf(':')).toLowerCase()}:`);
  }
  for (const match of allMatches(reply, MARKDOWN_TARGET)) {
    const target = match[1] ?? '';
    const start = match.index + match[0].length - target.length;
    // Relative links ("/orders") stay on whatever site shows the reply; mail and phone links are
    // the PII rule's business.
    if (covered[start] === 1 || /^(?:\/|#|mailto:|tel:)/i.test(target)) continue;
    add(target, start, hostOf(`http://${target}`));
  }
  for (const match of allMatches(reply, WWW)) {
    if (covered[match.index] === 1) continue;
    const text = trimLink(match[0]);
    add(text, match.index, hostOf(`http://${text}`));
  }
  for (const match of allMatches(reply, BARE_DOMAIN)) {
    if (covered[match.index] === 1) continue;
    const tld = (match[2] ?? '').toLowerCase();
    const path = match[3];
    if (!LINK_TLDS.has(tld) && path === undefined) continue;
    // "e.g" or "v2.14" are not domains: a domain label of letters is needed somewhere.
    if (!/[a-z]{2,}\./i.test(match[1] ?? '')) continue;
    const text = trimLink(match[0]);
    add(text, match.index, hostOf(`http://${text}`));
  }
  return findings;
}

/** Whether `host` is an allowed host or a subdomain of one. */
export function isAllowedHost(host: string, allowedHosts: readonly string[]): boolean {
  const normalised = host.toLowerCase().replace(/\.$/, '');
  return allowedHosts.some((allowed) => {
    const base = allowed.toLowerCase().replace(/^\*\./, '').replace(/\.$/, '');
    return base.length > 0 && (normalised === base || normalised.endsWith(`.${base}`));
  });
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^\[|\]$/g, '');
  } catch {
    // Not parseable means not checkable: report it as its own text so it is never allowed.
    return url;
  }
}
