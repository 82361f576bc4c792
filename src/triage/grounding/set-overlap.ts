/**
 * How many members two sets share, counted by walking the smaller one and looking each member up
 * in the other: the count is the same either way, the lookups are as many as the smaller set has.
 * Sentence support counts a reply sentence's 4-grams found in each window of the run, and a clause
 * window holds fewer of them than the sentence, a window of two sentences more.
 */
export function sharedCount<T>(left: ReadonlySet<T>, right: ReadonlySet<T>): number {
  if (left.size > right.size) return sharedCount(right, left);
  let shared = 0;
  for (const member of left) if (right.has(member)) shared += 1;
  return shared;
}
