/**
 * Finds training texts that copy or nearly copy an evaluation text: token-set Jaccard similarity
 * over the classifier's own tokens (numbers folded), so "order 123" and "order 456" are the same.
 * Used to keep the Bitext evaluation set out of the training data.
 */
import { tokenise } from './text-features.js';

export interface NearDuplicate {
  text: string;
  reference: string;
  similarity: number;
}

export function jaccardSimilarity(left: ReadonlySet<string>, right: ReadonlySet<string>): number {
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const token of left) if (right.has(token)) shared++;
  return shared / (left.size + right.size - shared);
}

/** Every text whose token set is more than `threshold` similar to some reference (the most similar one). */
export function findNearDuplicates(
  texts: readonly string[],
  references: readonly string[],
  threshold = 0.8,
): NearDuplicate[] {
  const referenceSets = references.map((reference) => ({ reference, tokens: new Set(tokenise(reference)) }));
  const found: NearDuplicate[] = [];
  for (const text of texts) {
    const tokens = new Set(tokenise(text));
    let best: NearDuplicate | undefined;
    for (const { reference, tokens: other } of referenceSets) {
      // Jaccard can exceed the threshold only when the sizes are within that ratio of each other.
      const smaller = Math.min(tokens.size, other.size);
      const larger = Math.max(tokens.size, other.size);
      if (larger > 0 && smaller / larger <= threshold) continue;
      const similarity = jaccardSimilarity(tokens, other);
      if (similarity > threshold && (!best || similarity > best.similarity)) best = { text, reference, similarity };
    }
    if (best) found.push(best);
  }
  return found;
}
