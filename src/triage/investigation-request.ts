/**
 * "Could you look into it?", "please chase the courier", "can you open a trace on my parcel?": the
 * customer asks us to find out something nobody has written down yet. An article can explain how
 * tracking works; it cannot say what happened to this parcel, and sending it as the answer tells a
 * customer who reported a problem that nobody looked. Such a mail goes to a person.
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
