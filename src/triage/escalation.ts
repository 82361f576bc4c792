/**
 * The escalation matrix: signals in a ticket (or the customer's plan) that force a human review.
 * Enforced in code, not only in the skill's prompt, so a model cannot talk its way past it.
 *
 * Three readers, and a tag fires when any of them fires (a false positive costs a human a minute;
 * a false negative can cost a customer or a lawsuit): word lists in eight languages
 * (escalation-word-lists.ts), the tag model trained on our own labelled mail (escalation-model.ts),
 * and the independent classifier's intent. Each signal says which of them fired. Two readings are
 * too often wrong alone to route a mail, so they hold it untagged (a doubt) instead: an English
 * list word of four tags the tag model does not corroborate, and a tag only one sentence carries.
 */
import {
  isEndingOnlyAskedAbout,
  isEndingUndone,
  isComplaintDisowned,
  isMoneyOnlyFromElsewhere,
  isNoComplaintOfOurs,
  isOwnHouseholdContext,
  isPersonOnlyAskedAbout,
  isSecurityWorryOnly,
  isSomeoneElsesAccount,
  onlyAsksWhenMoneyComesBack,
  removesPartOfAccount,
} from './escalation-cues.js';
import { loadDefaultEscalationModel, type EscalationTagModel } from './escalation-model.js';
import type { EscalationModelTag, EscalationTag } from './escalation-tags.js';
import { matchWordLists } from './escalation-word-lists.js';
import type { Customer } from './types.js';

export type { EscalationTag } from './escalation-tags.js';

export type EscalationSource = 'word-list' | 'model' | 'intent' | 'plan' | 'situation';

export interface EscalationSignal {
  tag: EscalationTag;
  reason: string;
  /** The words that fired, for the audit trail. */
  match?: string;
  /** Which readers fired, in the order word list, model, intent, plan. */
  firedBy?: EscalationSource[];
}

export interface EscalationInput {
  text: string;
  subject?: string;
  customer?: Pick<Customer, 'plan'> | null;
  /** The intent as the independent classifier sees it (never the model's claim). */
  intent?: string;
  /**
   * The classifier's confidence in that intent. Given, the intent adds its tag only from
   * INTENT_MIN_CONFIDENCE on: `complaint` is where the classifier puts mail it cannot place (praise,
   * a delivery note, a legal threat), and at 0.3 it said "complaint" of calm questions.
   */
  intentConfidence?: number;
  /** The tag model to ask; the committed one by default, `null` for the word lists alone. */
  model?: EscalationTagModel | null;
}

const TAG_REASONS: Record<EscalationModelTag, string> = {
  retention: 'the customer wants to cancel a subscription or leave',
  'legal-review': 'legal or compliance language',
  security: 'possible account takeover or fraud',
  'human-requested': 'the customer asks for a human',
  complaint: 'a complaint: anger, sarcasm, repeated failure or a misleading claim',
  'third-party-data': "the ticket asks about someone else's data",
  refund: 'a request for money back, compensation, a discount, a price match or a fee waiver',
};

/** Intents a person should answer even when neither the words nor the model fire. */
const INTENT_TAGS: Record<string, EscalationModelTag> = {
  complaint: 'complaint',
  contact_human_agent: 'human-requested',
  get_refund: 'refund',
  data_protection: 'legal-review',
  delete_account: 'retention',
};

/**
 * Intents that are their tag: closing the account (or the paid plan) is leaving, however calmly or
 * hypothetically it is asked ("not yet, just how it works"), so the tag model's calm reading does not
 * veto it as it vetoes praise read as `complaint`. Asking for a person is asking for a person, in
 * words the tag model never saw too ("Representative please.", "one of your human colleagues").
 */
const INTENTS_THAT_ARE_THEIR_TAG = new Set(['delete_account', 'contact_human_agent']);

export const INTENT_MIN_CONFIDENCE = 0.5;
/** The share of its threshold the tag model must give an intent's tag for the intent to add it. */
export const INTENT_CORROBORATION = 0.5;

/**
 * A tag the model leans towards without reaching its threshold. Such a mail is not tagged (the tag
 * would route it to the wrong queue as often as not), but it is not sent on its own either: the
 * thresholds were fitted for the tag's precision, and a send needs the opposite, near-certainty that
 * no tag applies.
 */
export interface EscalationDoubt {
  tag: EscalationModelTag;
  probability: number;
  threshold: number;
  /** The word-list words the tag model did not corroborate, when the doubt comes from a word list. */
  listed?: string;
  /** The whole mail's probability, when one sentence reached the threshold and the whole mail did not lean that way. */
  wholeProbability?: number;
}

/**
 * Tags whose English word lists fire on words that are as often the customer's context as the thing
 * itself ("terrible at using things on time", "Rude, but fair", "the phishing page", "my lawyer
 * friend says"): such a fire tags the mail only when the tag model gives the tag at least this share
 * of its threshold. Without it the fire is a doubt: untagged, never sent without a human. On 4,800
 * dev lines the tag model never saw (dev 63-78), English list-only fires of these four tags below
 * half the threshold were right 7 times in 67 (docs/classifier.md). The other languages' lists
 * stand alone (the model reads little of them), and so do refund, retention and human-requested,
 * whose listed words are the request itself ("refund", "cancel my subscription", "a real person").
 */
export const LIST_CORROBORATED_TAGS: ReadonlySet<EscalationModelTag> = new Set(['complaint', 'legal-review', 'security', 'third-party-data']);
export const WORD_LIST_CORROBORATION = 0.5;

/**
 * The tag model reads the whole mail and each sentence, and gives a tag from the surest of them. In a
 * long mail every sentence is one more chance of a false alarm ("I'd hate for it to break in the
 * post" in a calm delivery question): a tag that one sentence carries while the whole mail gives it
 * less than this share of the threshold is a doubt, not a tag, unless a word list or the intent
 * reads it too. On dev 63-82 (6,000 lines the tag model then had not seen) this dropped 42 false
 * tags for 7 right ones (docs/classifier.md).
 */
export const WHOLE_MAIL_SHARE = 0.5;

/**
 * The share of its threshold from which a tag's probability makes a send doubtful. Chosen on this
 * project's own dev sets (data/eval/sends-apart.jsonl, the corpus held-out mail): see docs/classifier.md.
 */
export const ESCALATION_DOUBT_SHARE = 0.6;

export function detectEscalation(input: EscalationInput): EscalationSignal[] {
  return readEscalation(input).signals;
}

/** The signals, and the tags the model leans towards without firing. */
export function readEscalation(input: EscalationInput): { signals: EscalationSignal[]; doubts: EscalationDoubt[] } {
  const haystack = `${input.subject ?? ''}\n${input.text}`;
  const signals = new Map<EscalationTag, EscalationSignal>();
  const model = input.model === undefined ? loadDefaultEscalationModel() : input.model;
  const scores = model && haystack.trim() !== '' ? model.score(haystack) : [];
  const uncorroborated: EscalationDoubt[] = [];

  for (const found of matchWordLists(haystack)) {
    // "My wife's account" is often the account the customer uses; the list cannot see that, the sentence can.
    if (found.tag === 'third-party-data' && isOwnHouseholdContext(haystack, found.match)) continue;
    if (found.tag === 'retention' && isEndingUndone(haystack, found.match)) continue;
    if (found.tag === 'security' && isSomeoneElsesAccount(haystack, found.match)) continue;
    if (found.tag === 'complaint' && isNoComplaintOfOurs(haystack, found.match)) continue;
    const score = scores.find((candidate) => candidate.tag === found.tag);
    const modelReadsList = found.language === 'en' || found.language === 'any';
    if (score && modelReadsList && LIST_CORROBORATED_TAGS.has(found.tag) && score.probability < score.threshold * WORD_LIST_CORROBORATION) {
      uncorroborated.push({ tag: score.tag, probability: score.probability, threshold: score.threshold, listed: found.match });
      continue;
    }
    const language = found.language === 'any' ? 'shouting' : found.language;
    signals.set(found.tag, {
      tag: found.tag,
      reason: `word list (${language}): ${TAG_REASONS[found.tag]}`,
      match: found.match,
      firedBy: ['word-list'],
    });
  }

  if (scores.length > 0) {
    for (const { tag, probability, threshold, cues, wholeProbability } of scores.filter((score) => score.probability >= score.threshold)) {
      const listed = signals.get(tag);
      if (!listed && wholeProbability !== undefined && wholeProbability < threshold * WHOLE_MAIL_SHARE) {
        uncorroborated.push({ tag, probability, threshold, wholeProbability });
        continue;
      }
      const fired = cues.slice(0, 3).map((cue) => `${cue.cue} "${cue.evidence}"`);
      const odds = `p=${probability.toFixed(2)}${fired.length > 0 ? `; cues: ${fired.join(', ')}` : ''}`;
      if (listed) {
        listed.reason += `; the tag model agrees (${odds})`;
        listed.firedBy!.push('model');
      } else {
        signals.set(tag, { tag, reason: `tag model (${odds}): ${TAG_REASONS[tag]}`, firedBy: ['model'] });
      }
    }
  }

  const confidentIntent = input.intentConfidence === undefined || input.intentConfidence >= INTENT_MIN_CONFIDENCE;
  const byIntent = input.intent && confidentIntent ? INTENT_TAGS[input.intent] : undefined;
  // The intent alone is not enough where the tag model reads the words as calm: the intent
  // `complaint` also takes praise and feedback, `get_refund` a return already sent.
  const modelScore = scores.find((score) => score.tag === byIntent);
  // "How do I delete one of my saved cards?" reads as delete_account; removing a card, an address or
  // a review from the account is housekeeping, not leaving.
  const removesPart = input.intent === 'delete_account' && removesPartOfAccount(haystack);
  const corroborated =
    !removesPart &&
    (!modelScore || INTENTS_THAT_ARE_THEIR_TAG.has(input.intent ?? '') || modelScore.probability >= modelScore.threshold * INTENT_CORROBORATION);
  if (byIntent && corroborated && !signals.has(byIntent)) {
    signals.set(byIntent, {
      tag: byIntent,
      reason: `intent ${input.intent}: ${TAG_REASONS[byIntent]}`,
      firedBy: ['intent'],
    });
  }
  const lostFactors = lostBothSignInFactors(haystack);
  if (lostFactors && !signals.has('security')) {
    signals.set('security', {
      tag: 'security',
      reason: `the phone and the backup codes are both gone ("${lostFactors}"): only an identity check by the security queue gets them back in`,
      firedBy: ['situation'],
    });
  }
  // A tag's words asked about, not meant: "when does the refund you sent reach my card?" (refund), "is
  // there a fee if I cancel Pro?" (retention), "in case I ever need a real person, when is the chat
  // staffed?" (human-requested), "nobody hacked me, I forgot my password" (security; the lost-factors
  // situation above stays), "not a complaint, just a question" (complaint). The tag and its doubt are dropped.
  const askedAbout = new Set<EscalationTag>();
  if (onlyAsksWhenMoneyComesBack(haystack) || isMoneyOnlyFromElsewhere(haystack)) askedAbout.add('refund');
  if (isEndingOnlyAskedAbout(haystack)) askedAbout.add('retention');
  if (isPersonOnlyAskedAbout(haystack)) askedAbout.add('human-requested');
  if (isComplaintDisowned(haystack)) askedAbout.add('complaint');
  if (isSecurityWorryOnly(haystack) && !signals.get('security')?.firedBy?.includes('situation')) askedAbout.add('security');
  for (const tag of askedAbout) signals.delete(tag);
  if (input.customer?.plan === 'enterprise') {
    signals.set('enterprise', {
      tag: 'enterprise',
      reason: 'enterprise customers always get a human reply',
      firedBy: ['plan'],
    });
  }
  const doubts: EscalationDoubt[] = [
    ...scores
      .filter((score) => !signals.has(score.tag) && score.probability < score.threshold && score.probability >= score.threshold * ESCALATION_DOUBT_SHARE)
      .map(({ tag, probability, threshold }) => ({ tag, probability, threshold })),
    ...uncorroborated.filter((doubt) => !signals.has(doubt.tag)),
  ].filter((doubt) => !askedAbout.has(doubt.tag));
  return { signals: [...signals.values()], doubts };
}

/** Why a doubt holds the reply, in the reviewer's words: what read the tag, and what did not. */
export function describeDoubt(doubt: EscalationDoubt): string {
  const odds = `p=${doubt.probability.toFixed(2)}, its threshold ${doubt.threshold.toFixed(2)}`;
  const reading =
    doubt.listed !== undefined
      ? `the ${doubt.tag} word list fired ("${doubt.listed}") but the tag model reads the mail otherwise (${odds})`
      : doubt.wholeProbability !== undefined
        ? `the tag model reads one sentence as ${doubt.tag} (${odds}) but not the whole mail (p=${doubt.wholeProbability.toFixed(2)})`
        : `the tag model leans towards ${doubt.tag} (${odds})`;
  return `${reading}: not tagged, but not sent without a human`;
}

export function escalationTags(signals: readonly EscalationSignal[]): EscalationTag[] {
  return [...new Set(signals.map((signal) => signal.tag))];
}

const DEVICE_GONE =
  /\b(?:lost|stolen|stole|broke|broken|smashed|dropped|wiped|reset|died|dead|gave\s+away|sold|replaced)\b[^.!?\n]{0,40}\b(?:phone|mobile|iphone|android|device|authenticator)\b|\b(?:phone|mobile|iphone|device|authenticator(?:\s+app)?)\b[^.!?\n]{0,30}\b(?:was|got|has\s+been|is)\s+(?:lost|stolen|broken|wiped|reset|dead)\b/i;
const CODES_GONE =
  /\b(?:no|never\s+(?:printed|saved|kept|wrote\s+down|got)|don['’]?t\s+have|didn['’]?t\s+(?:print|save|keep|write\s+down)|lost|can['’]?t\s+find|without|used\s+up|used\s+all)\b[^.!?\n]{0,30}\b(?:backup|recovery|back-up)\s+codes?\b|\b(?:backup|recovery|back-up)\s+codes?\b[^.!?\n]{0,30}\b(?:lost|gone|never|don['’]?t\s+have|can['’]?t\s+find|used\s+up)\b/i;

/**
 * The authenticator's phone and the backup codes both gone: the KB's own note sends this to the
 * security queue, because removing two-step verification needs the customer's identity checked.
 * With only one of them gone the two-factor article answers it (sign in with a backup code).
 */
export function lostBothSignInFactors(text: string): string | undefined {
  const device = DEVICE_GONE.exec(text);
  const codes = CODES_GONE.exec(text);
  return device && codes ? `${device[0]} ... ${codes[0]}` : undefined;
}
