/**
 * The promise rule in the other languages the product handles: French, Spanish, German, Italian,
 * Dutch, Portuguese and Polish. Like the English patterns, they want a commitment (a first-person
 * future or perfect, "your refund has been approved", a code or a percentage off, a guaranteed
 * delivery), not the vocabulary alone: "les remboursements sont versés sur le moyen de paiement
 * d'origine" describes the policy. They are the second layer: a reply in these languages is not
 * grounded in the English knowledge base and is drafted by the grounding rule first.
 */
import { allMatches } from './regex-matches.js';
import type { PromiseFinding } from './reply-rules-promises.js';

// A digit run with no word boundary before it starts only at its first digit ((?<!\d)): from every
// digit of a long run it would rescan the run to its end, quadratic in the run.
const PATTERNS: ReadonlyArray<{ language: string; pattern: RegExp; what: string }> = [
  // French
  { language: 'fr', pattern: /\b(?:nous|je)\s+(?:vous\s+|te\s+)?(?:rembourser(?:ons|ai)|rembourse|remboursons|allons\s+vous\s+rembourser|vais\s+vous\s+rembourser|avons\s+rembours[ée]|offr(?:ons|irons)|accord(?:ons|erons))\b/giu, what: 'commits us to a refund or an offer (French)' },
  { language: 'fr', pattern: /\bremboursement\s+(?:int[ée]gral\s+)?(?:a\s+[ée]t[ée]|est|sera)\s+(?:approuv[ée]|valid[ée]|accept[ée]|effectu[ée]|confirm[ée]|accord[ée]|vers[ée])/giu, what: 'confirms a refund (French)' },
  { language: 'fr', pattern: /\b(?:code\s+promo|bon\s+d['’]achat|geste\s+commercial|r[ée]duction\s+de\s+\d+\s?%|\d+\s?%\s+de\s+r[ée]duction)|\b(?:nous\s+)?(?:vous\s+)?garantiss?ons\b|\blivraison\s+garantie\b/giu, what: 'offers a discount or a guarantee (French)' },
  // Spanish
  { language: 'es', pattern: /\b(?:le|te|les)\s+(?:reembolsaremos|devolveremos|vamos\s+a\s+(?:reembolsar|devolver))\b|\b(?:reembolsaremos|devolveremos\s+(?:el|su|tu)\s+(?:dinero|importe))\b/giu, what: 'commits us to a refund (Spanish)' },
  { language: 'es', pattern: /\breembolso\s+(?:completo\s+)?(?:ha\s+sido|fue|est[áa]|ser[áa])\s+(?:aprobado|procesado|confirmado|emitido|autorizado)/giu, what: 'confirms a refund (Spanish)' },
  { language: 'es', pattern: /\bc[óo]digo\s+(?:de\s+descuento|promocional)|\bcup[óo]n\b|\bdescuento\s+del?\s+\d+\s?%|\b(?:le\s+|te\s+)?garantizamos\b|\bentrega\s+garantizada\b/giu, what: 'offers a discount or a guarantee (Spanish)' },
  // German
  { language: 'de', pattern: /\bwir\s+(?:erstatten|werden\s+(?:Ihnen\s+)?(?:[\p{L}\s]{0,30}?)(?:erstatten|zurückzahlen|gutschreiben)|zahlen\s+(?:Ihnen\s+)?[\p{L}\s]{0,30}?zurück|haben\s+(?:Ihnen\s+)?[\p{L}\s]{0,30}?(?:erstattet|gutgeschrieben))\b/giu, what: 'commits us to a refund (German)' },
  { language: 'de', pattern: /\b(?:Rück)?erstattung\s+(?:wurde|ist|wird)\s+(?:bereits\s+)?(?:genehmigt|bearbeitet|veranlasst|bestätigt|angewiesen|ausgezahlt)|\bGutschrift\s+(?:wurde|ist|wird)\b/giu, what: 'confirms a refund (German)' },
  { language: 'de', pattern: /\b(?:Gutschein(?:code)?|Rabattcode)\b|(?<!\d)\d+\s?%\s+Rabatt\b|\bwir\s+garantieren\b|\bgarantiert\s+(?:geliefert|zugestellt|bis|am|morgen)\b/giu, what: 'offers a discount or a guarantee (German)' },
  // Italian
  { language: 'it', pattern: /\b(?:le|ti|vi)\s+(?:rimborseremo|restituiremo|rimborsiamo)\b|\brimborseremo\b/giu, what: 'commits us to a refund (Italian)' },
  { language: 'it', pattern: /\brimborso\s+(?:completo\s+)?(?:è\s+stato|e['’]\s+stato|sarà|è)\s+(?:approvato|elaborato|emesso|confermato|autorizzato)/giu, what: 'confirms a refund (Italian)' },
  { language: 'it', pattern: /\bcodice\s+(?:sconto|promozionale)|\bbuono\s+(?:sconto|regalo)|\bsconto\s+del\s+\d+\s?%|\b(?:le\s+|ti\s+)?garantiamo\b|\bconsegna\s+garantita\b/giu, what: 'offers a discount or a guarantee (Italian)' },
  // Dutch
  { language: 'nl', pattern: /\b(?:wij|we|ik)\s+(?:betalen|storten|zullen)\b[\p{L}\s]{0,40}?\b(?:terug|terugbetalen|vergoeden)\b/giu, what: 'commits us to a refund (Dutch)' },
  { language: 'nl', pattern: /\b(?:terugbetaling|restitutie)\s+(?:is|wordt|werd)\s+(?:al\s+)?(?:goedgekeurd|verwerkt|uitgevoerd|bevestigd)/giu, what: 'confirms a refund (Dutch)' },
  { language: 'nl', pattern: /\bkortingscode\b|\btegoedbon\b|\bkorting\s+van\s+\d+\s?%|\b(?:wij|we)\s+garanderen\b|\bgegarandeerd\s+(?:geleverd|bezorgd|morgen)\b/giu, what: 'offers a discount or a guarantee (Dutch)' },
  // Portuguese
  { language: 'pt', pattern: /\b(?:vamos|iremos)\s+(?:lhe\s+|te\s+)?(?:reembolsar|devolver)\b|\breembolsaremos\b|\b(?:lhe|te)\s+devolveremos\b/giu, what: 'commits us to a refund (Portuguese)' },
  { language: 'pt', pattern: /\breembolso\s+(?:total\s+)?(?:foi|está|será)\s+(?:aprovado|processado|confirmado|emitido|autorizado)/giu, what: 'confirms a refund (Portuguese)' },
  { language: 'pt', pattern: /\bc[óo]digo\s+(?:de\s+desconto|promocional)|\bcup[ãa]o\b|\bcupom\b|\bdesconto\s+de\s+\d+\s?%|\bgarantimos\b|\bentrega\s+garantida\b/giu, what: 'offers a discount or a guarantee (Portuguese)' },
  // Polish
  { language: 'pl', pattern: /\bzwr[óo]cimy\b|\b(?:oddamy|zwracamy)\s+(?:Panu|Pani|Ci|Państwu)\b/giu, what: 'commits us to a refund (Polish)' },
  { language: 'pl', pattern: /\bzwrot(?:\s+pieniędzy|\s+środków)?\s+(?:został|zostanie|jest)\s+(?:już\s+)?(?:zatwierdzony|przyznany|zrealizowany|zlecony|wysłany)/giu, what: 'confirms a refund (Polish)' },
  { language: 'pl', pattern: /\bkod\s+rabatowy\b|\bkupon\b|\brabat(?:u)?\s+(?:w\s+wysokości\s+)?\d+\s?%|(?<!\d)\d+\s?%\s+rabatu\b|\bgwarantujemy\b|\bgwarantowan[aey]\s+dostaw/giu, what: 'offers a discount or a guarantee (Polish)' },
];

export function findMultilingualPromises(sentence: string): PromiseFinding[] {
  const findings: PromiseFinding[] = [];
  for (const { pattern, what } of PATTERNS) {
    for (const match of allMatches(sentence, pattern)) findings.push({ match: match[0].trim(), what });
  }
  return findings;
}
