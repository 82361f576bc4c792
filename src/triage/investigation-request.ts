/**
 * "Could you look into it?", "please chase the courier", "can you open a trace on my parcel?": the
 * customer asks us to find out something nobody has written down yet. An article can explain how
 * tracking works; it cannot say what happened to this parcel, and sending it as the answer tells a
 * customer who reported a problem that nobody looked. Such a mail goes to a person, and so does a
 * request for a replacement of a damaged or wrong item.
 */
import { splitSentences } from './grounding/sentence-support.js';

const INVESTIGATE =
  /\blook\s+into\b|\binvestigat(?:e|ing)\b|\b(?:chase|contact|check\s+with|ask|call)\s+(?:up\s+)?(?:the\s+|your\s+)?(?:courier|carrier|driver|delivery\s+(?:company|firm|service)|warehouse|dhl|ups|dpd|gls|fedex|postnl|hermes|evri|royal\s+mail|post\s+office)\b|\bfind\s+out\s+what(?:'s|\s+is|\s+has|\s+happened)\b|\bopen\s+(?:a|an)\s+(?:investigation|claim|trace|enquiry|inquiry)\b|\btrace\s+(?:the|my|this|that)\s+(?:parcel|package|order|shipment|delivery)\b/i;

// Asked of us, not told about ("I had to chase DHL myself"): a request frame in the same sentence.
const ASKED = /\b(?:can|could|would|will)\s+(?:you|someone|somebody|anyone)\b|\bplease\b|\bpls\b|\bkindly\b|\b(?:i|we)\s+(?:need|want|'d\s+like|would\s+like)\s+(?:you|someone|somebody)\b|^\s*(?:look|chase|investigate|find|open|trace)\b/i;

/** The sentence that asks us to investigate, or undefined. */
export function readInvestigationRequest(newest: string): string | undefined {
  return splitSentences(newest).find((sentence) => INVESTIGATE.test(sentence) && ASKED.test(sentence));
}

/**
 * An item that came damaged, broken, wrong or incomplete, told as what happened (not "if it arrives
 * broken, ..."): the report a replacement request rests on.
 */
const ITEM_PROBLEM =
  /\b(?:arrived|came|was|is|are|were|got|been)\s+(?:\w+\s+){0,2}?(?:damaged|broken|dented|cracked|smashed|scratched|torn|ripped|leaking|faulty|defective|bent|shattered|stained|chipped|crushed)\b|\bstopped\s+working\b|\b(?:missing|wrong)\s+(?:item|part|piece|size|colou?r|product|one)\b|\bsent\s+(?:me\s+|us\s+)?the\s+wrong\b|\bwas\s+missing\b/i;
const HYPOTHETICAL = /\b(?:if|in\s+case|what\s+happens|should\s+(?:it|they|something))\b/i;
const REPLACEMENT =
  /\b(?:send|ship|post|get)\s+(?:me\s+|us\s+)?(?:a\s+|the\s+)?(?:new|replacement|another|second|working|fresh)\b|\breplacements?\b|\breplace\s+(?:it|them|this|that|the|my)\b|\bre-?send\b|\bexchange\s+(?:it|them|this|that)\b/i;

/**
 * The customer reports a damaged, wrong or missing item and asks us to replace it ("the shade arrived
 * dented, I just want a replacement"): only staff can arrange that (check the photos, send the part),
 * so an article about damaged items is not the answer. A question about how to report damage is.
 */
export function readReplacementRequest(newest: string): string | undefined {
  const sentences = splitSentences(newest);
  const reported = sentences.some((sentence) => ITEM_PROBLEM.test(sentence) && !HYPOTHETICAL.test(sentence));
  if (!reported) return undefined;
  return sentences.find((sentence) => REPLACEMENT.test(sentence) && !HYPOTHETICAL.test(sentence));
}
