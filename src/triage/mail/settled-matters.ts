/**
 * What the customer says is settled, set aside from what they ask now: "Thanks, the complaint from
 * last month was sorted. How do I add a second delivery address?", "Please ignore my old request
 * below about deleting my account, I decided to stay. My actual question: has A1009 shipped?",
 * "Scratch my last, the refund arrived. One unrelated thing: where do I see my renewal date?".
 * Read whole, those mails are a complaint, an account deletion, a refund; the request is the rest.
 *
 * Only statements are set aside (a sentence with a question mark asks), only when what is left still
 * asks something, and a settled matter told with a grievance ("closed without an answer", "sorted,
 * but the lamp broke again") is not settled.
 */
import { splitSentences } from '../escalation-model.js';

const SETTLED = new RegExp(
  [
    // "the complaint was sorted", "that issue is closed as far as I'm concerned", "all fixed now"
    "\\b(?:complaint|issue|problem|matter|case|ticket|refund|return|replacement|exchange|it|that|this|everything|all)\\b[^.!?\\n]{0,40}\\b(?:is|was|has\\s+been|have\\s+been|got|are|were|now)\\s+(?:now\\s+|all\\s+|finally\\s+|fully\\s+|been\\s+)?(?:sorted|resolved|settled|fixed|closed|handled|dealt\\s+with|taken\\s+care\\s+of)\\b",
    // "please ignore my old request below", "disregard my previous email"
    "\\b(?:ignore|disregard|forget)\\s+(?:about\\s+)?(?:my|the|that)\\s+(?:old\\s+|earlier\\s+|previous\\s+|last\\s+|first\\s+|other\\s+)?(?:request|mail|e-?mail|message|question|ticket)\\b",
    // "never mind my question below", "scratch my last", "scratch that"
    "\\bnever\\s*mind\\b|\\bscratch\\s+(?:my\\s+last|that)\\b",
    // "the refund came through last week", "the replacement arrived fine", "it has arrived after all"
    "\\b(?:refund|money|replacement|parcel|package|order|it)\\b[^.!?\\n]{0,30}\\b(?:arrived|came\\s+through|came\\s+in|turned\\s+up|showed\\s+up|went\\s+through)\\b[^.!?\\n]{0,30}\\b(?:after\\s+all|fine|now|today|yesterday|this\\s+morning|last\\s+week|in\\s+the\\s+end)\\b",
  ].join('|'),
  'i',
);

// A settled matter with a grievance is not settled: "closed without any answer", "sorted, but ...".
const GRIEVANCE = /\b(?:not|never|no|without|but|yet|still|unfortunately|however|again)\b|n['’]t\b/i;

/** Something is still asked: a question mark or a request frame. */
const STILL_ASKS = /\?|\b(?:please|could you|can you|can i|could i|would you|i(?:'d| would) like|i want|i need|how do i|how can i|where (?:do|can) i|tell me|let me know)\b/i;

/** "Never mind my question below": the customer takes back what they asked before. */
const WITHDRAWN = /\bnever\s*mind\b|\b(?:ignore|disregard|forget)\s+(?:about\s+)?(?:my|the|that)\s+(?:old\s+|earlier\s+|previous\s+|last\s+|first\s+|other\s+)?(?:request|mail|e-?mail|message|question|ticket)\b|\bscratch\s+(?:my\s+last|that)\b/i;

export function withdrawsEarlierAsk(text: string): boolean {
  return WITHDRAWN.test(text);
}

/** The text without its settled statements (cut out in place, so order ids and short lines stay). */
export function setAsideSettled(text: string): string {
  const sentences = splitSentences(text);
  if (sentences.length < 2) return text;
  const settled = sentences.filter((sentence) => !sentence.includes('?') && SETTLED.test(sentence) && !GRIEVANCE.test(sentence.replace(SETTLED, ' ')));
  if (settled.length === 0) return text;
  if (!sentences.some((sentence) => !settled.includes(sentence) && STILL_ASKS.test(sentence))) return text;
  let rest = text;
  for (const sentence of settled) rest = rest.replace(sentence, '');
  return rest.replace(/\n{3,}/g, '\n\n').trim();
}
