/**
 * A quote, trade terms or a quantity beyond one order: sales work for a person, not a question the
 * ordering article answers. The KB says so itself (data/kb/place-order.md, Notes: "Maximum 20 units
 * per SKU per order; larger quantities go through the Enterprise team"), but only in its Notes, which
 * a reply never says: sent on its own, "Can I order 40 mugs for our café?" gets the how-to-order
 * article and a basket that stops at 20.
 *
 * A purchase order number on the invoice is not this: the checkout has a field for it.
 */

/** Units of one product a single order may hold (place-order.md's Notes). */
export const MAX_UNITS_PER_ORDER = 20;

// "a quote for", not "to quote your own site": the verb is how complaints cite us.
const TRADE_TERMS =
  /\b(?:(?:a|an|the|your|our|written|formal|price|official)\s+quote|quote\s+(?:for|request)|quotation|rfq|request\s+for\s+quotation|pro[\s-]?forma|trade\s+(?:price|prices|pricing|account|terms|discount)|wholesale|bulk\s+(?:price|prices|pricing|discount|rate|rates)|volume\s+(?:price|prices|pricing)|net[\s-]?(?:14|30|45|60)(?:\s+days)?|(?:payment|invoic\w+)\s+terms)\b/i;

// A count written before the thing counted: "40 stoneware mugs", "25 of the same lamp", "30 identical
// chairs". Not an order id ("A1002 notebooks"), a date ("23 March two lamps"), a size, a sum or a time.
const COUNTED =
  /(?<![\p{L}\p{N}.,:/#-])(\d{2,4})\s+(?:of\s+(?:the|your|these|those)\s+)?(?:(?!(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\p{L}*\s|(?:days?|weeks?|hours?|minutes?|months?|years?|eur|euros?|pounds?|dollars?|gbp|usd|chf|cm|mm|kg|percent|times|people|employees|staff)\s)[\p{L}-]+\s+){0,2}?(lamps?|chairs?|mugs?|mats?|notebooks?|pens?|desks?|shelves|shelf|sets?|units?|pieces?|keyboards?|rugs?|bags?|throws?|clocks?|pots?|blankets?|items?|copies|bottles?|cans?|globes?|bookends?|planters?|vases?|pillows?|cushions?|arms?|monitors?|stands?|boxes|kits?|cards?)\b/giu;

export interface LargeOrderRequest {
  kind: 'trade-terms' | 'quantity';
  match: string;
}

export function readLargeOrderRequest(text: string): LargeOrderRequest | undefined {
  const terms = TRADE_TERMS.exec(text);
  if (terms) return { kind: 'trade-terms', match: terms[0] };
  for (const counted of text.matchAll(COUNTED)) {
    if (Number(counted[1]) > MAX_UNITS_PER_ORDER) return { kind: 'quantity', match: counted[0] };
  }
  return undefined;
}
