/**
 * Commitments a reply must not make: refunds, credits, discounts, compensation, free months, price
 * matches, SLA exceptions and guaranteed dates. What separates a promise from a policy explanation
 * is grammar, not vocabulary: "we'll refund you" and "I've issued a refund" commit us, while "our
 * refund policy allows returns within 30 days" and "refunds go to the original payment method"
 * describe. So the patterns want a first-person subject with a modal or perfect ("we'll", "I've",
 * "we can"), a "you'll get/receive", a "your refund has been ...", or a compensation phrase, and a
 * negation right before the match ("we can't offer a discount") or a conditional ("once your refund
 * is processed") cancels it.
 */

import { allMatches } from './regex-matches.js';
import { findCommitments } from './reply-rules-commitments.js';
import { findMultilingualPromises } from './reply-rules-promises-multilingual.js';

const SUBJECT = String.raw`\b(?:we|i)`;
const MODAL = String.raw`(?:'ll|’ll|\s+will|\s+shall|\s+can|\s+could|\s+would|\s+have|'ve|’ve|\s+had|'d|’d|'m|’m|'re|’re|\s+am|\s+are|\s+(?:am|are)\s+going\s+to|'m\s+going\s+to|'re\s+going\s+to)`;
const ADVERBS = String.raw`(?:\s+(?:also|now|gladly|happily|personally|immediately|already|just|definitely|certainly|go\s+ahead\s+and|gone\s+ahead\s+and|be\s+happy\s+to|be\s+glad\s+to|like\s+to|love\s+to|want\s+to|be\s+able\s+to|make\s+sure\s+to|happy\s+to|glad\s+to)){0,3}`;
const NOUN = String.raw`(?:(?:full|partial|complete)\s+)?(?:refund(?!s?\s+(?:request|requests|policy|form|process|page|option|button|eligibility|window|portal|status|rules|terms|team|department|specialists?|desk))|store\s+credit|account\s+credit|credit(?!\s+card)|discount|voucher|coupon|gift\s+card|promo(?:tion(?:al)?)?\s+code|compensation|rebate|reimbursement|free\s+(?:month|months|upgrade|shipping|replacement|year)|\d{1,3}\s?%\s?(?:off|discount)|months?\s+(?:for\s+)?free|price\s+match|money\s+back)`;
const GIVING_VERB = String.raw`(?:issue|issued|issuing|process|processed|processing|approve|approved|approving|initiate|initiated|send|sent|sending|give|given|giving|offer|offered|offering|apply|applied|applying|add|added|adding|grant|granted|provide|provided|arrange|arranged|authori[sz]e|authori[sz]ed|extend|extended|get|got|put\s+through|put\s+in)`;
const DIRECT_VERB = String.raw`(?:refund|refunded|refunding|reimburse|reimbursed|reimbursing|compensate|compensated|credit|credited|crediting|waive|waived|waiving|comp|comped|match\s+(?:the|that|their|this|its|your)\s+(?:\w+\s+){0,2}?price|price[- ]match|make\s+an\s+exception|extend\s+(?:your|the)\s+(?:trial|deadline|return\s+window|warranty)|expedite)`;

/** A few words between the verb and its object, never across a clause ("... an email when your refund ..."). */
const FILLER = String.raw`(?:\s+(?!(?:when|once|if|after|before|as|until|whether|and|or|but|because|while)\b)[\w€$£%.,'-]+){0,4}?`;

interface PromisePattern {
  pattern: RegExp;
  what: string;
}

const PATTERNS: readonly PromisePattern[] = [
  { pattern: new RegExp(`${SUBJECT}${MODAL}${ADVERBS}\\s+${DIRECT_VERB}\\b`, 'gi'), what: 'commits us to a refund, credit or exception' },
  {
    pattern: new RegExp(`${SUBJECT}${MODAL}${ADVERBS}\\s+${GIVING_VERB}\\b${FILLER}\\s+${NOUN}`, 'gi'),
    what: 'commits us to a refund, credit, discount or compensation',
  },
  {
    // A second verb joined to a commitment: "we'll cover the shipping and refund the full amount".
    pattern: new RegExp(
      `${SUBJECT}${MODAL}\\b[^.!?\\n]{0,80}?\\s(?:and|&)\\s+(?:then\\s+|also\\s+)?(?:${DIRECT_VERB}\\b|${GIVING_VERB}\\b${FILLER}\\s+${NOUN})`,
      'gi',
    ),
    what: 'commits us to a refund, credit or exception',
  },
  { pattern: new RegExp(`${SUBJECT}(?:${MODAL})?${ADVERBS}\\s+(?:guarantee|promise)\\b`, 'gi'), what: 'gives a guarantee' },
  {
    pattern: new RegExp(`\\byou(?:'re|’re|\\s+are)\\s+(?:now\\s+|also\\s+)?(?:eligible\\s+for|entitled\\s+to|getting|receiving|owed)\\b${FILLER}\\s+${NOUN}`, 'gi'),
    what: 'tells the customer they get a refund, credit or discount',
  },
  {
    pattern: new RegExp(`\\bhere(?:'s|’s|\\s+is|\\s+are)\\s+(?:a|an|your|the|some)\\b${FILLER}\\s+${NOUN}`, 'gi'),
    what: 'hands out a refund, credit or voucher',
  },
  {
    pattern: new RegExp(
      `\\byou(?:'ll|’ll|\\s+will|\\s+are\\s+going\\s+to)(?:\\s+(?:also|now|still|definitely|then|soon))?\\s+(?:get|receive|be\\s+given|be\\s+receiving|see|be\\s+sent|be\\s+issued|qualify\\s+for|be\\s+eligible\\s+for)\\b${FILLER}\\s+${NOUN}`,
      'gi',
    ),
    what: 'tells the customer they will get a refund, credit or discount',
  },
  {
    pattern: /\byou(?:'ll|’ll|\s+will)(?:\s+(?:also|now|then|soon))?\s+be\s+(?:refunded|reimbursed|credited|compensated)\b/gi,
    what: 'tells the customer they will be refunded',
  },
  {
    pattern: new RegExp(
      `\\byour\\s+${NOUN}\\s+(?:of\\s+[€$£]?\\s?[\\d.,]+\\s+)?(?:has\\s+(?:already\\s+)?been|was|is\\s+being|will\\s+be|is\\s+now|is)\\s+(?:issued|processed|approved|initiated|sent|granted|confirmed|applied|on\\s+its\\s+way)\\b`,
      'gi',
    ),
    what: 'confirms a refund or credit',
  },
  {
    // Headline-style confirmations: "Refund approved.", "Late fee waived", "Credit has been granted".
    // Only as a statement of its own (sentence start), so a UI label such as 'the order shows
    // Return received, Refund approved or Refund sent' stays an explanation.
    pattern: /(?:^|[.!?]\s+|\n)\s*(?:(?:the|your)\s+)?(?:[a-z]+\s+)?(?:refund|reimbursement|credit(?!\s+card)|discount|compensation|exception)\s+(?:(?:is|has\s+been|was)\s+)?(?:approved|granted|confirmed|authori[sz]ed)\b(?![^.!\n]*\?)|(?:^|[.!?]\s+|\n)\s*(?:(?:the|your)\s+)?(?:[a-z]+\s+)?(?:fee|charge|penalty|fine|surcharge)s?\s+(?:(?:is|are|has\s+been|have\s+been|was|were)\s+)?(?:waived|removed|reversed|cancelled|canceled|refunded|dropped)\b(?![^.!\n]*\?)/gi,
    what: 'confirms a refund, credit or waived fee',
  },
  {
    pattern: /\byour\s+(?:account|card|balance|wallet)\s+(?:has\s+(?:already\s+)?been|was|is\s+being|will\s+be)\s+(?:credited|refunded|reimbursed)\b/gi,
    what: 'confirms a refund or credit',
  },
  {
    pattern:
      /\b(?:as\s+(?:a\s+)?compensation|as\s+(?:a\s+|an\s+)?(?:goodwill\s+gesture|gesture\s+of\s+goodwill|token\s+of\s+(?:our\s+)?apology|apology|thank[- ]you(?:\s+for\s+your\s+patience)?)|to\s+make\s+up\s+for\s+(?:this|it|the|that|your)|on\s+the\s+house)\b/gi,
    what: 'offers compensation',
  },
  {
    pattern: new RegExp(
      `\\b(?:a|the|your)\\s+${NOUN}\\s+(?:of\\s+[€$£]?\\s?[\\d.,]+\\s+(?:(?:EUR|USD|GBP)\\s+)?)?(?:is|has\\s+been|was)\\s+(?:already\\s+)?on\\s+its\\s+way\\b|\\b(?:a|the)\\s+${NOUN}\\s+(?:of\\s+[€$£]?\\s?[\\d.,]+\\s+)?(?:has\\s+(?:already\\s+)?been|was|is\\s+being)\\s+(?:issued|processed|approved|initiated|sent|granted|applied)\\b`,
      'gi',
    ),
    what: 'confirms a refund or credit',
  },
  {
    pattern:
      /\b(?:order|purchase|payment|charge|subscription|it|this)\s+(?:#?[A-Z0-9][A-Z0-9-]{2,}\s+)?(?:has\s+(?:already\s+)?been|was|is\s+being|will\s+be)\s+(?:fully\s+|partially\s+)?(?:refunded|credited|reimbursed)\b/gi,
    what: 'confirms a refund',
  },
  {
    // The verb may start the sentence; the code itself is upper case.
    pattern: /\b(?:[Uu]se|[Aa]pply|[Ee]nter|[Rr]edeem)\s+(?:the\s+)?(?:(?:[Dd]iscount|[Pp]romo|[Cc]oupon|[Vv]oucher)\s+)?[Cc]ode\s*:?\s*[A-Z][A-Z0-9-]{3,}\b/g,
    what: 'hands out a discount code',
  },
  {
    pattern: /\bguaranteed\s+(?:delivery|arrival|to\s+(?:arrive|be\s+delivered|reach|ship)|by|before|within|refund)\b/gi,
    what: 'guarantees a delivery date',
  },
  {
    pattern:
      /\b(?:will|'ll|’ll)\s+(?:definitely|certainly|surely|absolutely|100%)\s+(?:arrive|be\s+delivered|reach\s+you|be\s+with\s+you|ship)\b/gi,
    what: 'promises a delivery date',
  },
  {
    pattern: /\b(?:will|'ll|’ll)\s+(?:arrive|be\s+delivered|reach\s+you|be\s+with\s+you)\s+(?:by|before|no\s+later\s+than)\s+(?:tomorrow|today|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the\s+\d|\d)/gi,
    what: 'promises a delivery date',
  },
];

/** Sentences where only a first-person or "you" commitment makes a free/percent-off phrase a promise. */
const OFFER_PHRASE = /\b(?:\d{1,3}\s?%\s?off|for\s+free|free\s+of\s+charge|at\s+no\s+(?:extra\s+|additional\s+)?(?:cost|charge)|(?:a|one|two|three|\d)\s+(?:free\s+months?|months?\s+free))\b/gi;
const COMMITTING_SUBJECT = /\b(?:we|i)(?:'ll|’ll|\s+will|\s+can|'ve|’ve|\s+have|'d|’d|\s+would)\b|\byou(?:'ll|’ll|\s+will)\s+(?:get|receive)\b/i;

const NEGATION = /(?:\b(?:not|never|cannot|unable|no\s+longer|without)\b|(?<!\w)\w+n['’]t\b)[^.!?\n]{0,40}$/i;

export interface PromiseFinding {
  match: string;
  what: string;
}

/** Links are the link rule's business; a path like /guarantee or /refund-offer is not a promise. */
const URL = /\b(?:[a-z][a-z0-9+.-]{1,15}:\/\/|www\.)[^\s<>"'\x60)\]]+/gi;

export function findPromises(reply: string): PromiseFinding[] {
  const findings: PromiseFinding[] = [];
  for (const sentence of sentencesOf(reply.replace(URL, 'a link'))) {
    // Copies: a caller may change what it was given, never what the next reply is given.
    for (const finding of sentencePromises(sentence)) findings.push({ ...finding });
  }
  return findings;
}

/**
 * A sentence's findings depend on nothing but the sentence, and replies are made of the knowledge
 * base's answers: the same sentences come back ticket after ticket, and reading one against every
 * pattern (18 in English, 21 in seven other languages) was most of the reply rules' time. Kept between
 * tickets; past the limit the table starts again.
 */
const findingsBySentence = new Map<string, readonly PromiseFinding[]>();
export const PROMISE_CACHE_LIMIT = 20_000;

/** How many sentences the table holds (for tests). */
export function promiseCacheSize(): number {
  return findingsBySentence.size;
}

function sentencePromises(sentence: string): readonly PromiseFinding[] {
  let known = findingsBySentence.get(sentence);
  if (known === undefined) {
    if (findingsBySentence.size >= PROMISE_CACHE_LIMIT) findingsBySentence.clear();
    findingsBySentence.set(sentence, (known = readSentencePromises(sentence)));
  }
  return known;
}

function readSentencePromises(sentence: string): PromiseFinding[] {
  const findings: PromiseFinding[] = [];
  for (const { pattern, what } of PATTERNS) {
    for (const match of allMatches(sentence, pattern)) {
      if (isNegated(sentence, match.index)) continue;
      findings.push({ match: match[0].trim(), what });
    }
  }
  if (COMMITTING_SUBJECT.test(sentence)) {
    for (const match of allMatches(sentence, OFFER_PHRASE)) {
      if (isNegated(sentence, match.index)) continue;
      findings.push({ match: match[0].trim(), what: 'offers something for free or at a discount' });
    }
  }
  findings.push(...findMultilingualPromises(sentence));
  // The phrases above name what was promised precisely; the broad net only speaks when they missed.
  if (findings.length === 0) {
    for (const match of findCommitments(sentence)) {
      findings.push({ match, what: 'commits us to a refund, credit, discount or exception' });
    }
  }
  return findings;
}

/** "when your refund is processed" or "once we have issued a refund" describes a process, not a commitment. */
const CONDITIONAL = /\b(?:if|when|whenever|once|after|as\s+soon\s+as|until|whether|unless)\s+$/i;

/** Idioms with a negation that negate nothing ("Don't worry, you'll be refunded"). */
const NEGATION_IDIOMS = /\b(?:do\s+not|don't|don’t)\s+worry\b|\bnot\s+to\s+worry\b|\bno\s+(?:problem|worries)\b|\bnever\s+mind\b/gi;

/**
 * Whether the clause before a match negates or conditions it. The window stops at the last
 * clause break, so "we can't refund the fee, but we'll give you a voucher" is still a promise.
 */
function isNegated(sentence: string, index: number): boolean {
  const window = sentence.slice(Math.max(0, index - 60), index).replace(NEGATION_IDIOMS, ' ');
  const clause = window.split(/[,;:–—]|\s-\s|\b(?:but|however|instead|although)\b/i).at(-1) ?? window;
  return NEGATION.test(clause) || CONDITIONAL.test(clause);
}

/** Sentence by sentence, so that a negation in one sentence never cancels a promise in the next. */
function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/).filter((sentence) => sentence.trim().length > 0);
}
