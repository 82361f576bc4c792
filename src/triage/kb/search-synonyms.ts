/**
 * Words customers use for what the articles say in other words: "make an account" for "create
 * an account", "swap the bulbs" for "change the order", "how fast is express" for "how long does
 * Express take", "the returns window" for "return within 30 days". BM25 matches words, so without
 * these a plainly answered question looks unanswered and is drafted (the KB's agreement is part of
 * the confidence). A group holds words that name one thing in a shop's support vocabulary;
 * a word of the question counts as explained by an article that holds one of its group's words,
 * while the strength of a match stays the customer's own words': a synonym never ranks an article
 * higher, and an article that matches nothing the customer wrote is still no match.
 */
import { processTerm } from './search-terms.js';

const GROUPS: readonly string[] = [
  'create make register signup',
  'change swap exchange replace modify amend alter switch update edit',
  'delete remove erase close deactivate',
  'long fast quick quickly speed soon time',
  'days window deadline period',
  'contact phone telephone call ring reach',
  'order parcel package shipment',
  'delivery shipping postage courier',
  'invoice receipt bill',
  'price cost costs fee fees charge',
  'refund reimburse reimbursement',
  'yearly annual annually',
  'international abroad overseas',
  'unsubscribe optout',
  'sign login signin log',
  'password passcode',
  'discount voucher coupon promo',
  'address postcode',
  'return send back',
];

const SYNONYMS: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, Set<string>>();
  for (const group of GROUPS) {
    const terms = [...new Set(group.split(/\s+/).map((word) => processTerm(word)).filter((term): term is string => term !== null))];
    for (const term of terms) {
      const others = map.get(term) ?? new Set<string>();
      for (const other of terms) if (other !== term) others.add(other);
      map.set(term, others);
    }
  }
  return new Map([...map].map(([term, others]) => [term, [...others]]));
})();

/** The other words of the groups `term` (a processed term) belongs to. */
export function synonymsOf(term: string): readonly string[] {
  return SYNONYMS.get(term) ?? [];
}
