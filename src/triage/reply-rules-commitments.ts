/**
 * The broad net behind the phrase patterns of reply-rules-promises.ts. Paraphrases of a promise are
 * endless ("we'll throw in free shipping", "I've set up a 30% discount", "your account now has 20
 * EUR of store credit"), but they share a shape: inside one clause, someone committing (we/I/our
 * team with a modal or perfect, "you'll"/"you're", "your account now has", "here's") is followed
 * closely by a benefit (refund, credit, discount, free shipping, at no cost, price match, waiver,
 * extension). A clause that is negated, conditional ("if", "once"), or hedged ("may", "under our
 * policy", "reviewed") describes the policy instead, and so does a committing word followed by
 * feelings or customer actions ("I'm sorry your refund...", "you're welcome to request a refund").
 */
import { allMatches } from './regex-matches.js';

const SIGNALS: readonly RegExp[] = [
  /\b(?:we|i|our\s+(?:\w+\s+)?(?:team|store|shop))(?:'ll|’ll|'ve|’ve|'d|’d|'m|’m|'re|’re|\s+will|\s+shall|\s+can|\s+could|\s+would|\s+have|\s+has|\s+had|\s+are|\s+am|\s+is|\s+just|\s+already)\b/gi,
  /\byou(?:'ll|’ll|\s+will|'re|’re|\s+are|'ve\s+been|’ve\s+been|\s+have\s+been|\s+now\s+have|'ve\s+got|’ve\s+got|\s+can\s+expect|\s+should\s+(?:receive|see|get))\b/gi,
  /\byour\s+(?:\w+\s+){0,2}?(?:account|order|subscription|plan|trial|delivery|parcel|package|refund|card|payment|balance|wallet|fee|fees|shipping|charge|purchase|return)\s+(?:will\s+be|has\s+been|have\s+been|was|were|is\s+being|is\s+now|now\s+has|has|is|gets|will\s+get|qualifies\s+for|is\s+eligible\s+for)\b/gi,
  /\byou\s+(?:qualify|are\s+entitled|now\s+qualify)\b/gi,
  /\b(?:here(?:'s|’s|\s+is|\s+are)|keep\s+(?:it|the\s+item|them))\b/gi,
];

const BENEFIT = new RegExp(
  [
    String.raw`\brefund(?:s|ed)?\b(?!\s+(?:request|requests|policy|form|process|page|option|button|eligibility|window|portal|status|rules|terms|team|department|specialists?|desk))`,
    String.raw`\breimburs\w*`,
    String.raw`\bcompensat\w*`,
    String.raw`\bcredit(?:s|ed)?\b(?!\s+card)`,
    String.raw`\bdiscount\w*`,
    String.raw`\b\d{1,3}\s?%\s?(?:off|discount)\b`,
    String.raw`(?:[€$£]\s?\d[\d.,]*|\b\d[\d.,]*\s?(?:EUR|USD|GBP|euros?|dollars?|pounds?))\s+off\b`,
    String.raw`\b(?:voucher|coupon)s?\b`,
    String.raw`\bpromo(?:tion(?:al)?)?\s+codes?\b`,
    String.raw`\bgift\s+cards?\b`,
    String.raw`\bfree\s+(?:\w+\s+)?(?:shipping|delivery|months?|upgrade|replacement|years?|items?|returns?|trial|of\s+charge)\b`,
    String.raw`\b(?:for\s+free|at\s+no\s+(?:extra\s+|additional\s+)?(?:cost|charge)|on\s+(?:us|the\s+house))\b`,
    String.raw`\bmoney\s+back\b`,
    String.raw`\bwaiv\w*`,
    String.raw`\bprice[- ]match\w*|\b(?:match|beat)\s+(?:the|that|their|this|its|your|any)\s+(?:[\w']+\s+){0,2}?price\b`,
    String.raw`\bexception\b`,
    String.raw`\bextend(?:ed|ing)?\s+(?:\w+\s+){0,3}?(?:trial|deadline|return\s+window|warranty|subscription|plan|by\s+(?:a|one|two|\d+)\s+(?:days?|weeks?|months?))\b`,
  ].join('|'),
  'gi',
);

/** Between the commitment and the benefit: feelings, perception and the customer's own actions. */
const NOT_A_COMMITMENT =
  /\b(?:sorry|afraid|apologi[sz]e|understand|see|saw|know|checked|looked|noticed|received|forwarded|passed|asked|explain\w*|hope|think|believe|request\w*|ask|apply|start|submit|choose|contact|check|help|find|track|follow|welcome|able\s+to\s+see)\b/i;

// Not a bare "no": "at no cost" is the benefit itself. The lookbehind starts "-n't" words at their
// first letter only: without it a long word is rescanned from each of its letters (quadratic).
const NEGATED = /\b(?:not|never|no\s+longer|unable|cannot)\b|(?<!\w)\w+n['’]t\b/i;
const HEDGED = /\b(?:may|might|possibly|depending|policy|policies|review|reviews|reviewed|decide|decides|options?|such\s+as|eligible\s+if|usually|typically)\b/i;
const CONDITIONAL_START = /^\s*(?:if|when|whenever|once|after|before|until|unless|whether|as\s+soon\s+as|in\s+case)\b/i;
/**
 * Phrases that promise by themselves, whoever the subject: a guarantee (a money-back or
 * satisfaction guarantee is a product's policy, though), something "on us", a charge that "has been
 * waived", "consider it refunded", "we'll make sure it arrives by Friday".
 */
const SELF_EVIDENT = new RegExp(
  [
    String.raw`(?<!money[- ]back\s)(?<!satisfaction\s)\bguarantee(?:s|d|ing)?\b`,
    String.raw`\bon\s+the\s+house\b`,
    String.raw`\b(?:is|are|'s|’s|will\s+be)\s+on\s+us\b`,
    String.raw`\b(?:has|have)\s+(?:already\s+)?been\s+(?:fully\s+)?(?:waived|refunded|credited|reimbursed|comped|written\s+off)\b`,
    String.raw`\bconsider\s+(?:it|this|that)\s+(?:refunded|credited|waived|done|free)\b`,
    String.raw`\bmake\s+sure\s+(?:it|they|your\s+\w+|the\s+\w+)\s+(?:arrives?|gets?\s+to\s+you|(?:is|are)\s+delivered)\s+(?:by|before|on)\b`,
  ].join('|'),
  'gi',
);

/** How far after the committing words the benefit may start. */
const REACH = 70;

export function findCommitments(sentence: string): string[] {
  const found: string[] = [];
  for (const clause of clausesOf(sentence)) {
    if (CONDITIONAL_START.test(clause) || NEGATED.test(clause) || HEDGED.test(clause)) continue;
    for (const match of allMatches(clause, SELF_EVIDENT)) found.push(match[0]);
    for (const signalPattern of SIGNALS) {
      for (const signal of allMatches(clause, signalPattern)) {
        const after = signal.index + signal[0].length;
        const window = clause.slice(after, after + REACH);
        const benefit = new RegExp(BENEFIT.source, 'i').exec(window);
        if (!benefit || NOT_A_COMMITMENT.test(window.slice(0, benefit.index))) continue;
        found.push(clause.slice(signal.index, after + benefit.index + benefit[0].length).trim());
      }
    }
  }
  return found;
}

/**
 * Clauses of one sentence: split at punctuation and at the conjunctions that start a contrast or a
 * condition ("we can't refund the fee, but we'll give you a voucher"; "we'll refund you if ...").
 * "and" does not split: "we'll cover the shipping and refund the full amount" is one commitment.
 */
function clausesOf(sentence: string): string[] {
  return sentence
    .split(/[,;:()–—]|\s-\s|(?=\b(?:but|however|although|though|whereas|if|when|whenever|once|unless|until|whether|as\s+soon\s+as)\b)/i)
    .filter((clause) => clause.trim().length > 0);
}
