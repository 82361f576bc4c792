/** Order ids customers write: our own (A1001) and long numeric ones ("order #113542617735902"). */
const OWN_ORDER_ID = /\b([A-Z]\d{4,8})\b/gi;
const LABELLED_ORDER_ID = /\b(?:order|purchase)\s*(?:number|no\.?|num|id)?\s*[:#]?\s*([A-Z]{0,3}\d[\dA-Z-]{3,24})\b/gi;

export function extractOrderIds(text: string): string[] {
  const ids = new Set<string>();
  for (const match of text.matchAll(OWN_ORDER_ID)) ids.add((match[1] ?? '').toUpperCase());
  for (const match of text.matchAll(LABELLED_ORDER_ID)) ids.add((match[1] ?? '').toUpperCase());
  ids.delete('');
  return [...ids];
}
