/** Decisions counted by confidence band, split by sent and drafted. Pure; the view draws it. */

export const HISTOGRAM_BINS = 10;

/**
 * @param {Array<{confidence: number, decision: string}>} decisions
 * @returns {Array<{from: number, to: number, sent: number, drafted: number}>}
 */
export function confidenceHistogram(decisions, bins = HISTOGRAM_BINS) {
  const counts = Array.from({ length: bins }, (_, index) => ({ from: index / bins, to: (index + 1) / bins, sent: 0, drafted: 0 }));
  for (const decision of decisions) {
    const value = decision.confidence;
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    // 1.0 belongs to the last bin, not to an eleventh one.
    const index = Math.min(bins - 1, Math.max(0, Math.floor(value * bins)));
    const bin = counts[index];
    if (decision.decision === 'sent') bin.sent += 1;
    else bin.drafted += 1;
  }
  return counts;
}
