/**
 * "Send only when every ask is answered by approved material." A mail is answered with the articles
 * of one intent; any other sentence that asks for something must be about the same thing, or the
 * customer gets a confident answer to half their mail ("How long does delivery take? And could you
 * change the bulbs in A1001?" would be sent the delivery-times article, the change never made).
 *
 * An ask is a sentence of the newest message with a question mark or a request frame ("could you",
 * "please", "I need") and at least two content words beyond helpdesk filler ("can you help?" asks
 * for nothing in particular). It is covered when the classifier reads it as the chosen intent or as
 * an intent that an article of the chosen intent also answers (the KB's own grouping: the
 * delivery-delayed article answers `track_order` and `delivery_period`), or when those intents still
 * hold a fair share of its probability, or when the KB, asked about that sentence alone, answers it
 * first with an article of the chosen intent ("Can I pay for express shipping?" reads as a payment
 * question to the classifier; the KB's first answer is the delivery-options article). Anything else
 * is a second request, and the mail is drafted.
 */
import type { KnowledgeBase } from './kb/knowledge-base.js';
import { contentTerms } from './kb/search-terms.js';
import { splitSentences } from './escalation-model.js';
import type { IntentPredictor } from './local-model/request-classification.js';

/** The KB's first answer to an ask covers it only from this normalised score (off-topic text stays below). */
export const MIN_KB_ANSWER_SCORE = 0.2;

/** An article of the chosen intent within this share of the KB's best score for an ask answers it too. */
export const CLOSE_SECOND_SHARE = 0.8;

/** Probability the chosen intent and its article-mates keep in an ask for it to count as the same request. */
export const MIN_COVERED_SHARE = 0.25;

// "I need" / "I'd like" ask only when what follows is a thing or an action on the order or account:
// "I'd like to hear about new products" and "the lamp I want is sold out" are context, and so is
// "I want to order a second lamp for my son": the purchase the question is about, not an ask of its own.
const REQUEST_FRAME =
  /\?|\b(?:please|pls|plz|kindly|can (?:you|i|we)|could (?:you|i|we)|would you|will you|may i|let me know|tell me|send me|is it possible)\b|\b(?:i|we) (?:need|want|'d like|would like) (?:you|the|a|an|my|our|to (?:get|have|change|cancel|return|update|add|remove|delete|move|swap|merge|know))\b/i;

/**
 * Below this, the classifier's reading of a short ask is too vague to call it another request
 * ("I'd like to add a bit more security" under a 2FA question). A longer ask (MIN_SUBSTANTIAL_TERMS
 * content words) that the chosen intent's family barely explains is one, however the rest of the
 * probability is spread ("can I get the pen engraved with my initials before it ships?").
 */
export const MIN_OTHER_REQUEST_CONFIDENCE = 0.5;
export const MIN_SUBSTANTIAL_TERMS = 4;

// A short ask that points back ("How do I set a new one?") is read with the sentence before it.
const BACK_REFERENCE = /\b(?:one|it|that|this|them|those)\b/i;
// "Can I add bulbs to the order? Or do I need a new one?": the other half of the same question.
const ALTERNATIVE = /^or\b/i;
const MAX_BACK_REFERENCE_TERMS = 3;

// Content words that say nothing about what is asked ("quick question", "any idea").
const FILLER_TERMS = new Set(contentTerms('question quick idea help sorry bother mind wonder appreciate great lovely wrong go about ask answer reply'));

/**
 * A mail asking more than this many things is not one request with an answer: it is drafted without
 * reading the rest (which also bounds the work on a very long message).
 */
export const MAX_ASKS = 12;

export interface UncoveredAsk {
  sentence: string;
  /** What the classifier reads the sentence as. */
  intent: string;
  probability: number;
}

/**
 * "I need the desk lamp for my study by the weekend": when the customer needs a thing by a day is
 * the reason they ask about delivery, not a second request (a question mark makes it one).
 */
const DEADLINE_STATEMENT =
  /\b(?:i|we)\s+(?:really\s+)?(?:need|want)\s+(?:the|a|an|my|our|it|them|this|these)\b[^.?!\n]{0,50}\b(?:by|before|for|until|in\s+time\s+for)\s+(?:the\s+|this\s+|next\s+|my\s+|our\s+)?(?:weekend|week|\d{1,2}(?:st|nd|rd|th)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|christmas|easter|end|birthday|party|wedding|trip|holiday|holidays|move|event|start)\b/i;

/**
 * "Please excuse my English", "please be patient with my replies", "Please note: I read mail on
 * Fridays": a courtesy or a note about the writer, with the request frame's "please" and nothing
 * asked of us.
 */
const COURTESY_WORDS =
  "please\\s+(?:excuse|forgive|pardon|bear with|be patient|note|don'?t hesitate|do not hesitate|find attached|see (?:below|attached)|keep in mind|ignore my|understand that i)\\b";
const COURTESY = new RegExp(`^[^?]*\\b${COURTESY_WORDS}[^?]*$`, 'i');
const COURTESY_CLAUSE = new RegExp(`\\b${COURTESY_WORDS}[^,;:.]*`, 'gi');

export function isAsk(sentence: string): boolean {
  if (!REQUEST_FRAME.test(sentence)) return false;
  if (COURTESY.test(sentence) && !/\b(?:can|could|would|will) you\b/i.test(sentence.replace(COURTESY_CLAUSE, ''))) return false;
  if (DEADLINE_STATEMENT.test(sentence) && !sentence.includes('?')) return false;
  return contentTerms(sentence).filter((term) => !FILLER_TERMS.has(term)).length >= 2;
}

/** The intents the chosen intent's articles answer, the chosen one included. */
export function answeredIntents(kb: KnowledgeBase, intent: string): Set<string> {
  const intents = new Set([intent]);
  for (const article of kb.articles) if (article.intents.includes(intent)) for (const other of article.intents) intents.add(other);
  return intents;
}

/**
 * Content words that ask nothing by themselves ("how long", "exactly"): the question word's own
 * words. Every other word of the ask must be in the reply for the reply to speak to it.
 */
const QUESTION_TERMS = new Set(contentTerms('long often soon exactly usually normally typically generally actually approximately roughly much many still also take'));
/**
 * What a question of measure needs in its answer: "how long" a duration, "how much" a sum (or that
 * it costs nothing), "how many" a number. The words alone are not an answer: the delivery article
 * says "express" and "Madrid" may be in no article, but an article that names the lock and no duration
 * does not say how long the lock lasts.
 */
const MEASURES: readonly { asks: RegExp; answer: RegExp }[] = [
  {
    asks: /\bhow (?:long|soon)\b/i,
    answer: /\b\d+\s*(?:(?:to|-|–)\s*\d+\s*)?(?:business |working )?(?:minutes?|hours?|days?|weeks?|months?|years?)\b|\b(?:same|next) day\b/i,
  },
  { asks: /\bhow much\b|\bcost\b|\bprice\b|\bfee\b/i, answer: /[€$£]\s?\d|\d[\d.,]*\s?(?:€|\$|£|eur\b|gbp\b|usd\b|%)|\bfree\b|\bnothing\b|\bno (?:fee|charge|cost)\b/i },
  { asks: /\bhow many\b/i, answer: /\b\d+\b/ },
];

// "Can you check ...?" asks for a deed; "can you tell me ...?" asks for an answer.
const ASKS_FOR_A_DEED = /\b(?:can|could|would|will) (?:you|someone|somebody|anyone)\b(?!\s+(?:please\s+)?(?:tell|explain|let me know|confirm whether|advise))/i;

/** Each article's customer-facing words, read once per knowledge base rather than once per ask. */
const replyTermsByArticle = new WeakMap<KnowledgeBase, Map<string, Set<string>>>();

function articleReplyTerms(kb: KnowledgeBase, article: KnowledgeBase['articles'][number]): Set<string> {
  let byArticle = replyTermsByArticle.get(kb);
  if (!byArticle) replyTermsByArticle.set(kb, (byArticle = new Map()));
  let terms = byArticle.get(article.id);
  if (!terms) byArticle.set(article.id, (terms = new Set(contentTerms(`${article.title}\n${article.reply}`))));
  return terms;
}

/**
 * Whether the customer-facing text of the chosen intent's articles holds every content word of the
 * ask. The Notes do not count: they are never said to the customer, so an ask only they answer is
 * not answered by the reply.
 */
function repliedInWords(kb: KnowledgeBase, intent: string, ask: string): boolean {
  // "Can you check my account?" asks us to do something; the article's words about accounts do not do it.
  if (ASKS_FOR_A_DEED.test(ask)) return false;
  const terms = contentTerms(ask).filter((term) => !QUESTION_TERMS.has(term) && !FILLER_TERMS.has(term));
  if (terms.length === 0) return false;
  const measures = MEASURES.filter((measure) => measure.asks.test(ask));
  return kb.articles.some((article) => {
    if (!article.intents.includes(intent)) return false;
    const replyTerms = articleReplyTerms(kb, article);
    return terms.every((term) => replyTerms.has(term)) && measures.every((measure) => measure.answer.test(article.reply));
  });
}

export function findUncoveredAsks(input: {
  classifier: IntentPredictor;
  kb: KnowledgeBase;
  /** The newest message (no quoted history, no signature). */
  text: string;
  intent: string;
}): UncoveredAsk[] {
  const answered = answeredIntents(input.kb, input.intent);
  const uncovered: UncoveredAsk[] = [];
  const sentences = splitSentences(input.text);
  let asks = 0;
  for (const [index, sentence] of sentences.entries()) {
    if (!isAsk(sentence)) continue;
    if (++asks > MAX_ASKS) {
      uncovered.push({ sentence, intent: 'other', probability: 0 });
      break;
    }
    const pointsBack =
      index > 0 && (ALTERNATIVE.test(sentence) || (BACK_REFERENCE.test(sentence) && contentTerms(sentence).length <= MAX_BACK_REFERENCE_TERMS));
    const reading = input.classifier.predict(pointsBack ? `${sentences[index - 1]} ${sentence}` : sentence);
    if (answered.has(reading.intent)) continue;
    if (reading.confidence < MIN_OTHER_REQUEST_CONFIDENCE && contentTerms(sentence).length < MIN_SUBSTANTIAL_TERMS) continue;
    const share = reading.ranked.reduce((sum, entry) => sum + (answered.has(entry.intent) ? entry.probability : 0), 0);
    if (share >= MIN_COVERED_SHARE) continue;
    // The KB answers the ask with an article of the chosen intent, first or as a close second
    // ("who pays the return shipping?" is the returns article's and the refund policy's alike).
    const hits = input.kb.search(sentence, { limit: 3 });
    const top = hits[0]?.score ?? 0;
    if (hits.some((hit) => hit.score >= MIN_KB_ANSWER_SCORE && hit.score >= top * CLOSE_SECOND_SHARE && hit.intents.includes(input.intent))) continue;
    // A follow-up in the chosen answer's own words ("How long is the link valid?" under a password
    // reset): the classifier reads "how long" as delivery, but the reply the customer gets says it.
    if (repliedInWords(input.kb, input.intent, pointsBack ? `${sentences[index - 1]} ${sentence}` : sentence)) continue;
    uncovered.push({ sentence, intent: reading.intent, probability: reading.confidence });
  }
  return uncovered;
}
