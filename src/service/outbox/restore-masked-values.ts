/**
 * A reviewer edits the draft the console shows, which is the scrubbed copy: the customer's own email
 * reads `[email:***@example.com]` there. Left in place, that token would reach the customer as is.
 * So each mask the reviewer kept is put back to what it stood for in the exact draft; everything
 * the reviewer typed stays exactly as typed. A mask that stood for two different values in the
 * draft cannot be put back unambiguously: the reviewer is asked to write it out.
 */
import { detectPii } from '../../triage/scrubber.js';

export type MaskRestoration =
  | { ok: true; text: string; restored: number }
  | { ok: false; mask: string };

export function restoreMaskedValues(edited: string, exactDraft: string): MaskRestoration {
  const originals = new Map<string, Set<string>>();
  for (const match of detectPii(exactDraft)) {
    const values = originals.get(match.replacement) ?? new Set<string>();
    values.add(exactDraft.slice(match.start, match.end));
    originals.set(match.replacement, values);
  }
  let text = edited;
  let restored = 0;
  for (const [mask, values] of originals) {
    if (!text.includes(mask)) continue;
    if (values.size > 1) return { ok: false, mask };
    const [value] = values;
    const parts = text.split(mask);
    restored += parts.length - 1;
    text = parts.join(value);
  }
  return { ok: true, text, restored };
}
