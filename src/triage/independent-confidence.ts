/**
 * The independent estimate that caps the model's claimed confidence: how sure the intent classifier
 * is, discounted when the knowledge base has no article for that intent.
 */
import type { KbHit } from './types.js';

export interface IntentCertainty {
  intent: string;
  confidence: number;
}

/** Below this normalised BM25 score a KB hit is not taken as support. */
export const MIN_KB_SUPPORT = 0.35;

/**
 * `kbAgrees`: the KB, asked about the request sentence alone, points at an article of the intent
 * (request-kb-support.ts). Short requests rarely reach MIN_KB_SUPPORT on whole-article BM25 ("do you
 * take amex" scores 0.3 on the payment-methods article), so that agreement is support too.
 */
export function estimateIndependentConfidence(
  intent: IntentCertainty,
  kbHits: readonly KbHit[],
  options: { kbAgrees?: boolean } = {},
): number {
  if (intent.intent === 'other') return Math.min(intent.confidence, 0.3) * 0.5;
  const supporting = options.kbAgrees === true || kbHits.some((hit) => hit.intents.includes(intent.intent) && hit.score >= MIN_KB_SUPPORT);
  const factor = supporting ? 1 : 0.6;
  return Number(Math.max(0, Math.min(1, intent.confidence * factor)).toFixed(3));
}
