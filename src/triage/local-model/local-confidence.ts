/**
 * The local model's own confidence claim: the classifier's certainty, discounted when the knowledge
 * base or the CRM let the reply down. The gate does not trust this claim alone (the send guard takes
 * the lower of it and an independent estimate); its job is to rank drafts for a reviewer and to keep
 * a reply the model itself doubts from asking to be sent. The factors are hand-set, not fitted: each
 * constant says what it guarantees, and test/triage/local-model/local-confidence.test.ts checks it.
 * The console's bands (web/format.js) are high >= the threshold (0.9 by default), medium >= 0.6, low.
 */

/**
 * No article of the recognised intent: the reply is a related article or a holding reply, an answer
 * to another question. Halving puts it in the low band (<= 0.5) however sure the classifier is.
 */
export const NO_INTENT_ARTICLE_FACTOR = 0.5;

/**
 * No verified customer profile (the CRM failed, or an unknown sender asked about an account or an
 * order): the article answers the question, but nothing in it could be checked against the account.
 * Milder than a missing article: a sure classifier keeps 0.7, medium band, below the default 0.9.
 */
export const UNVERIFIED_CUSTOMER_FACTOR = 0.7;

/**
 * The classifier recognised none of the known intents: its certainty is about "none of these", not
 * about any answer. Capped in the low band, below what both discounts together leave of a sure
 * classifier (0.5 x 0.7 = 0.35).
 */
export const NO_INTENT_CONFIDENCE_CAP = 0.3;

/** Claims are rounded like the other numbers tools and the audit show, so equal claims compare equal. */
const CONFIDENCE_DECIMALS = 3;

export interface ConfidenceEvidence {
  /** The classifier's probability for its predicted intent. */
  classifierConfidence: number;
  /** `other` when the classifier recognised no intent. */
  intent: string;
  /** Whether a KB article of the predicted intent was found. */
  hasIntentArticle: boolean;
  /** A verified profile, or an unknown sender's general question that needs none. */
  customerVerified: boolean;
}

export function localConfidence(evidence: ConfidenceEvidence): number {
  let confidence = evidence.classifierConfidence;
  if (!evidence.hasIntentArticle) confidence *= NO_INTENT_ARTICLE_FACTOR;
  if (!evidence.customerVerified) confidence *= UNVERIFIED_CUSTOMER_FACTOR;
  if (evidence.intent === 'other') confidence = Math.min(confidence, NO_INTENT_CONFIDENCE_CAP);
  return Number(confidence.toFixed(CONFIDENCE_DECIMALS));
}
