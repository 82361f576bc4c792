/**
 * A message that only thanks or confirms ("Thanks, it arrived today. All good!") asks nothing: the
 * classifier still reads it as some intent ("arrived" is track_order) and the KB has an article for
 * that, so without this check the customer would get a tracking FAQ in answer to a thank-you.
 *
 * Read positively and narrowly: every sentence of the newest message must be short, carry a word of
 * thanks or closure, and hold nothing that asks, objects or reports a problem. English only:
 * other languages are drafted anyway, and "merci de ..." is French for "please". Anything else is left
 * to the other checks, so a missed acknowledgement costs nothing but the old behaviour.
 */
import { foldLetters } from './fold-letters.js';
import { splitSentences } from './grounding/sentence-support.js';

const THANKS_OR_CLOSURE =
  /\b(?:thanks?|thank you|thx|ty|cheers|ta|much appreciated|appreciated?|many thanks|all good|all sorted|sorted|resolved|solved|got it|works? now|working now|never ?mind|no worries|no problem|perfect|great|brilliant|lovely|awesome|excellent|wonderful|fantastic|ok|okay|noted|understood|will do|(?:most|very|really|super) helpful|that helps|that answers (?:it|that|my question))\b/u;

// A question, a request, a contrast or a negation means there is more to it than thanks.
const MORE_THAN_THANKS =
  /\?|\b(?:but|however|although|though|still|yet|again|please|pls|could|can|would|will you|need|want|like to|how|what|where|when|why|which|who|whether|if|not|no longer|never(?! ?mind)|nothing|wrong|broken|damaged|missing|problem|issue|refund|return|cancel|change|help)\b|n't\b/u;

/**
 * "I'll keep an eye out for the courier", "I shall watch for the FedEx van": beside thanks, what the
 * customer will do now that they have the answer; nothing asked of us. The same short-sentence and
 * nothing-more checks apply, so "I'll wait until Friday and then cancel" is not one.
 */
const OWN_NEXT_STEP =
  /^(?:ok(?:ay)?,?\s+|great,?\s+|so\s+)?(?:i|we)(?:'ll|\s+will|\s+shall|'m going to|\s+am going to)\s+(?:keep an eye (?:out|on)|look out|watch|wait|keep|expect|be (?:on the )?look(?:ing)? out)\b/u;

/** A sentence longer than this is saying something besides thanks. */
const MAX_WORDS = 12;

/** Greeting and name lines carry no content either way. */
const GREETING = /^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|hallo|bonjour|hola|ciao)\b[^.!?]*$/u;

/** "Tim", "Ada L." or "Katherine Johnson": a sender signing, not saying anything. */
function isNameLine(line: string): boolean {
  const words = line.split(/\s+/u);
  return words.length <= 3 && words.every((word) => /^\p{Lu}[\p{L}'.-]*$/u.test(word));
}

// A closing word, not a sign-off: "Thanks, Margaret" under a fragment closes nothing.
const CLOSES_THE_MATTER =
  /\b(?:all good|all sorted|all fine|all clear|sorted now|problem solved|solved|resolved|found (?:it|them|the \w+)|got it now|works now|working now|never ?mind|nvm|nothing further needed|no need to (?:reply|answer|respond)|(?:you can|please|feel free to) close (?:this|the|my|it)|ignore my (?:last|previous|earlier))\b/u;
const ASKS_OR_OBJECTS =
  /\?|\b(?:but|however|though|although|still|please|pls|could you|can you|would you|will you|could someone|can someone|need|want|'d like|would like|like to|broken|damaged|missing|wrong|lost|late|delayed|charged|twice|never|failed|error|declined|locked|hacked|stolen|fraud|complain\w*|angry|disappointed|unhappy|refund|problem|issue|empty|nothing (?:arrives|arrived|came|comes|happens|happened|works|worked)|again|anymore|any more|also|another|one more|question|wondering|wonder|how|what|when|where|which|why|who|whether|do you|does it|is it|is that|is this|is there|are there|are you|can i|could i|may i|should i|do i)\b|n't (?:work|arrive|come|show)/u;
// A question typed without its mark: "Is the money back on my card in 5 days".
const QUESTION_OPENING = /^(?:is|are|was|were|will|would|does|did|do|can|could|should|has|have)\s+(?:the|it|my|this|that|there|you|i|we)\b/u;
const MAX_CLOSING_SENTENCES = 6;

/**
 * A customer closing the matter in their own words: "found the button, cancelled. thx", "Found it, it
 * was on my statement as a separate line. All good. Thanks", "I've changed the password and turned on
 * two-step verification. You can close this." The sentences say what the customer did or found, which
 * the short-sentence reading refuses ("cancelled", "changed", "not as a change"), and end the matter
 * in so many words. Only when nothing in the message asks, wonders, objects or reports a fault.
 */
function closesTheMatter(newest: string, sentences: readonly string[]): string | null {
  if (sentences.length > MAX_CLOSING_SENTENCES) return null;
  // "Please close this" closes; a "please" anywhere else asks for something.
  const folded = foldLetters(newest.toLowerCase());
  const closure = CLOSES_THE_MATTER.exec(folded);
  if (!closure || ASKS_OR_OBJECTS.test(folded.replace(CLOSES_THE_MATTER, ' '))) return null;
  if (sentences.some((sentence) => QUESTION_OPENING.test(foldLetters(sentence.toLowerCase())))) return null;
  return closure[0];
}

/**
 * The words of thanks or closure when the whole newest message is an acknowledgement, else null.
 * A lone name line (the sender signing) is allowed; at least one sentence must carry the thanks.
 */
export function readAcknowledgement(newest: string): string | null {
  const sentences = splitSentences(newest);
  if (sentences.length === 0) return null;
  return readShortThanks(sentences) ?? closesTheMatter(newest, sentences);
}

function readShortThanks(sentences: readonly string[]): string | null {
  if (sentences.length > 4) return null;
  const found: string[] = [];
  for (const written of sentences) {
    const sentence = foldLetters(written.toLowerCase());
    const words = sentence.split(/\s+/u).length;
    if (words > MAX_WORDS || MORE_THAN_THANKS.test(sentence)) return null;
    const closure = THANKS_OR_CLOSURE.exec(sentence);
    if (closure) found.push(closure[0]);
    else if (!(GREETING.test(sentence) || isNameLine(written) || OWN_NEXT_STEP.test(sentence))) return null;
  }
  return found.length > 0 ? found.join(', ') : null;
}
