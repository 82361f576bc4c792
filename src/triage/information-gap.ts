/**
 * "Your site doesn't say", "the box doesn't mention it", "it's not in the country list at checkout":
 * the customer has read our own public information and it does not answer them. The knowledge base
 * mirrors that information, so its article on the topic would repeat what they already read; a
 * person who can find the detail out should answer.
 *
 * Only the silence of a page is read. "My review isn't on the product page yet" is a status the
 * reviews article explains, and "I can't find where to change it in the app" is a how-to question.
 */
import { splitSentences } from './escalation-model.js';

const SOURCE =
  "(?:page|site|website|web\\s*site|faq|faqs|help\\s*(?:centre|center|pages?)|listing|description|box|label|packaging|manual|instructions|product\\s+page|plan\\s+page|checkout|terms|article|email|app)";
const SILENT = "(?:doesn'?t|does\\s+not|didn'?t|did\\s+not|don'?t|do\\s+not|never)\\s+(?:say|mention|state|tell|explain|specify|cover|list|show\\s+it)";
const PAGE_IS_SILENT = new RegExp(`\\b(?:the|your|this|that|its|their)\\s+(?:\\w+\\s+)?${SOURCE}\\s+${SILENT}\\b`, 'i');
// "It's not in the list at checkout", "I don't see it in the country list": a closed list without it.
const NOT_LISTED =
  /\b(?:(?:is\s*n[o']t|is\s+not|are\s*n[o']t|are\s+not|it'?s\s+not)\s+(?:in|on)\s+(?:the|your)\s+(?:\w+\s+)?(?:list|dropdown|drop-down|menu)|(?:don'?t|do\s+not|can'?t|cannot)\s+see\s+(?:it|them|\w+)\s+(?:in|on)\s+(?:the|your)\s+(?:\w+\s+)?(?:list|dropdown|drop-down|menu))\b/i;

// "Couldn't see it on the plan page", "can't find it on your site": looked for on our pages, not in the app.
const NOT_FOUND_ON_PAGE =
  /\b(?:couldn'?t|could\s+not|can'?t|cannot|didn'?t|did\s+not)\s+(?:see|find)\s+(?:it|this|that|anything|any\s+info\w*)\s+(?:on|in)\s+(?:the|your)\s+(?:\w+\s+)?(?:page|site|website|faq|faqs|help\s*(?:centre|center|pages?))\b/i;

export function readInformationGap(newest: string): string | undefined {
  const sentences = splitSentences(newest);
  return (sentences.length > 0 ? sentences : [newest]).find((sentence) => PAGE_IS_SILENT.test(sentence) || NOT_LISTED.test(sentence) || NOT_FOUND_ON_PAGE.test(sentence));
}
