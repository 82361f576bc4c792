/**
 * Order ids as customers write them. Ours are a letter and four to eight digits (A1001), written
 * "#A1001", "A-1001", "a1001", "A 1001", "order no. A1001", "Bestellung A1001"; other shops' are long
 * numbers after a label ("order #113542617735902", "order NW-2026-31877") or a prefix, year and
 * serial on their own ("NW-2026-04417"). All come back in our form: A1001.
 *
 * Linear: each pattern has bounded quantifiers or a single unambiguous run, so no input makes the
 * engine retry a run at every position.
 */
import { allMatches } from '../regex-matches.js';

// "A1001", "#A1001", "a1001", "A-1001"; a space ("A 1001") only after a capital, so "a 1000 euros" is no id.
const OWN_ORDER_ID = /(?<![\p{L}\p{N}])(?:([A-Z])[- ]?|([a-z])-?)(\d{4,8})(?![\p{L}\p{N}])/gu;

/** "order", "Bestellung", "commande", ... then an optional "number"/"no."/"#"/":" and the id. */
const ORDER_LABELS = [
  'order', 'purchase', 'bestellung', 'bestellnummer', 'auftrag', 'commande', 'pedido', 'ordine', 'bestelling',
  'encomenda', 'zamówienie', 'zamowienie', 'zamówienia',
].join('|');
const NUMBER_WORDS = ['number', 'no', 'nr', 'num', 'id', 'nummer', 'numéro', 'numero', 'número', 'n°', 'nº', 'n', 'ref'].join('|');
const LABELLED_ORDER_ID = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${ORDER_LABELS})(?:[ \\t]{1,3}(?:${NUMBER_WORDS})(?![\\p{L}])\\.?)?[ \\t]{0,3}[:#]?[ \\t]{0,3}([A-Z]{0,3}-?\\d[\\dA-Z-]{3,24})(?![\\p{L}\\p{N}])`,
  'giu',
);

/** Another shop's prefix, year and serial ("NW-2026-04417"), written without a label. */
const PREFIXED_ORDER_ID = /(?<![\p{L}\p{N}-])([A-Z]{2,3}-20\d\d-\d{3,7})(?![\p{L}\p{N}-])/gu;

export function extractOrderIds(text: string): string[] {
  const found: { index: number; id: string }[] = [];
  for (const match of allMatches(text, OWN_ORDER_ID)) {
    const letter = (match[1] ?? match[2] ?? '').toUpperCase();
    found.push({ index: match.index ?? 0, id: `${letter}${match[3] ?? ''}` });
  }
  for (const match of allMatches(text, LABELLED_ORDER_ID)) {
    const raw = (match[1] ?? '').toUpperCase();
    // "order A-1001" is our own form with a dash: the first pattern has it already.
    const own = /^[A-Z]-?\d{4,8}$/.exec(raw) ? raw.replace('-', '') : raw;
    found.push({ index: match.index ?? 0, id: own });
  }
  for (const match of allMatches(text, PREFIXED_ORDER_ID)) found.push({ index: match.index ?? 0, id: match[1] ?? '' });
  const ids = new Set<string>();
  for (const { id } of found.sort((left, right) => left.index - right.index)) if (id) ids.add(id);
  return [...ids];
}
