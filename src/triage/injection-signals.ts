/**
 * Signals that a ticket or a reply is an attack rather than support: instructions aimed at the agent
 * in the ticket, look-alike characters, claims of actions the agent cannot take, and replies that
 * echo the customer's own words. Pure functions; the send guard decides what they mean.
 */
import { allMatches } from './regex-matches.js';
import { isAllowedHost } from './reply-rules-links.js';
import { namesOwnAddress } from './own-address-context.js';
import { detectPii } from './scrubber-detect.js';
import { headerField, replyHeaderLength } from './mail/mail-headers.js';
import { decodesToText, ENCODED_TEXT_MARKER } from './encoded-text.js';
import { findForeignInstruction } from './injection-signals-languages.js';

/*
 * Ticket text aimed at the agent rather than at support. A ticket that tries to steer the agent
 * (override its rules, dictate the reply, claim staff authority, set a confidence, break out of
 * the untrusted-text fence, hide instructions) or asks about another person gets a human reply,
 * whatever the model made of it: the model may have obeyed in ways no reply rule recognises.
 * Patterns stay narrow because every false alarm costs a reviewer a minute; they are a tripwire,
 * not a filter. docs/safety-measurements.md has how often they fire on ordinary tickets and how
 * little they caught of phrasings written after them.
 */

export type InjectionKind =
  | 'override'
  | 'dictation'
  | 'staff-claim'
  | 'confidence'
  | 'tool-syntax'
  | 'exfiltration'
  | 'third-party'
  | 'obfuscation';

export interface InjectionSignal {
  kind: InjectionKind;
  /** The words that fired, shortened, for the audit trail. */
  match: string;
}

export const INJECTION_LABELS: Record<InjectionKind, string> = {
  override: 'instructions that try to override the agent\'s rules',
  dictation: 'a reply dictated to the agent',
  'staff-claim': 'a claim of staff authority',
  confidence: 'an attempt to set the confidence or skip review',
  'tool-syntax': 'tool-call or prompt markup',
  exfiltration: 'a request for the agent\'s instructions, tools or secrets',
  'third-party': 'a request about another person or other customers',
  obfuscation: 'hidden or encoded text',
};

const INJECTION_PATTERNS: ReadonlyArray<{ kind: InjectionKind; pattern: RegExp }> = [
  { kind: 'override', pattern: /(?<!\b(?:don't|do\s+not|never|says?\s+to|told\s+(?:me\s+)?to)\s+)\b(?:ignore|disregard|forget|override|bypass)\b(?:(?!\bmy\b)[^.\n]){0,40}?\b(?:instructions?|rules|prompts?|guidelines|skill(?:\s+file)?|everything\s+(?:above|before))\b(?!\s+(?:(?:I|we)\s+(?:mentioned|gave|wrote|sent|said)|printed|on\s+the|in\s+the\s+(?:box|manual|leaflet|package)|that\s+came))/i },
  { kind: 'override', pattern: /\b(?:system\s+(?:prompt|instructions?)|developer\s+mode|jailbreak|(?:admin|god|sudo|DAN)\s+mode)\b|\bsystem\s+(?:message|note)\s*:|\b(?:new|updated)\s+system\s+(?:message|note)\b|\byou\s+are\s+now\s+(?:(?:a|an|my)\s+(?!favou?rite\b|go-to\b|first\b|only\s+(?:shop|store))|in\s+\w+|\w*bot\b)|\bfrom\s+now\s+on,?\s+you\s+(?:are|must|answer|reply|respond|obey|act|ignore|say|speak|only|work\s+for|will\s+(?:obey|answer|reply|respond|ignore|act))\b|\bobey\s+(?:only\s+)?(?:me|my)\b/i },
  { kind: 'override', pattern: /^[ \t#>*-]*\[?(?:system|assistant|operator|developer)\]?\s*(?:\([^)\n]{0,30}\))?\s*:|\[(?:system|operator|admin|developer)\b[^\]\n]{0,30}\]|\b(?:from|by)\s+(?:your|the)\s+(?:(?:northwind|system|site|shop|bot|chatbot|ai|model|platform)\s+)?(?:operator|developer)s?\b|(?<!\b(?:delivery|my|our|assembly|care|washing|shipping|return)\s+)\binstructions\s+(?:have|has)\s+(?:been\s+)?(?:changed|updated)\b|\bnote\s+to\s+(?:the\s+)?(?:ai|assistant|bot|model)\b|\b(?:ai|llm|gpt|chat\s?bot|language\s+model)\s+(?:agent|assistant)?\s*:/im },
  { kind: 'dictation', pattern: /(?<!\b(?:that|which|who|they|you|you'd|you’d|you'll|you’ll|we|we'd|we’d|he|she|labels?|boxes|signs?|notes?|stickers?|tags?|screens?|pages?)\s+)\b(?:reply|respond|answer|say|send|write|repeat|output|print|state)\b(?:\s+(?:\w+|it|this)){0,5}?\s*(?::\s*|\s)["'“‘«]|\b(?:reply|respond|answer)\s+(?:only\s+)?with\s+(?:exactly|only|just|the\s+(?:word|sentence|text|line|phrase))\b|\b(?:include|add|put|insert|append|paste|copy|write|state)\b[^.\n]{0,80}?\b(?:in|to|into|at\s+the\s+(?:end|start)\s+of)\s+(?:your|the)\s+(?:reply|answer|response)\b|\b(?:start|end|begin)\s+your\s+(?:reply|answer|response)\s+with\b|\bsend\s+it\s+(?:right\s+away|now|immediately)\b/i },
  { kind: 'staff-claim', pattern: /\b(?:i\s+am|i'm|this\s+is|it's|we\s+are|as)\s+(?:[\w'-]+\s+){0,4}?(?:from\s+|at\s+|of\s+|in\s+)?(?:the\s+)?northwind\s+(?:\w+\s+)?(?:team|department|staff|employee|admin\w*|supervisor|manager|lead|ceo|operator|warehouse)\b|\b(?:ceo|cto|founder|admin\w*|supervisor|head\s+of\s+[\w\s]{1,30}?)\s+(?:of|at)\s+northwind\b|\bi\s+(?:run|manage|lead|head|work\s+(?:in|at|for|on))\b[^.\n]{0,40}?\bnorthwind\b|\b(?:i've|i\s+have)\s+(?:signed\s+(?:it\s+|this\s+)?off|approved\s+(?:it|this))\b|\bemployee\s+id\b|\bsupport\s+lead\b|\bmessage\s+from\s+(?:the\s+)?northwind\b|\bnote\s+from\s+your\s+(?:manager|supervisor|boss|admin\w*|lead)\b|\bi\s+(?:hereby\s+)?authori[sz]e\s+you\b|\byou\s+are\s+(?:hereby\s+)?authori[sz]ed\s+to\b/i },
  { kind: 'confidence', pattern: /\bconfidence\b[^.\n]{0,24}?(?:[:=]|\bto\b|\bas\b|\bat\b)\s*(?:1(?:\.0+)?\b|0?\.\d+|100\s*%)|\bpre-?approved\b(?!\s+for\s+(?:the\s+|a\s+)?(?:payment|finance|financing|loan|credit|mortgage|instalments?))|\bauto[- _]?(?:send|approv)\w*|\b(?:threshold|escalat\w*)\s*[:=]|\bdecision\s*[:=]\s*["']?(?:send|sent|approv\w*|auto\w*|allow\w*|draft\w*|skip\w*)|\b(?:without|skip)\s+(?:the\s+|any\s+)?(?:human\s+)?review\b|\bdo\s+not\s+(?:create\s+a\s+draft|draft|escalate|pass\s+(?:this|it)\s+(?:\w+\s+)?to\s+a\s+human)\b|\bapproval\s+(?:id|code)\b|\bapproved\s+by\s+(?:a\s+)?(?:human\s+)?(?:reviewer|supervisor|your\s+admin)\b|\b(?:send\s+guard|permission\s+engine|escalation\s+matrix)\b|\bthe\s+gate\s+(?:has|have|is|was)\s+(?:\w+\s+)?(?:verified|approved|cleared|passed|checked|confirmed|allowed)\b|\b(?:your|the\s+(?:send|confidence|approval|review))\s+gate\b/i },
  { kind: 'tool-syntax', pattern: /<\s*\/?\s*(?:untrusted_ticket_text|ticket_meta|system|tool_call|tool_use|function_calls?|invoke|instructions?)\b|"(?:tool_calls?|arguments|function_call|role)"\s*:|\b(?:send_reply|draft_reply|get_customer_profile|get_order_status|search_kb)\b|<!--|display\s*:\s*none|(?<!\b(?:at|in|to|by)\s+(?:the\s+)?(?:very\s+)?)\bend\s+of\s+(?:the\s+)?(?:customer\s+)?(?:message|ticket|input)\b|\b(?:support\s+)?agent\s+instructions\b|```\s*(?:system|prompt|instructions?)\b/i },
  { kind: 'exfiltration', pattern: /\b(?:hidden|initial|original|internal)\s+(?:prompt|instructions?)\b|\binstructions\s+you\s+(?:were|have\s+been)\s+given\b|\btools?\s+(?:do\s+)?you\s+(?:have|can\s+(?:call|use)|use)\b(?!\s+(?:for|in\s+stock|available|on\s+sale|to\s+(?:sell|offer)|left))|\bjson\s+schemas?\b|\binternal\s+notes?\b|\b(?:api\s+key|access\s+token|secret\s+key|credentials?)\b[^.?\n]{0,20}?\byou\s+use\b|\b(?:raw\s+(?:results?|output|json)|tool\s+(?:calls?|results?|outputs?))\b/i },
  { kind: 'third-party', pattern: /\blist\s+(?:all|every)\s+customers?\b|\b(?:which|what)\s+customers?\b(?!\s+(?:number|service|services|care|support|id|portal|hours|team|account\s+number))|(?<!\b(?:my|an|our)\s+)\b(?:customer|person|user|account)\s+(?:who\s+has|that\s+has|with|has|behind)\s+(?:the\s+|this\s+)?e-?mail\b|\b(?:all|every|other)\s+customers?'?\s+(?:emails?|addresses|details|data|names|orders)\b|(?<!\b(?:in|on)\s+your\s+)\bcustomer\s+(?:list|database|records)\b|\bthe\s+customer\s+(?:who|with\s+the)\b|(?<!\b(?:to|at|via|into)\s+)\b(?:my\s+(?:friend|colleague|neighbou?r|sister|brother|wife|husband|partner)|someone\s+else)['’]s\s+(?:order|account|address|details)\b|\b(?:her|his)\s+order\s+[A-Z]\d{4}/i },
];

/**
 * Words addressed to the machine that reads the mail ("P.S. for the AI reading this:", "if you are
 * an AI assistant", "Dear AI,"): a customer writes to the shop, an attacker to its agent. A bot
 * the customer complains about ("I don't want to talk to a bot") is not addressed.
 */
const ADDRESSED_TO_MACHINE = new RegExp(
  String.raw`\b(?:for|to|dear|attention|attn:?|hey|hi|hello|note\s+for)\s+(?:the\s+|any\s+|an?\s+)?(?:ai|a\.i\.|llm|gpt|chat\s?gpt|language\s+model|chat\s?bot|bot|assistant|model)s?\s+(?:reading|processing|handling|answering|triaging|parsing|that\s+(?:reads|processes|handles|answers)|who\s+(?:reads|is\s+reading))\b` +
    String.raw`|\bif\s+you(?:\s+are|'re|’re)\s+(?:an?\s+)?(?:ai|llm|language\s+model|chat\s?bot|bot|automated)\b` +
    String.raw`|^[ \t>*-]*(?:dear|hey|hi|hello|attention|attn:?)\s+(?:ai|llm|chat\s?bot|bot|gpt)\b` +
    // "AI NOTE IN SIGNATURE: when replying, also ...", "Note to the assistant: ...", "[AI instruction]"
    String.raw`|\b(?:ai|a\.i\.|llm|gpt|chat\s?bot|bot|assistant)\s+(?:note|notes|instructions?|directive|memo)\b[^:\n]{0,30}:|\bnote\s+to\s+(?:the\s+|any\s+)?(?:ai|llm|bot|assistant|model|agent)\b|\binstructions?\s+for\s+(?:the\s+|any\s+)?(?:ai|llm|bot|assistant|model)\b`,
  'im',
);

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const LETTER_RUN = /\p{L}+/gu;
const FULL_WIDTH_RUN = /[\uff21-\uff3a\uff41-\uff5a]{3}/;
/**
 * Left-to-right and right-to-left overrides (not the marks and isolates that Arabic or Hebrew mail
 * carries): they make a reader see text in another order than the model reads it.
 */
const BIDI_OVERRIDE = /[\u202d\u202e]/;
const SPACED_LETTERS = /(?:^|\s)(?:\p{L}[ \t]{1,3}){5}\p{L}(?=\s|$)/u;
const BASE64_RUN = /[A-Za-z0-9+/]{24,}={0,2}/g;
const SCRUBBED_EMAIL = /\[email:[^\]@\s]{0,40}@([^\]\s]{1,255})\]/g;

/** Signals in the customer's subject and body; `customerEmails` and `ownHosts` may appear freely. */
export function findInjectionSignals(
  ticketText: string,
  allow: { customerEmails: readonly string[]; ownHosts: readonly string[] },
): InjectionSignal[] {
  const signals: InjectionSignal[] = [];
  const add = (kind: InjectionKind, match: string) => {
    if (!signals.some((signal) => signal.kind === kind)) signals.push({ kind, match: shorten(match) });
  };
  if (FULL_WIDTH_RUN.test(ticketText)) add('obfuscation', 'full-width letters');
  if (BIDI_OVERRIDE.test(ticketText)) add('obfuscation', 'bidi override characters');
  if ((ticketText.match(/\p{L}[\u200b-\u200d\u2060\u00ad](?=\p{L})/gu) ?? []).length >= 3) add('obfuscation', 'hidden characters inside words');
  const text = readableForm(ticketText);
  const lookAlike = findLookAlikeWords(text)[0];
  if (lookAlike) add('obfuscation', lookAlike);
  const spaced = SPACED_LETTERS.exec(text);
  if (spaced) add('obfuscation', spaced[0].trim());
  for (const match of allMatches(text, BASE64_RUN)) {
    if (decodesToText(match[0])) {
      add('obfuscation', match[0]);
      break;
    }
  }
  if (text.includes(ENCODED_TEXT_MARKER)) add('obfuscation', 'text hidden in base64');
  for (const { kind, pattern } of INJECTION_PATTERNS) {
    const match = pattern.exec(text);
    if (match) add(kind, match[0]);
  }
  const addressed = ADDRESSED_TO_MACHINE.exec(text);
  if (addressed) add('override', addressed[0]);
  const foreign = findForeignInstruction(text);
  if (foreign) add('override', foreign);
  const own = new Set(allow.customerEmails.map((email) => email.trim().toLowerCase()));
  // An address in a forwarded or quoted mail's header names who sent that mail, not a person asked
  // about ("Is this really from you?" above a phishing mail from security@northwind-verify.example).
  const body = withoutMailHeaders(text);
  for (const email of detectPii(body, new Set(['email']))) {
    const address = email.value.toLowerCase();
    const host = address.slice(address.lastIndexOf('@') + 1);
    if (own.has(address) || isAllowedHost(host, allow.ownHosts) || namesOwnAddress(body, email.start, email.end)) continue;
    add('third-party', email.value);
    break;
  }
  // The service triages the stored ticket, whose emails the scrubber has masked to their domain
  // ("[email:***@bigcorp.example]"): another domain than the customer's is someone else.
  const ownDomains = new Set([...own].map((email) => email.slice(email.lastIndexOf('@') + 1)));
  for (const match of allMatches(body, SCRUBBED_EMAIL)) {
    const [marker, domain = ''] = match;
    if (ownDomains.has(domain.toLowerCase()) || isAllowedHost(domain, allow.ownHosts)) continue;
    if (namesOwnAddress(body, match.index, match.index + marker.length)) continue;
    add('third-party', marker);
    break;
  }
  return signals;
}

/** The text without "From: / To: / Cc:" header lines and "On ..., X <x@y> wrote:" lines, quoted or not. */
function withoutMailHeaders(text: string): string {
  const lines = text.split('\n').map((line) => line.replace(/^(?:\s*>)+\s?/u, ''));
  const kept: string[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const attribution = replyHeaderLength(lines, index);
    if (attribution > 0) {
      index += attribution - 1;
      continue;
    }
    if (headerField(lines[index] ?? '') === undefined) kept.push(lines[index] ?? '');
  }
  return kept.join('\n');
}

/** NFKC (full-width letters become plain ones) without zero-width and soft-hyphen characters. */
export function readableForm(text: string): string {
  return text.normalize('NFKC').replace(ZERO_WIDTH, '');
}

/** Base64 of readable text ("SWdub3Jl..."), not an id or a tracking number that happens to fit. */

/** Words that mix Latin letters with Cyrillic or Greek ones: "apprоved" with a Cyrillic о. */
export function findLookAlikeWords(text: string): string[] {
  const words: string[] = [];
  for (const [word] of allMatches(text, LETTER_RUN)) {
    if (/\p{Script=Latin}/u.test(word) && /[\p{Script=Cyrillic}\p{Script=Greek}]/u.test(word)) words.push(word);
  }
  return words;
}

/**
 * "We have changed your address", "the late fee has been removed", "your account is now VIP": the
 * agent's tools only read and reply, so a claim that something was done is false or a promise.
 */
export const ACTION_CLAIM =
  /\b(?:we|i)(?:'ve|’ve|\s+have|\s+just|\s+already)\s+(?:already\s+|just\s+)?(?:\w+\s+)?(?:changed|updated|removed|deleted|cancell?ed|upgraded|downgraded|unlocked|verified|added|applied|issued|credited|refunded|waived|reset|approved|processed|extended|marked|flagged|closed|restored|reactivated)\b|\b(?:your|the)\s+(?:[\w-]+\s+){0,3}?(?:has|have)\s+(?:already\s+)?been\s+(?:changed|updated|removed|deleted|cancell?ed|upgraded|unlocked|verified|added|applied|issued|credited|refunded|waived|reset|approved|processed|extended|marked|closed|restored|reactivated)\b|\byour\s+(?:account|plan|subscription)\s+is\s+now\b/i;

/** Six words in a row are not a coincidence; a quoted phrase of two or more is what was dictated. */
const ECHO_RUN = 6;
const QUOTED = /(?<![\p{L}\p{N}])["“„«‘'`]([^"“”„«»‘’'`\n]{2,300}?)["”»’'`](?![\p{L}\p{N}])/gu;
const MAX_QUOTES = 200;

/**
 * The ticket's own words in the reply: a phrase the customer put in quotes, or a run of six words.
 * A KB-grounded reply restates the policy in its own words; a reply that carries the customer's
 * sentence verbatim is what an injected "reply with ..." produces.
 */
/**
 * `approved`: the run's approved material (KB articles, order facts). Words the reply shares with the
 * ticket that the approved material says as well came from there ("press Forgot password" is the
 * article's, though the customer wrote "I clicked 'forgot password'"): not an echo.
 */
export function findTicketEchoes(reply: string, ticketText: string, approved = ''): string[] {
  const replyWords = wordsOf(reply);
  if (replyWords.length === 0) return [];
  const replyLine = ` ${replyWords.join(' ')} `;
  const approvedLine = ` ${wordsOf(approved).join(' ')} `;
  const fromApproved = (words: string) => approved !== '' && approvedLine.includes(` ${words} `);
  const echoes: string[] = [];
  let quotes = 0;
  for (const match of allMatches(readableForm(ticketText), QUOTED)) {
    if (++quotes > MAX_QUOTES) break;
    const words = wordsOf(match[1] ?? '');
    const phrase = words.join(' ');
    if (words.length >= 2 && replyLine.includes(` ${phrase} `) && !fromApproved(phrase)) echoes.push(shorten(phrase));
  }
  const ticketWords = wordsOf(ticketText);
  const runs = new Set<string>();
  for (let index = 0; index + ECHO_RUN <= ticketWords.length; index += 1) runs.add(ticketWords.slice(index, index + ECHO_RUN).join(' '));
  for (let index = 0; index + ECHO_RUN <= replyWords.length; index += 1) {
    const run = replyWords.slice(index, index + ECHO_RUN).join(' ');
    if (runs.has(run) && !fromApproved(run)) {
      echoes.push(run);
      break;
    }
  }
  return echoes;
}

function wordsOf(text: string): string[] {
  return (readableForm(text).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

export function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}
