/**
 * Cues of the escalation tag model that carry across phrasings, where a bag of words does not:
 * negation scope ("not happy" is negative, "no rush" is not), intensifiers, shouting, repeated
 * contact ("third email", "still nothing"), sarcasm frames (a positive word around a bad event:
 * "great, another week without my parcel"), second-person blame, a claim set against what came,
 * a denial of an account action ("a login I did not make"), leaving the shop, asking for money
 * back, and asking about another person's data. Each cue is a number in [0, 1] read sentence by
 * sentence; the tag model learns one weight per cue and tag next to its word features, and a
 * signal names the cues that pushed it over its threshold, with the words that fired them.
 *
 * English here; the same cues in the seven other languages are in escalation-cues-languages.ts,
 * matched on the folded sentence, so a cue the model learned on English mail fires on the others.
 */
import {
  FOREIGN_ACCOUNT_OBJECT,
  FOREIGN_BAD_EVENT,
  FOREIGN_CONTACT_DECLINED,
  FOREIGN_CUE_PATTERNS,
  FOREIGN_DATA_REQUEST,
  FOREIGN_INTENSIFIERS,
  FOREIGN_NEGATIVE,
  FOREIGN_NEGATORS,
  FOREIGN_NOTHING,
  FOREIGN_OWN_BUSINESS,
  FOREIGN_OWNER_PURCHASE,
  FOREIGN_MONEY_FROM_ELSEWHERE,
  FOREIGN_POLICY_QUESTION,
  FOREIGN_POSITIVE,
  FOREIGN_REFUND_TIMING,
  FOREIGN_THEIR_DATA,
  FOREIGN_THEIR_OWN_ACCOUNT,
  FOREIGN_THIRD_PERSON,
  foldForCues,
} from './escalation-cues-languages.js';
import { foldLetters } from './fold-letters.js';
import { sentenceReadings, type SentenceReading, type SentenceReadings } from './sentence-readings.js';

import { COURIER_CALL, DISCOUNT_SCHEME_QUESTION, MONEY_DECLINED, MONEY_FROM_ELSEWHERE, REFUND_TIMING, UNDO_CHARGE, readSituationCues } from './escalation-situation-cues.js';

export const CUE_NAMES = [
  'negative-words',
  'negated-positive',
  'intensified-negative',
  'first-person-emotion',
  'sarcasm-frame',
  'repeated-contact',
  'long-wait',
  'second-person-blame',
  'claim-contrast',
  'shouting',
  'exclamation',
  'denied-account-action',
  'stranger-on-account',
  'credentials-given-away',
  'leaving-the-shop',
  'ending-the-relationship',
  'money-back-request',
  'price-or-fee-dispute',
  'other-person-data',
  'asks-for-a-person',
  'unrequested-account-event',
  'deceptive-practice',
  'data-rights-request',
] as const;

export type CueName = (typeof CUE_NAMES)[number];

export interface CueReading {
  /** One value in [0, 1] per cue, in CUE_NAMES order. */
  values: number[];
  /** The words that fired each cue with a value above 0. */
  evidence: Partial<Record<CueName, string>>;
}

const NEGATIVE = new Set(
  (
    'broken broke breaks damaged dented cracked chipped scratched faulty defective wrong missing lost late delayed ' +
    'useless terrible awful horrible dreadful poor worst bad rubbish shambles mess messed joke ridiculous unacceptable ' +
    'shocking disgraceful disgusting appalling pathetic rude ignored ignoring failed fails failure refuse refused ' +
    'leaks leaking leaked soaked fell apart wobbly stopped nothing nobody noone silent silence waste wasted never ' +
    'upset annoyed angry frustrated frustrating disappointed disappointing unhappy fuming furious livid baffled gutted ' +
    'regret shameful dishonest misleading scam rip cheated excuse excuses problem problems issue issues worse badly ' +
    'hole holes dent dents crack cracks stain stains faded pilled frayed peeling flimsy shoddy tatty snapped torn ripped stained rusty rusted bent'
  ).split(' '),
);

const POSITIVE = new Set(
  (
    'great brilliant lovely wonderful fantastic perfect perfectly amazing excellent superb fab fabulous nice good ' +
    'thanks thank cheers love loving loved happy pleased delighted impressed glad best awesome'
  ).split(' '),
);

/** Positive words and what a customer expects: negated, they are complaints ("not what I paid for"). */
const EXPECTATION = new Set(['acceptable', 'working', 'works', 'fit', 'enough', 'what', 'as', 'arrived', 'heard', 'answer', 'answered', 'replied', 'help', 'helped', 'sorted', 'fixed', 'care', 'quality', 'expected']);

const NEGATORS = new Set(['not', 'no', 'never', 'without', 'nor', 'neither', 'cannot']);
const INTENSIFIERS = new Set(['so', 'very', 'really', 'extremely', 'absolutely', 'completely', 'totally', 'utterly', 'truly', 'seriously', 'honestly', 'frankly', 'quite', 'incredibly', 'deeply', 'beyond', 'utter', 'most']);
const EMOTIONS = /\b(?:i(?:'m|\s+am|\s+was|\s+feel|\s+felt|'ve\s+been|\s+have\s+been)|we(?:'re|\s+are|\s+feel))\s+(?:(?!(?:not|never|no)\b)\w+\s+){0,2}?(?:upset|annoyed|angry|frustrated|disappointed|unhappy|fuming|furious|livid|baffled|gutted|disgusted|appalled|shocked|let\s+down|fed\s+up|sick\s+of|tired\s+of|dissatisfied|not\s+happy|not\s+impressed|losing\s+(?:my\s+)?patience)\b|\bmy\s+patience\b|\b(?:i|we)\s+expected\s+(?:better|more)\b|\bnot\s+good\s+enough\b|\bless\s+than\s+impressed\b|\bdissatisfaction\b|\bgrievance\b|(?<!\bnot\s+a\s)\bcomplain(?:t|ts|ing)?\b(?!\s+(?:manager|team|department))/i;

/** Ironic frames that say the opposite of their words. */
const SARCASM_FRAMES = /\bthanks?\s+for\s+nothing\b|\bwhat\s+a\s+surprise\b|\bso-called\b|\bapparently\b|\bin\s+your\s+world\b|\bgotta\s+love\b|\bsaid\s+no\s+one\b|\bjust\s+perfect\b|\breally\s+made\s+my\s+(?:day|week|weekend)\b|\bhighlight\s+of\s+my\b|\bwell\s+done\s+on\b|\blove\s+that\s+for\s+me\b|\b(?:cool\s+){2,}|\bgreat\s+job\b(?=[^.!?]*\b(?:los|broke|never|late|wrong))|\b(?:glaciers?|snails?|tortoises?|sloths?|continental\s+drift|carrier\s+pigeons?)\b[^.!?\n]{0,30}\b(?:faster|quicker)\b|\b(?:consisten(?:cy|t|tly)|reliabl[ey]|reliability|impressive(?:ly)?)\b[^.!?\n]{0,25}\b(?:missing|failing|ignoring|losing|breaking|getting\s+(?:it|everything)\s+wrong)\b|\b(?:on\s+purpose|deliberately)\s*\?|\bis\s+this\s+(?:some\s+kind\s+of\s+|a\s+)?joke\b|\bare\s+you\s+(?:serious|kidding|joking)\b|\bdo\s+you\s+even\s+(?:read|check|care|look)\b/i;

/** A bad event next to the positive word turns praise into sarcasm. */
/** Arriving after the day it was for: "it arrives three days after the party". */
const MISSED_OCCASION = /\b(?:after|too\s+late\s+for)\s+(?:the|my|his|her|our|their)\s+(?:\w+\s+)?(?:party|birthday|wedding|shower|christening|event|holidays?|trip|flight|move|date|deadline|christmas|anniversary|exam|concert)\b|\btoo\s+late\s+(?:to\s+be\s+(?:of\s+)?(?:any\s+)?use|now)\b/i;
const BAD_EVENT = /\b(?:another|again|twice|without|never|still|wrong|late|broken|broke|lost|losing|missing|stopped|leaks?|nobody|no\s+one|nothing|charged|paying|wait(?:ing)?|days?|weeks?)\b/i;

const CONTACT_VERB = '(?:write|writing|wrote|written|email(?:ed|ing)?|e-?mail|message[sd]?|messag(?:ing)|contact(?:ed|ing)?|chas(?:e|ed|ing)|ask(?:ed|ing)?|call(?:ed|ing)?|phon(?:e|ed|ing)|ring|rang|told|tell|explain(?:ed|ing)?|report(?:ed|ing)?|complain(?:ed|ing)?|send|sent|raise[d]?|chat)';
const REPEATED_CONTACT = new RegExp(
  `\\b(?:second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|nth|umpteenth)\\s+(?:time\\s+(?:i\\s+|i'm\\s+|that\\s+i\\s+)?${CONTACT_VERB}|(?:email|message|mail|call|letter|request|time\\s+of\\s+asking))` +
  `|\\b(?:already|again|before)\\b[^.!?\\n]{0,30}\\b${CONTACT_VERB}\\b|\\b${CONTACT_VERB}\\b[^.!?\\n]{0,30}\\b(?:again|already|twice|three\\s+times|several\\s+times|before|(?:on|since)\\s+the\\s+\\d)` +
  '|\\bhow\\s+many\\s+times\\b|\\bonce\\s+(?:again|more)\\b|\\byet\\s+(?:again|another)\\b|\\bevery\\s+(?:single\\s+)?time\\b|\\bfor\\s+the\\s+(?:second|third|fourth|\\w+th)\\s+(?:time|week)' +
  // "Three times" counts as contact when someone asked, wrote or tried, or when it is something we did
  // ("your site logged me out four times"); "I order four times a year" is no repeated contact.
  `|(?:\\b(?:${CONTACT_VERB}|said|tr(?:y|ied|ying)|attempt(?:ed|ing)?)|\\b(?:you|your\\s+\\w+)(?:'ve|\\s+have|\\s+has)?\\s+\\w+(?:ed|t|id|ent)\\b)[^.!?\\n]{0,60}\\b(?:two|three|four|five|six|seven|eight|nine|ten|several|multiple|many|\\d+)\\s+times\\b` +
  '|\\b(?:two|three|four|five|several|multiple|many|\\d+)\\s+(?:emails|messages|calls|channels|different\\s+people)\\b' +
  // "I've spoken to three people" is contact; "my whole office (30 people)" is a headcount.
  `|\\b(?:${CONTACT_VERB}|spoke|spoken|speak|talked|talking|dealt)\\b[^.!?\\n]{0,30}\\b(?:two|three|four|five|several|multiple|many|\\d+)\\s+people\\b` +
  '|\\bkeep\\s+(?:getting|sending|telling|asking|saying|ignoring)\\b' +
  "|\\bstill\\s+(?:no|not|nothing|waiting|haven't|hasn't|have\\s+no|has\\s+not|doesn't|does\\s+not|don't|can't)\\b|\\bin\\s+a\\s+row\\b|\\b(?:week|weeks)\\s+running\\b",
  'i',
);

const NUMBER = '(?:\\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|a\\s+few)';
const LONG_WAIT = new RegExp(
  `\\b(?:day|week)\\s+(?:${NUMBER}|\\w+teen|\\w+ty)\\s+now\\b|\\b${NUMBER}\\s+(?:days?|weeks?|months?)\\s+(?:late|now|later|and\\s+counting|overdue|of\\s+waiting)\\b` +
  `|\\b${NUMBER}\\s+(?:days|weeks|months)\\s+(?:for|to\\s+(?:get|deliver|send|ship|answer|reply))\\s+(?:a|an|one|my|the|this)\\b|\\b(?:waited|waiting|been\\s+waiting)\\s+(?:for\\s+)?(?:over\\s+|more\\s+than\\s+)?${NUMBER}\\s+(?:days|weeks|months)\\b|\\bfor\\s+(?:${NUMBER})\\s+(?:days|weeks)\\s+(?:now|already)\\b`,
  'i',
);

const BLAME = /\byou(?:\s+(?:people|guys|lot|clowns))?\s+(?:have\s+|had\s+|just\s+|then\s+|now\s+|clearly\s+)?(?:lost|broke|broken|ignored|ignore|failed|messed|refuse[ds]?|never|keep|kept|didn't|did\s+not|can't|cannot|won't|couldn't|obviously)\b|\b(?:a\s+company|a\s+shop)\s+(?:your|of\s+your)\s+size\b|\byou\s+know\s+it\b/i;
/** Neutral verbs and the customer's things: blame only next to a bad word ("you sent the wrong size"). */
const YOU_DID = /\byou(?:\s+(?:people|guys|lot))?\s+(?:have\s+|just\s+|then\s+)?(?:sent|shipped|took|take|charged|promised|cancelled|closed|told)\b/i;
const YOUR_THING = /\byour\s+(?:courier|driver|company|website|site|service|agent|staff|team|bot|chat|chatbot|system|tracking|advert|listing|reviews|people|warehouse|product\s+page|so-called)\b/i;

const CLAIM = /\b(?:says?|said|advertised|described|describe|shows?|showed|listed|listing|promised?|claims?|claimed|photos?|pictures?|advert|description|product\s+page)\b/i;
const CONTRAST = /\b(?:but|actually|in\s+reality|what\s+(?:came|arrived|i\s+got)|instead|came\s+with|it\s+is\s+(?:plastic|not|cardboard)|it's\s+(?:plastic|not|cardboard)|mine\s+lasts?)\b/i;

const ACCOUNT_OBJECT = /\b(?:log\s*in|login|logins|logged|sign[\s-]?in|sign[\s-]?ins|signed\s+in|password|passcode|code|email|e-mail|card|cards|payment|payments|charge[ds]?|billed|purchases?|orders?|ordered|bought|spent|points|gift\s+card|device|phone|account|acct|profile|address|wallet|statement|verification|reset|credit)\b/i;
const DENIAL =
  /\b(?:i|we|me|us)\s+(?:definitely\s+|certainly\s+|really\s+)?(?:(?:do\s+not|don't|dont)\s+(?:recogni[sz]e|know\s+(?:anything|about|of))|(?:did\s+not|didn't|didnt|never|have\s+not|haven't|(?:have|'ve|had)\s+never|wasn't|was\s+not)\s+(?:\w+\s+)?(?:make|made|place|placed|buy|bought|order|ordered|authori[sz]e|authori[sz]ed|request|requested|ask|asked|change|changed|add|added|spend|spent|redeem|redeemed|touch|touched|do|did|recogni[sz]e|know|use|used|write|log|sign|trying|trigger|triggered|shop|shopped|claim|claimed|edit|edited))\b|\b(?:(?:not|wasn't|weren't)\s+(?:placed\s+|made\s+|done\s+|ordered\s+|changed\s+)?by\s+me|(?:it|that|this)\s+(?:was\s+not|wasn't|isn't|is\s+not)\s+me|not\s+me\b|not\s+mine\b|(?:aren't|are\s+not)\s+mine\b|no\s+(?:clue|idea)\s+who\b|\bi\s+(?:only\s+)?(?:made|placed|ordered|bought)\s+(?:one|1)\b(?!\s+of\b)|\bnobody\s+else\s+(?:uses|has|knows)\b|\b(?:bought|ordered)\s+nothing\b|\b(?:didn't|did\s+not)\s+(?:order|place|buy|make)\b|\bneither\s+\w+\s+\w+\s+nor\s+(?:i|me)\b|\b(?:i|we)['’]ve\s+never\s+(?:\w+\s+)?(?:made|placed|ordered|bought|used|authori[sz]ed|been)\b|isn't\s+mine|is\s+not\s+mine|isn't\s+mine|no\s+(?:idea|knowledge)\s+(?:about|of)|know\s+nothing\s+about|without\s+my\s+(?:knowledge|permission|consent|authori[sz]ation)|neither\s+of\s+us|nobody\s+in\s+my\s+household|i\s+added\s+neither|i\s+don't\s+recogni[sz]e|not\s+recogni[sz]e|never\s+(?:been\s+there|lived\s+there|shopped|used|seen))/i;
const STRANGER =
  /\b(?:someone|somebody|a\s+stranger|strangers|another\s+person|an\s+unknown\s+person|who)\s+(?:else\s+)?(?:has\s+been\s+|has\s+|have\s+|is\s+|keeps\s+|must\s+have\s+|just\s+)?(?:got|get|gotten|used|using|placed|placing|changed|changing|bought|accessed|accessing|spent|redeemed|ran|run|logged|logging|signed|trying|tried|ordered|ordering|swapped|added|reset|has\s+access)|(?<!\bmy\s+)\b(?:unknown|strange|unfamiliar|suspicious|unrecogni[sz]ed)\s+(?:device|login|sign[\s-]?in|card|phone|payments?|charges?|orders?|activity)|(?<!\bmy\s+)\bnew\s+(?:device|login|sign[\s-]?in)|\b(?:unknown|strange|unfamiliar|suspicious|unrecogni[sz]ed)\s+(?:\w+\s+)?address|\bnew\s+(?:\w+\s+)?address\s+(?:on|in|added\s+to)\s+my\s+(?:account|profile)|\b(?:taken\s+over|hijacked)\b|\ba\s+stranger['’]s\b|\blogged\s+in\s+as\s+me\b|\bsessions?\s+(?:in|from)\s+(?!my\b)|\b(?:someone|somebody)\s+(?:\w+\s+)?(?:seems|appears)\s+to\s+(?:be|have)\b|\b(?:log\s*ins?|logins|sign[\s-]?ins?|access)\b[^.!?\n]{0,30}\bfrom\s+(?!my\s+(?:new\s+|own\s+|work\s+)?(?:phone|laptop|computer|pc|tablet))|\bmy\s+(?:\w+\s+)?(?:email|e-mail|password|phone\s+number|address|card|name|login)\b[^.!?\n]{0,30}\b(?:was|were|has\s+been|have\s+been|got)\s+(?:replaced|changed|swapped|removed|reset)\b(?![^.!?\n]{0,20}\b(?:by\s+me|as\s+i\s+asked|as\s+requested))|\bpurchases?\s+(?:keep\s+)?(?:appearing|showed?\s+up)|\b(?:vanished|disappeared)\s+from\s+my\s+account|\b(?:ex|ex-\w+|former\s+\w+|old\s+(?:flatmate|roommate|housemate|partner)|flatmate|roommate|housemate)\s+(?:still\s+)?(?:has|have|knows?|uses|is\s+using|are\s+using|got\s+hold\s+of|kept|changed)\s+my\s+(?:login|log-?in(?:\s+details)?|password|credentials|account\s+details)\b|\b(?:keeps|kept|has\s+been|have\s+been|is|are)\s+(?:ordering|buying|spending|shopping)\b[^.!?\n]{0,50}\bon\s+my\s+(?:card|account)\b/i;
// "I haven't clicked anything" after "it looks fake" is the careful customer, not a secret given away.
const NOT_DONE = String.raw`(?<!(?:n['’]t|\bnot|\bnever|\b(?:havent|didnt|dont|hasnt))\s+(?:\w+\s+)?)`;
const CREDENTIALS_GIVEN = new RegExp(
  `${NOT_DONE}\\b(?:clicked|entered|typed|gave|given|sent|shared|replied|put\\s+in)\\b[^.!?\\n]{0,60}\\b(?:link|password|login|code|details|pin)\\b[^.!?\\n]{0,80}\\b(?:fake|pretend\\w*|claim\\w*|looked\\s+(?:like|strange|odd|weird|wrong|off|suspicious|dodgy|fishy)|suspicious|scam\\w*|phishing|stranger|caller|said\\s+he|said\\s+she|copy|worried|mistake)` +
    `|\\b(?:fake|pretend\\w*|claiming|looked\\s+like\\s+yours)\\b[^.!?\\n]{0,80}${NOT_DONE}\\b(?:entered|gave|sent|typed|clicked|replied)\\b`,
  'i',
);

const SHOP = '(?:shops?|stores?|sites?|websites?|retailers?|suppliers?|vendors?|providers?|company|companies|place|brand)';
const LEAVING =
  new RegExp(
    `\\b(?:other|another|different|better|cheaper)\\s+(?:\\w+\\s+)?${SHOP}\\b|\\b(?:buy|buying|bought|shop|shopping|order|ordering|go|going|take|taking|spend|spending|look|looking|get|getting|got|find|found|cheaper|custom|business)\\b[^.!?\\n]{0,30}\\belsewhere\\b|\\bsomewhere\\s+else\\b|\\bcompetit(?:or|ors|ion)\\b|\\brival\\b|\\bshopping\\s+around\\b|\\bhigh\\s+street\\b` +
      "|\\b(?:will\\s+be|is|be)\\s+my\\s+last\\s+(?:order|purchase)\\b|\\blast\\s+(?:order|purchase)\\s+(?:with|from)\\s+(?:you|northwind)\\b|\\blast\\s+time\\s+i\\s+(?:buy|order|shop)|\\bnever\\s+(?:order|buy|shop|use)\\w*\\s+(?:\\w+\\s+){0,3}again\\b|\\bwon't\\s+be\\s+(?:ordering|buying|back|coming\\s+back|placing|renewing|shopping|needing)" +
      "|\\bfor\\s+good\\b|\\bpermanently\\b|\\b(?:lost|losing)\\s+(?:a|my|your|our)\\s+(?:customer|business|custom)\\b|\\bgoodbye\\b|\\bmov(?:e|ing)\\s+on\\b|\\bno\\s+longer\\s+(?:need|want|wish|use)|\\bno\\s+further\\s+use\\b" +
      "|\\b(?:done|finished)\\s+with\\b|\\bwant\\s+out\\b|\\bi'?m\\s+(?:off\\s+to|leaving|done|stopping|quitting)\\b|\\bgiving\\s+up\\s+on\\b|\\bgive\\s+me\\s+one\\s+reason\\s+to\\s+stay\\b|\\bwhy\\s+should\\s+i\\s+stay\\b|\\bnot\\s+(?:planning|going)\\s+to\\s+(?:continue|stay|renew)",
    'i',
  );
const ENDING =
  /\b(?:close|closing|shut|end|ending|terminate|cancel|cancelling|canceling|stop|remove|delete|deactivate|erase|quit|quitting|leave|switch(?:\s+\w+)?\s+off|turn\s+off|get\s+rid\s+of|take\s+me\s+off|downgrade|step\s+down)\b(?:\s+[\w'-]+){0,5}?\s+(?:account|acct|membership|plan|subscription|profile|login|pro|club|programme|program|scheme|auto-?renew\w*|renewal|billing|monthly\s+(?:fee|payment)s?)\b|\b(?:not|n't|never|stop|don't\s+want\s+it\s+to)\s+(?:be\s+)?(?:auto-?)?renew\w*|\broll\s+over\b|\brenew\w*[^.!?\n]{0,30}\bdon'?t\s+want\b|\bnot\s+(?:be\s+)?billed\s+for\s+another\b|\b(?:won't|will\s+not|don't|do\s+not|no\s+longer)\s+need\s+(?:the|my|our|this)\s+(?:\w+\s+)?(?:account|membership|plan|subscription)\b|\b(?:go|move|switch|drop)\s+(?:down|back)\s+(?:from\s+\w+\s+)?to\s+(?:the\s+)?(?:basic\s+)?free\b/i;

const PART_OF_ACCOUNT_REMOVED =
  /\b(?:delete|remove|erase|get\s+rid\s+of|take\s+off)\b[^.!?\n]{0,40}\b(?:cards?|payment\s+methods?|addresses|address|reviews?|wish\s?lists?|items?|phone\s+numbers?|paypal)\b/i;
const WHOLE_ACCOUNT =
  /\b(?:delete|remove|erase|close|closing|cancel|deactivate|terminate|shut)\s+(?:down\s+)?(?:my|the|our)\s+(?:whole\s+|entire\s+)?(?:account|profile|membership|subscription|data)\b|\bclos(?:e|ing)\s+it\b|\bgdpr\b|\bfor\s+good\b/i;

/** Removing a card, an address or a review from the account: housekeeping, not leaving. */
export function removesPartOfAccount(text: string): boolean {
  return PART_OF_ACCOUNT_REMOVED.test(text) && !WHOLE_ACCOUNT.test(text);
}

/** Wanting the plan or account back: an ending undone is not churn. */
const KEEPING = /\bby\s+(?:mistake|accident)\b|\baccidentally\b|\bundo\b|\breactivat\w*|\brestore\b|\bkeep\s+(?:pro|my\s+(?:plan|membership|subscription|account|pro))\b/i;
const MONEY_OBJECT = "(?:money|payment|amount|charge|fee|cost|costs|price|difference|refund|euros?|pounds?|dollars?|quid|(?:€|£|\\$)\\d+(?:[.,]\\d+)?|\\d+[.,]\\d{2}|percent|what\\s+i\\s+paid|the\\s+extra|that|it)";
/**
 * An amount written as people write it ("4.99", "6,95", "230 euros", "£12"): with "back" or "off" and
 * a request it is money asked of us whatever the verb ("I'll take the 4.99 back", "I want my 230 euros
 * back", "please take the 6,95 off"). Read by the amount, not by a list of verbs.
 */
const AMOUNT = '(?:[€£$]\\s?\\d+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?\\s?(?:€|£|\\$|eur\\b|euros?\\b|usd\\b|gbp\\b|chf\\b|dollars?\\b|pounds?\\b|quid\\b|bucks\\b|kr\\b|pln\\b)|\\d+[.,]\\d{2}\\b)';
const MONEY_NOUN = '(?:fee|fees|charge|charges|surcharge|cost|costs|postage|shipping|difference|deposit|amount|money|vat|tax)';
const AMOUNT_BACK =
  `\\b(?:the\\s+|my\\s+|that\\s+|those\\s+|these\\s+|our\\s+)?${AMOUNT}(?:\\s+\\w+){0,3}?\\s+(?:back|off|refunded|credited|reimbursed|waived)\\b` +
  // "who pays the postage back to you?" asks whose cost it is
  `|(?<!\\b(?:pays?|paying|paid)\\s+(?:for\\s+)?)\\b(?:the|my|that|this|our|those|these)\\s+(?:[\\w-]+\\s+){0,2}?${MONEY_NOUN}\\s+(?:back|refunded|credited|reimbursed)\\b` +
  // a credit issued or applied to the invoice or the order
  `|\\b(?:issue|apply|raise|grant)\\s+(?:me\\s+|us\\s+)?(?:a|the|an|that|some)\\s+(?:\\w+\\s+)?credit(?:\\s+note)?\\b` +
  // the old price asked for again
  `|\\b(?:at|for)\\s+the\\s+(?:old|original|same|previous|earlier|former)\\s+price\\b|\\bthe\\s+price\\s+(?:i|we)\\s+(?:originally\\s+|first\\s+)?paid\\b` +
  `|\\bdone\\s+about\\s+(?:the\\s+|that\\s+|this\\s+|those\\s+)?${AMOUNT}` +
  `|(?:^|[.!?]\\s+)pay\\s+(?:me|us)\\s*(?:[.!]|$|now\\b)`;
const MONEY_BACK = new RegExp(
  `\\b(?:money|payment|amount|cash)\\s+(?:back|returned|refunded)\\b|\\b(?:pay|paid|give|put|credit)\\s+(?:me\\s+)?(?:\\w+\\s+){0,4}?back\\b|\\bsend\\s+(?:me\\s+|us\\s+)?(?:the\\s+|my\\s+|our\\s+)?(?:money|payment|amount|refund|difference|cash)\\s+back\\b|\\brefund(?:ed|ing)?\\b|\\breimburs\\w+|\\bcompensat\\w+|\\bgoodwill\\b|\\bvoucher\\b|\\bstore\\s+credit\\b|\\bcredit\\s+(?:me|my|it)\\b` +
    `|\\b(?:money|something|\\d+\\s*(?:%|percent))\\s+off\\b|\\b(?:knock|take)\\w*\\s+(?!me\\s+off\\b)(?!(?:the\\s+|a\\s+|that\\s+|next\\s+|an?\\s+extra\\s+)?(?:day|days|week|weeks|time|morning|afternoon|evening|monday|tuesday|wednesday|thursday|friday|saturday|sunday|work|half\\s+a\\s+day|few\\s+days)\\s+off\\b)(?:\\w+\\s+){0,3}?off\\b|\\breduce\\s+the\\s+price\\b|\\bdiscount\\b(?!\\s+(?:codes?|newsletter|club|scheme|emails?))|\\bclaim\\s+back\\b|\\bowed\\b|\\bentitled\\s+to\\b|\\bhonou?r\\s+(?:it|the|that)\\b|\\boffer\\s+price\\b|\\bprice\\s+(?:match|promise)\\b|\\bmatch\\s+(?:that|the|it|their)\\b|\\bmake\\s+up\\s+for\\b|\\bprice\\s+adjust\\w*|\\badjust\\w*\\s+the\\s+price\\b|\\bcover\\s+(?:the\\s+|my\\s+|this\\s+|that\\s+|these\\s+)?(?:\\w+\\s+)?(?:fees?|charges?|costs?)\\b|\\bgesture\\s+of\\s+goodwill\\b|\\b(?:give|make|let|throw\\s+in)\\s+(?:me\\s+|us\\s+)?(?:have\\s+)?(?:the\\s+|a\\s+|my\\s+|our\\s+|this\\s+)?(?:\\w+\\s+){0,3}?(?:free|for\\s+free|on\\s+the\\s+house)\\b|\\b(?:do|offer)\\s+(?:me\\s+)?(?:a\\s+)?(?:little\\s+|small\\s+)?something\\b(?=[^.!?\\n]{0,40}\\b(?:since|because|as|for|after)\\b)|\\bsomething\\s+for\\s+the\\s+trouble\\b|\\b(?:refund|pay|credit|sort\\s+out|give\\s+me|cover|have|get)\\s+(?:me\\s+)?the\\s+difference\\b|\\b(?:charge|fee|payment|amount)\\s+(?:be\\s+)?(?:reversed|refunded|removed|waived|dropped|returned)\\b|\\btake\\s+(?:the\\s+|that\\s+|my\\s+)?(?:\\w+\\s+){0,2}(?:payment|charge|money)\\s+back\\b|\\b(?:have|get)\\s+(?:the\\s+|my\\s+|that\\s+)?(?:\\w+\\s+){0,2}?(?:cost|costs|money|fee|charge|payment|amount|price)\\s+back\\b|\\bclaw\\w*\\s+(?:it\\s+|\\w+\\s+)?back\\b|\\bback\\s+(?:in|into|on|to)\\s+my\\s+(?:account|card|bank)\\b|\\b(?:partial|full)\\s+(?:credit|refund)\\b|\\bwant\\s+(?:that|the|my|our|this)\\s+(?:\\w+\\s+){0,2}?(?:vat|tax|money|fee|charge|payment|amount|difference|shipping|postage|deposit)\\s+back\\b` +
    // "Reverse it" is about money; "remove it" and "return it" are most often the product or the account.
    // "Reverse charge" with no article is the VAT procedure, not a charge to undo.
    `|${AMOUNT_BACK}` +
    `|\\b(?:reverse(?![\\s-]+charges?\\b)|waive|drop|wipe)\\s+(?:the\\s+|this\\s+|that\\s+|my\\s+)?(?:\\w+\\s+)?${MONEY_OBJECT}\\b(?!\\s+(?:off|at|in|to)\\b)|\\b(?:return|cancel|remove)\\s+(?:the\\s+|this\\s+|that\\s+|my\\s+)?(?:\\w+\\s+)?${MONEY_OBJECT.replace('|that|it)', ')')}\\b`,
  'i',
);
const REQUEST_MOOD = /^\s*(?:kindly\s+|just\s+)?(?:reverse|undo|void|refund|credit|cancel|take|put|give|send|pay|waive)\b(?!\s*(?:time|timing|times|status|question|policy|query|enquiry|inquiry|delay|delayed|request|process|info|information|rules|help|update|for|of|on|from|sent|issued|received|still|not|is|was|has|\?|$)\b)|\b(?:please|pls|kindly|can|could|would|will|'ll|want|wanted|'d\s+like|would\s+like|expect|need|owed|entitled|give|should|deserve|claim|accept|happy\s+to|appreciate|any\s+chance|wonder(?:ing|ed)?\s+if|is\s+there|is\s+(?:a|some)\s+(?:partial|full|goodwill)|do\s+you\s+do|i\s+think|refund\s+please|how\s+about|prefer|rather|at\s+least|when\s+will\s+you\s+send|demand|sort\s+out|possible|by\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|the\s+end\s+of))\b/i;
/** A question about the policy or the timing of a refund already granted is not a request for money back. */
const POLICY_QUESTION = /\brefund\s+(?:is|was|has\s+been|got)\s+(?:already\s+)?(?:approved|processed|issued|confirmed|pending|on\s+its\s+way)|\b(?:approved|processed|issued|confirmed)\s+(?:the|my)\s+refund|\bstatus\s+of\s+(?:my|the)\s+refund|\bhow\s+long\s+(?:does|will|should|do)\b|\b(?:my|the)\s+refund\b[^.!?\n]{0,40}\b(?:arrive|come|show|take|reach|go\s+through|hit|land)|\bwhen\s+(?:will|does|do|should)\b[^.!?\n]{0,40}\brefund|\b(?:policy|policies|how\s+long\s+does|how\s+do\s+i|how\s+are|when\s+will\s+my\s+refund|in\s+general|for\s+students|normally|do\s+you\s+offer|promo\s+codes?|how\s+do\s+refunds)\b/i;
const PRICE_OR_FEE =
  /\b(?:cheaper|for\s+less|lower\s+price|less\s+(?:at|on|in|elsewhere))\b[^.!?\n]{0,60}\b(?:another|other|elsewhere|competitor|rival|your\s+own|app|shop|store)|\b(?:another|other)\s+(?:shop|store|site)\b[^.!?\n]{0,60}\b(?:cheaper|for\s+less|less)\b|\b(?:price)\s+(?:dropped|went\s+down|fell)|\b(?:dropped|went\s+down)\s+in\s+price|\bsale\s+price\s+started|\b(?:fee|charge|surcharge)\b[^.!?\n]{0,40}\b(?:unfair|shouldn't|should\s+be\s+(?:removed|dropped|waived))|\b(?:overcharged|charged\s+twice|billed\s+twice|double\s+charged)\b|\b(?:missed|forgot|didn't\s+(?:work|apply)|did\s+not\s+(?:work|apply)|wasn't\s+applied|not\s+applied)\b[^.!?\n]{0,30}\b(?:coupon|code|voucher|promo|discount)\b|\b(?:coupon|code|voucher|promo|discount)\b[^.!?\n]{0,30}\b(?:didn't\s+work|did\s+not\s+work|wasn't\s+applied|not\s+applied|after\s+the\s+fact|retroactive\w*|afterwards)/i;

const PERSON =
  "(?:ex|ex-wife|ex-husband|ex-partner|wife|husband|partner|boyfriend|girlfriend|son|daughter|child|teenager|kids?|mother|mum|mom|mother-in-law|father|dad|brother|brother-in-law|sister|sister-in-law|friend|neighbou?r|colleague|flatmate|roommate|housemate|boss|employee|tenant|landlord|cousin|aunt|uncle|grandmother|grandfather|grandma|grandpa|nan|niece|nephew|business\\s+partner)";
const DATA_NOUN = "(?:orders?|order\\s+history|history|address|addresses|account|acct|details|data|purchases?|email|e-mail|phone(?:\\s+number)?|number|card|password|login|invoices?|balance|profile|tracking(?:\\s+number)?|refund|status|date\\s+of\\s+birth|parcel|confirmations?|spend(?:ing)?)";
const OTHER_PERSON_DATA = new RegExp(
  // "my sister's account", "my colleague Sam's orders", "her / his / their account" (asked about, not a destination)
  `(?<!\\b(?:to|at|via|into|for)\\s+)\\bmy\\s+${PERSON}(?:\\s+[A-Z][a-z]+)?['’]s?\\s+(?:\\w+\\s+){0,2}?${DATA_NOUN}\\b` +
    `|\\b(?:what|which|where|how\\s+much|when|did|does|has)\\b[^.!?\\n]{0,25}\\bmy\\s+${PERSON}\\b[^.!?\\n]{0,30}\\b(?:ordered|order|bought|buy|purchased|spent|spend|pay|paid|placed|give|gave|use|uses|using|send|sent|got\\s+on\\s+order|have\\s+any)` +
    `|\\b(?:tell|give|send|show|read|confirm|share|forward|list)\\s+me\\b[^.!?\\n]{0,30}\\b(?:his|her|their)\\s+(?:\\w+\\s+)?${DATA_NOUN}` +
    `|\\b(?:another|other)\\s+customers?\\b[^.!?\\n]{0,30}\\b(?:paid|bought|ordered|address|details|data)|\\bsomeone\\s+else['’]s\\b|\\b(?:person|customer)\\s+who\\s+bought\\b|\\b(?:check|look\\s+(?:at|up)|see)\\s+my\\s+${PERSON}['’]s\\b` +
    `|\\b${DATA_NOUN}\\s+(?:of|on|for)\\s+my\\s+${PERSON}\\b(?!\\s+(?:will|can|is|as|to))`,
  'i',
);
/**
 * The structure behind most asks about someone else: a third person, a piece of data, and a request
 * for it, in one sentence ("the card my partner used: read me the last digits"), or a third
 * person's purchase followed by a question about it ("My neighbour bought a heater. What model?").
 */
const THIRD_PERSON = new RegExp(`\\bmy\\s+${PERSON}\\b|\\b(?:another|other)\\s+customers?\\b|\\bsomeone\\s+else\\b|\\ba\\s+customer\\s+of\\s+yours\\b|\\bone\\s+of\\s+your\\s+customers\\b`, 'i');
/** The person named in the sentence before, asked about here: "My brother orders from you too. What has he got coming?" */
const THIRD_PRONOUN_ASK = new RegExp(`\\b(?:tell|give|send|show|read|confirm|what|which|where|how\\s+much)\\b[^.!?\\n]{0,40}\\b(?:he|she|he's|she's|they|his|her|him|them|their)\\b|\\b(?:his|her|their)\\s+(?:\\w+\\s+){0,2}${DATA_NOUN}\\b`, 'i');
/** Whose is an order the customer found: another customer's data. */
const WHOSE = /\bwhose\s+(?:it|this|that|order|parcel|receipt|account)\b|\bwho\s+(?:placed|ordered|owns)\s+(?:it|this|that|order)\b/i;
/**
 * The customer's own business with a person of the household: an order they placed, an account
 * they share or hold ("my wife asked me to check the order I placed"), a mail of theirs
 * they forward. What made third-party-data fire on the account holder's own questions.
 */
/** "The order was on my wife's card I think": the household paid for the customer's own order (told, not asked about). */
const PAID_WITH_RELATIVES_CARD = new RegExp(`\\b(?:was|is|went|paid|bought|ordered|put|charged)\\s+(?:\\w+\\s+){0,2}?(?:on|with|to)\\s+my\\s+${PERSON}['’]s\\s+(?:credit\\s+|debit\\s+|bank\\s+)?card\\b`, 'i');
/** "I want to add the address of my son in Brussels to my account": the customer's own address book. */
const RELATIVES_ADDRESS_ADDED = new RegExp(
  `\\b(?:add|save|store|put|enter|set\\s+up)\\b[^.!?\\n]{0,30}\\b(?:(?:the\\s+)?address(?:es)?\\s+of\\s+my\\s+${PERSON}|my\\s+${PERSON}['’]s\\s+address)\\b`,
  'i',
);

const OWN_HOUSEHOLD = new RegExp(
  "\\b(?:i|we)\\s+(?:\\w+\\s+)?(?:placed|ordered|bought|paid\\s+for|use|used|share|shared|set\\s+up)\\b|\\bour\\s+(?:joint\\s+|shared\\s+|family\\s+)?(?:account|order)s?\\b|\\bjoint\\s+account\\b|\\bin\\s+my\\s+name\\b|\\baccount\\s+holder\\b|\\bon\\s+my\\s+behalf\\b|\\bmy\\s+own\\b|\\bforward(?:ing|ed)\\s+(?:you\\s+)?my\\b|\\bwe\\s+both\\b" +
    // The relative runs the customer's errand: "my partner is going to collect the parcel".
    `|\\bmy\\s+${PERSON}\\s+(?:is\\s+going\\s+to|will|can|could|'ll|is|may|might)\\s+(?:\\w+\\s+)?(?:collect|pick|sign|receive|take|bring|drop|accept)`,
  'i',
);

/**
 * Someone else's order or account asked about across a mail, the way people write it: who owns it
 * in one sentence ("My wife Sarah ordered a rug last week on her own account", "I'm writing for my
 * mum, it's under her name", "Our intern, Oskar, ordered two lamps"), why they write in the next,
 * and the ask two sentences on ("Could you tell me when it arrives?"). The sentence cues see only a
 * sentence and its neighbours, so each part alone reads as nothing.
 */
const WORK_RELATION = '(?:intern|trainee|engineers?|employees?|staff\\s+member|assistant|client|apprentice)';
const WORK_RELATION_ONLY = new RegExp(`^${WORK_RELATION}$`, 'i');
const OWNER = `(?:(?:elderly|late|old|teenage|\\d+-year-old)\\s+)?(?:${PERSON}|${WORK_RELATION})`;
/** "My wife Sarah ordered", "Our intern, Oskar, ordered", "my son (he's 16) used my card ... and ordered". */
const OWNER_PURCHASE = new RegExp(
  `\\b(?:my|our|a|one\\s+of\\s+(?:my|our))\\s+(?:\\w+\\s+)?(${OWNER})\\b(,?\\s+[A-Z][\\p{L}'’.-]+(?:\\s+[A-Z][\\p{L}'’.-]+)?,?)?(?:\\s*\\([^)]{0,40}\\))?\\s+(?:[\\p{L}'’]+\\s+){0,12}?(?:has\\s+|had\\s+)?(?:ordered|bought|purchased|placed|returned|cancell?ed|sent\\s+back|made\\s+(?:an?\\s+)?order|has\\s+(?:an?\\s+)?account|(?:opened|made|created|set\\s+up)\\s+(?:an?\\s+)?account)\\b`,
  'iu',
);
/** "on her own account", "under his name", "with his personal Northwind account", "her private account still has". */
const OWNER_ACCOUNT =
  /\b(?:on|with|under|from|using|via|in|through)\s+(?:her|his|their)\s+(?:own\s+|personal\s+|private\s+|separate\s+|work\s+)?(?:northwind\s+)?(?:account|name|login)\b|\b(?:her|his|their)\s+(?:own|personal|private)\s+(?:northwind\s+)?account\s+(?:still\s+)?(?:has|had|is|shows)\b/i;
/** Writing for the person: "I'm writing for my mum", "on behalf of my elderly father", "we act for Ms. Voss". */
const ON_BEHALF = new RegExp(
  `\\b(?:writing|emailing|messaging|contacting\\s+you|here|this\\s+is)\\s+(?:on\\s+behalf\\s+of|for)\\s+my\\s+(?:\\w+\\s+)?${OWNER}\\b|\\b(?:we|i)\\s+(?:act|are\\s+acting|am\\s+acting)\\s+(?:for|on\\s+behalf\\s+of)\\b|\\bwe\\s+represent\\b|\\bour\\s+client\\b[^.!?\\n]{0,60}\\basked\\s+(?:me|us)\\s+to\\b`,
  'i',
);
/**
 * Working for a named person: "assistant to Rick Malone", "the office manager for Dr. Hartmann",
 * "Frances Allen's assistant", "the nanny for the Carter family", "on behalf of Grace Hopper" (a
 * title or a first and last name: "on behalf of Hollis Print Ltd" is the writer's own firm), and
 * "Radia asked me to cover her purchasing".
 */
const NAMED_PRINCIPAL = new RegExp(
  [
    String.raw`\b(?:[Aa]ssistant|PA|[Ss]ecretary|[Oo]ffice\s+manager|[Cc]arer|[Nn]anny|[Hh]ousekeeper|[Cc]aretaker)\s+(?:to|for|of)\s+(?:the\s+)?(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?[A-Z][\p{L}'’-]+`,
    String.raw`\b[A-Z][\p{L}-]+(?:\s+[A-Z][\p{L}-]+)?['’]s\s+(?:assistant|PA|secretary|office\s+manager|carer|nanny|housekeeper|caretaker)\b`,
    String.raw`\b[Oo]n\s+behalf\s+of\s+(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof(?:essor)?)\.?\s+[A-Z][\p{L}'’-]+|[A-Z][\p{Ll}'’-]+\s+[A-Z][\p{Ll}'’-]+\b(?!\s+(?:Ltd|GmbH|Inc|LLC|BV|SA|AG|Co|Group|Limited)\b))`,
    String.raw`\b(?!(?:He|She|They|We|It|You|Someone|Somebody|Everyone|Everybody|Procurement|Finance|Accounts|Accounting|Management|Purchasing|Legal|Marketing|Reception|Admin)\b)[A-Z][\p{Ll}-]+(?:\s+[A-Z][\p{Ll}-]+)?\s+(?:has\s+|had\s+)?asked\s+me\s+to\s+(?:collect|sort|cover|send|deal|handle|chase|get|request|ask|check|find|cancel|return|pick|arrange|organi[sz]e|take\s+care)\b`,
  ].join('|'),
  'u',
);
/** A deed on the person themselves: "please unsubscribe my partner", "reset my father's password". */
const DEED_FOR_PERSON = new RegExp(`\\b(?:unsubscribe|delete|remove|close|reset|cancel|deactivate)\\s+my\\s+(?:\\w+\\s+)?${OWNER}(?:['’]s)?\\b(?!\\s+(?:from\\s+)?(?:the\\s+)?(?:delivery|address))`, 'i');
/** A gift the writer received is theirs to ask about: "my mum bought me the lamp". */
const GIFT_TO_WRITER = /\b(?:bought|ordered|got|gave|sent)\s+(?:it\s+)?(?:for\s+)?me\b|\b(?:gift|present)\s+(?:for|to)\s+me\b/i;
/** Asked of us about the order or account: information or a deed. */
const ASKED_ABOUT_IT =
  /\b(?:tell|send|give|show|forward|let|e-?mail)\s+me\b|\b(?:can|could|would|will)\s+you\s+(?:please\s+)?(?:tell|check|look|send|e-?mail|confirm|cancel|reset|remove|delete|re-?issue|change|update|find|give)\b|\bplease\s+(?:send|provide|remove|delete|cancel|reset|re-?issue|change|update|check|tell|confirm)\b|\b(?:i'?d\s+like|i\s+want|i\s+need)\s+to\s+(?:see|know|check)\b|^(?:where|when|what|has|did|is|was)\b[^?]*\?|\b(?:where|when)\s+(?:is|will|does)\s+(?:it|the)\b/i;
/** The writer asking about their own: "where do I find the invoice in my account?". */
const ASKS_FOR_OWN = /\b(?:do|can|should|could|may|shall)\s+i\b|\bmy\s+(?:own\s+)?(?:account|orders?)\b/i;
const THIRD_PRONOUN = /\b(?:he|she|they|his|her|him|them|their)\b/i;

function otherPersonsOrderAsked(sentences: readonly string[], readings: SentenceReadings): Cue | undefined {
  let owner: string | undefined;
  let namedOwner = false;
  for (const sentence of sentences) {
    const read = readings.of(sentence);
    if (read.test(OWN_HOUSEHOLD) || read.test(GIFT_TO_WRITER)) continue;
    const deed = read.exec(DEED_FOR_PERSON);
    if (deed) return ['other-person-data', 1, deed[0]];
    const behalf = read.exec(ON_BEHALF) ?? read.exec(NAMED_PRINCIPAL) ?? read.exec(OWNER_ACCOUNT);
    if (behalf) {
      owner ??= behalf[0];
      namedOwner = true;
      continue;
    }
    const purchase = read.exec(OWNER_PURCHASE);
    if (purchase) {
      owner ??= purchase[0];
      // A named person or a work relation is not the writer's household errand.
      namedOwner ||= purchase[2] !== undefined || WORK_RELATION_ONLY.test(purchase[1]!.trim());
    }
  }
  if (!owner) {
    const folded = sentences.map((sentence) => readings.of(readings.of(sentence).read(foldedForCues)));
    const account = folded.map((sentence) => sentence.exec(FOREIGN_THEIR_OWN_ACCOUNT) ?? sentence.exec(FOREIGN_OWNER_PURCHASE)).find((match) => match);
    const person = folded.some((sentence) => sentence.test(FOREIGN_THIRD_PERSON));
    const ask = folded.find((sentence) => sentence.test(HAS_QUESTION_MARK) && sentence.test(FOREIGN_DATA_REQUEST) && !sentence.test(FOREIGN_OWN_BUSINESS));
    return account && person && ask ? ['other-person-data', 1, `${account[0]} ... ${ask.text.slice(0, 20)}`] : undefined;
  }
  const ask = sentences.find((sentence) => {
    const read = readings.of(sentence);
    return read.test(ASKED_ABOUT_IT) && !read.test(ASKS_FOR_OWN) && !read.test(OWN_HOUSEHOLD) && (namedOwner || read.test(THIRD_PRONOUN));
  });
  return ask ? ['other-person-data', 1, `${owner} ... ${ask.slice(0, 20)}`] : undefined;
}

/** A sentence's letters folded as the cues of other languages read them. */
function foldedForCues(sentence: string): string {
  return foldForCues(foldLetters(sentence));
}

const HAS_QUESTION_MARK = /\?/;

/**
 * A mail that only asks when money already agreed comes back ("your site says Refund sent, how many
 * days until it shows on my card?") and asks for no money itself: it is a status question with an
 * answer in the KB, not a request for money back. Word lists and the tag model see "refund" and
 * "money back"; the cues read whether it is asked for. The matrix drops `refund` there.
 */
export function onlyAsksWhenMoneyComesBack(text: string): boolean {
  return moneyWordsAskNothing(text, (sentence, folded) => REFUND_TIMING.test(sentence) || FOREIGN_REFUND_TIMING.test(folded));
}

/** Some sentence is of the given kind, and no sentence asks money of us or disputes a price or fee. */
function moneyWordsAskNothing(text: string, kind: (sentence: string, folded: string) => boolean): boolean {
  if (!cueSentences(text).some((sentence) => kind(sentence, foldForCues(foldLetters(sentence))))) return false;
  const { values } = readCues(text);
  return values[CUE_NAMES.indexOf('money-back-request')] === 0 && values[CUE_NAMES.indexOf('price-or-fee-dispute')] === 0;
}

/**
 * The mail's money-back words are about money someone else pays ("my company reimburses it, where
 * do I download the invoice?", "pago contra reembolso") or ask whether a discount scheme exists ("do
 * you do any student discount?"), and nothing is asked of us: a question for the article of its
 * intent, not a refund request.
 */
export function isMoneyOnlyFromElsewhere(text: string): boolean {
  return moneyWordsAskNothing(
    text,
    (sentence, folded) => MONEY_FROM_ELSEWHERE.test(sentence) || DISCOUNT_SCHEME_QUESTION.test(sentence) || FOREIGN_MONEY_FROM_ELSEWHERE.test(folded),
  );
}

/**
 * Whether the sentence holding `words` tells of someone else's account being attacked ("a friend had
 * her account hacked elsewhere, so how do I turn on two-step login?") and not the customer's own:
 * a worry to answer, not a takeover to escalate. The matrix drops a security word-list match there.
 */
export function isSomeoneElsesAccount(text: string, words: string): boolean {
  const sentence = cueSentences(text).find((candidate) => candidate.includes(words));
  if (!sentence) return false;
  return OTHERS_ACCOUNT.test(sentence) && !MY_ACCOUNT.test(sentence);
}
const OTHERS_ACCOUNT = new RegExp(
  `\\b(?:her|his|their|a\\s+friend['’]s|my\\s+${PERSON}['’]s|someone\\s+else['’]s)\\s+(?:\\w+\\s+)?(?:account|e-?mail|phone|profile|login)\\b`,
  'i',
);
const MY_ACCOUNT = /\bmy\s+(?:\w+\s+)?(?:account|e-?mail|password|login|card|profile)\b|\bour\s+account\b/i;

/**
 * Whether the sentence holding `words`, or the one after it, takes the ending back ("I cancelled Pro
 * by mistake. Can I undo it?"): the matrix drops a retention word-list match there, as the cue does.
 */
export function isEndingUndone(text: string, words: string): boolean {
  const sentences = cueSentences(text);
  const index = sentences.findIndex((sentence) => sentence.includes(words));
  if (index < 0) return false;
  return KEEPING.test(sentences[index]!) || KEEPING.test(sentences[index + 1] ?? '');
}

/**
 * Whether the sentence holding `words`, or the one after it, is the customer's own business with
 * their household ("I placed the order on my wife's account", "Forwarding my husband's email. I
 * paid for it"): the matrix drops a third-party word-list match there, as the cue does.
 */
export function isOwnHouseholdContext(text: string, words: string): boolean {
  const sentences = cueSentences(text);
  const index = sentences.findIndex((sentence) => sentence.includes(words));
  if (index < 0) return false;
  return OWN_HOUSEHOLD.test(sentences[index]!) || OWN_HOUSEHOLD.test(sentences[index + 1] ?? '');
}
const DATA_REQUEST = /\b(?:tell|give|send|show|read|confirm|share|forward|list|see|check|look\s+(?:at|up)|let\s+me\s+know|what|which|where|when|how\s+much|does|do|did|has|have|is|are|need|want)\b/i;
const THEIR_DATA = new RegExp(`\\b(?:his|her|their|the)\\s+(?:\\w+\\s+){0,3}?${DATA_NOUN}\\b|\\b(?:any|open)\\s+orders?\\b|\\bwhat(?:'s|\\s+is)?\\s+saved\\b|\\blast\\s+(?:four|4)\\s+digits\\b`, 'i');
const THIRD_PERSON_PURCHASE = new RegExp(`\\bmy\\s+${PERSON}(?:\\s+[A-Z][a-z]+)?\\s+(?:has\\s+)?(?:bought|ordered|purchased|placed|used)\\b`, 'i');
const FOLLOW_UP_QUESTION = /^(?:what|which|when|where|how\s+much|did|has|was)\b[^?]*\?/i;

/** "Send it to my sister's address", "order for my dad", "my mother wants to order": delivery and gifts. */
const DESTINATION = new RegExp(`(?<!\\b(?:you\\s+have|on\\s+file|stored|held|saved|registered)\\s+)\\b(?:to|at|for|via)\\s+my\\s+${PERSON}['’]?s?\\b`, 'i');

/**
 * Asks for someone else's data that name no relative of the customer's: writing from another
 * person's account or on their errand ("Ben here, writing from Ada's account", "Grace asked me to get
 * her order history"), everyone who bought something, a person who has died. Whoever writes, the
 * data is not theirs to be sent; a person decides (and a bereaved family needs one anyway).
 */
const NAMED_ACCOUNT = `(?:[A-Z][a-z]+|[Mm]y\\s+${PERSON})['’]s?\\s+(?:account|e-?mail|orders?|profile|login)`;
const PROXY_WRITER = new RegExp(
  `\\b(?:writing|emailing|messaging|here)\\s+(?:from|on|using|via|for)\\s+(?:behalf\\s+of\\s+)?${NAMED_ACCOUNT}\\b` +
    `|\\bI['’]?m\\s+[A-Z][a-z]+['’]s?\\s+(?:partner|husband|wife|assistant|pa|secretary|colleague|manager|son|daughter|mother|father|mum|dad|carer|lawyer|solicitor|neighbou?r|friend)\\b`,
);
/** On someone's errand for their data: "Grace asked me to get her order history". */
const ERRAND_FOR_DATA = new RegExp(
  `\\b(?:[A-Z][a-z]+|[Ss]he|[Hh]e|[Mm]y\\s+${PERSON}|(?:[Mm]y|[Oo]ur)\\s+(?:boss|client|customer|tenant|resident))\\s+(?:has\\s+)?asked\\s+me\\s+to\\s+(?:get|find|check|ask|collect|obtain|request|look|pull|fetch)\\b[^.!?\\n]{0,60}\\b(?:her|his|their)\\s+(?:\\w+\\s+){0,2}?${DATA_NOUN}\\b`,
);
const EVERYONE_WHO_BOUGHT =
  /\b(?:names?|addresses|e-?mails?|details|contact\s+details|phone\s+numbers?|list)\b[^.!?\n]{0,30}\bof\s+(?:everyone|everybody|all\s+(?:the\s+)?(?:people|customers|buyers|others)|(?:the\s+)?(?:other\s+)?(?:people|customers|buyers))\s+who\b/i;
const BEREAVEMENT = new RegExp(`\\bmy\\s+late\\s+${PERSON}\\b|\\b(?:passed\\s+away|deceased|died)\\b`, 'i');
const ACCOUNT_MATTER = /\b(?:account|orders?|subscriptions?|plan|details|data|purchases|card)\b/i;

const PERSON_REQUEST =
  /\b(?:talk|speak|chat|discuss|call|phone|ring|contact|get\s+in\s+touch|connect|put\s+me\s+through|pass|transfer|hand|escalate|speak)\b[^.!?\n]{0,50}\b(?:person|people|human|someone|somebody|staff|agent|manager|supervisor|advis[eo]rs?|team\s+leader|shift\s+lead|colleague|employee|management|senior|in\s+charge|responsible)\b|(?<!\blegal\s)\b(?:person|human|someone|somebody|staff\s+member|member\s+of\s+staff|agent|manager|supervisor|adviser|advisor|employee)\b[^.!?\n]{0,40}\b(?:call|phone|ring|contact|read|reply|answer|look\s+at|review|handle|talk\s+me\s+through|walk\s+me\s+through)\b|\bput\s+me\s+through\s+to\b|\bby\s+(?:tele)?phone\b(?=[^.!?\n]{0,20}\bplease\b)|\bcall\s*back\b|\bring\s+me\b|\bcall\s+me\b|\bphone\s+me\b|\bcanned\s+(?:messages|replies)|\bnot\s+(?:a|an)\s+(?:bot|script|template|automated)|\bautomated\s+(?:answer|reply|replies|answers)/i;
/**
 * The person named is the customer's own ("our office manager asked me to forward this", "contact our
 * fiduciary agent"), or the call is the customer's to make ("I said I'd call back"): nobody asks for
 * one of our people.
 */
const THEIR_OWN_PERSON =
  /\b(?:my|our|his|her|their)\s+(?!account\b)(?:[\w-]+\s+)?(?:person|people|human|someone|staff|agent|manager|supervisor|advis[eo]rs?|colleagues?|employees?|boss|team|assistant|accountant|lawyer|solicitor)\b/i;
// "my account manager" is ours (Enterprise customers have one), whoever's possessive it is.
const THEIR_OWN_PERSON_BEFORE = /\b(?:my|our|his|her|their)\s+(?!account\b)(?:[\w-]+\s+)?$/i;
const THEIR_OWN_CALL_BEFORE = /\b(?:i['’]?ll|i\s+will|i['’]?d|i\s+would|we['’]?ll|we\s+will|we['’]?d)\s+$/i;

function isTheirOwnPerson(sentence: string, match: RegExpExecArray): boolean {
  const before = sentence.slice(Math.max(0, match.index - 40), match.index);
  if (THEIR_OWN_CALL_BEFORE.test(before) && /^(?:call|ring|phone)\b/i.test(match[0])) return true;
  return THEIR_OWN_PERSON.test(match[0]) || THEIR_OWN_PERSON_BEFORE.test(before);
}
const CONTACT_DECLINED = /\b(?:no\s+need\s+to|don't\s+(?:need\s+to|worry\s+about)|do\s+not\s+need\s+to|not\s+necessary\s+to)\s+(?:call|phone|ring|calling|phoning|ringing|contact)|\b(?:driver|courier)\s+(?:can|could|should)\s+(?:ring|call)|\bcall\s+ahead\b/i;

/**
 * A sentence about another business ("I ordered a sofa from another shop and it was a disaster",
 * "I had a bad experience with another shop") or about the rest of the customer's life ("my bank has
 * blocked my card again", "my landlord") tells of someone else's failure: the complaint's tone words
 * there are not about us. Unless it also speaks to us ("another shop, your service is a joke"), the
 * tone cues of that sentence are left out. Carriers, family and neighbours are not on the list: they
 * deliver our parcels or witness them, and anger there is often anger at the delivery we owe.
 */
const ABOUT_ELSEWHERE =
  /\b(?:another|other|a\s+different|my\s+(?:old|previous|usual)|the\s+(?:old|previous))\s+(?:online\s+)?(?:shops?|stores?|sites?|websites?|retailers?|sellers?|companies|company|brands?|marketplaces?)\b|\b(?:amazon|ebay)\b|\bnot\s+(?:with|from|at)\s+(?:you|your\s+(?:shop|store|site))\b|\bsome\s+(?:\w+\s+)?(?:site|website|shop|app)\b/i.source +
  '|(?<!\\bto\\s)\\b(?:my|our|the)\\s+(?:\\w+\\s+){0,2}(?:bank|banks|card\\s+issuer|landlord|landlady|boss|employer|dentist|gym|gyms|isp|internet\\s+provider|broadband|wi-?fi|phone\\s+company|mobile\\s+provider|airline|insurer|insurance\\s+company|council|tax\\s+office)\\b' +
  "|\\bnothing\\s+to\\s+do\\s+with\\s+(?:you|your)\\b|\\bnot\\s+(?:your|you(?:r|'re)?\\s+(?:fault|doing|problem))\\b|\\b(?:don't|do\\s+not)\\s+blame\\s+you\\b|\\bnot\\s+(?:aimed|directed)\\s+at\\s+you\\b";
const ABOUT_ELSEWHERE_PATTERN = new RegExp(ABOUT_ELSEWHERE, 'i');
const SPEAKS_TO_US = /\b(?:you|your|yours)\b/i;
/** "Not with you", "nothing to do with you", "not your fault": the "you" that clears us, not one that blames us. */
const NOT_WITH_US =
  /\bnot\s+(?:with|from|at)\s+(?:you|your\s+(?:shop|store|site))\b|\bnothing\s+to\s+do\s+with\s+(?:you|your)\b|\bnot\s+(?:your|you(?:r|'re)?\s+(?:fault|doing|problem))\b|\b(?:don't|do\s+not)\s+blame\s+you\b|\bnot\s+(?:aimed|directed)\s+at\s+you\b/gi;
const COMPLAINT_TONE: ReadonlySet<CueName> = new Set([
  'negative-words',
  'negated-positive',
  'intensified-negative',
  'first-person-emotion',
  'sarcasm-frame',
  'deceptive-practice',
  'long-wait',
  'repeated-contact',
]);
/**
 * "Complaint" said of no complaint: "not a complaint, just feedback", "I'm not making any formal
 * request or complaint", "How do I make a complaint? lol no", "a complaint... about how good your
 * packaging is".
 */
const NOT_A_COMPLAINT =
  /\b(?:not|no|nor|without)\s+(?:\w+\s+){0,5}?(?:complaint|complaints|complaining|complain)\b|\bcomplain\w*\b(?:[^.!?\n]{0,40}|[.!?\s]{1,5})\b(?:lol|haha|just\s+kidding|kidding|jk|not\s+really)\b|\bcomplain\w*\W+about\s+how\s+(?:good|great|nice|lovely|well|fast|quick)\b/i;

/**
 * The customer says outright that the mail is no complaint: "Not a complaint this time! The driver
 * was lovely", "I am not complaining, only asking: ...", "Complaint?? no, just can't find the chat",
 * "lovely notebooks, no complaints at all", "that complaint is closed, the globe was replaced; new
 * question: ...". Over the labelled sets 33 of 37 mails that say so carry
 * no `complaint`; the others hedge ("not a complaint exactly, more a disappointment") or use other
 * words ("I'm not one to complain, but", "returned it without complaint"), which this leaves alone.
 */
const COMPLAINT_DISOWNED =
  /\b(?:not|no)\s+(?:a\s+|any\s+)?complaints?\b(?!\s+(?:exactly|as\s+such|per\s+se)\b)(?![^.!?\n]{0,30}\bbut\b)|\b(?:not|no\s+longer)\s+complaining\b(?![^.!?\n]{0,30}\bbut\b)|\bcomplaint\s*[?!.]+\s*(?:no|nope|nah)\b|\bcomplaint\b[^.!?\n]{0,40}\b(?:is|was|has\s+been|got|now)\s+(?:now\s+|all\s+|fully\s+)?(?:closed|sorted|resolved|settled|handled|dealt\s+with|taken\s+care\s+of)\b|\bclose\s+(?:my|the|that)\s+(?:earlier\s+|previous\s+|old\s+)?complaint\b/i;

export function isComplaintDisowned(text: string): boolean {
  return COMPLAINT_DISOWNED.test(text);
}

function isAboutElsewhere(sentence: string): boolean {
  return ABOUT_ELSEWHERE_PATTERN.test(sentence) && !SPEAKS_TO_US.test(sentence.replace(NOT_WITH_US, ''));
}

/**
 * Whether the sentence holding `words` (a complaint word-list match) is no complaint of ours: the
 * word negated or joked about, or the sentence about another business. The matrix drops the match
 * there, as the cues do.
 */
export function isNoComplaintOfOurs(text: string, words: string): boolean {
  const sentences = cueSentences(text);
  const index = sentences.findIndex((sentence) => sentence.includes(words));
  if (index < 0) return false;
  const sentence = sentences[index]!;
  return NOT_A_COMPLAINT.test(sentence) || NOT_A_COMPLAINT.test(`${sentence} ${sentences[index + 1] ?? ''}`) || isAboutElsewhere(sentence);
}

/**
 * A security question with no incident behind it: "nobody hacked me, I simply forgot which password
 * I used", "phishing training at work made me careful: would you ever ask for my password?", "what
 * should I do if I get a sign-in alert that wasn't me? hasn't happened". The KB's security articles
 * answer these; a takeover told as fact elsewhere in the mail still counts.
 */
/**
 * "Yep, that was me, new laptop": the customer owns the sign-in or change the sentence before tells
 * of (often the subject of our own alert, "Re: New sign-in to your account").
 */
const OWNED_SIGN_IN = /^(?:(?:yes|yep|yeah|yup|ok|okay|sure|fine|all\s+good|no\s+worries),?\s+)?(?:that|it|this)\s+(?:was|were)\s+(?:me|us|my\s+\w+)\b/i;

const NO_INCIDENT =
  /\b(?:nobody|no\s*one|no-one)\s+(?:has\s+)?(?:hacked|accessed|got\s+into|contacted|called|stole)\b|\b(?:hasn'?t|has\s+not|haven'?t|have\s+not)\s+(?:\w+\s+)?happened\b|\bnothing\s+(?:has\s+|bad\s+)?happened\b|\b(?:i|we)\s+(?:wasn'?t|was\s+not|weren'?t|haven'?t\s+been|have\s+not\s+been)\s+hacked\b|\b(?:i|we)(?:'ve|\s+have)?\s+never\s+been\s+hacked\b|\b(?:did\s+not|didn'?t|have\s+not|haven'?t|never)\s+(?:\w+\s+)?(?:click|clicked|open|opened|give|given|gave|share|shared|enter|entered|reply|replied)\b(?:\s+(?:on\s+)?(?:anything|it|the\s+link|a\s+thing))?/i;
const HYPOTHETICAL =
  /\bwhat\s+(?:should|do|would)\s+i\s+do\s+if\b|\bwould\s+(?:you|your\s+\w+|anyone\s+from\s+(?:you|northwind))\s+ever\b|\bdo\s+you\s+ever\s+(?:ask|call|send|text|email)\b|\bhow\s+(?:can|do|would)\s+i\s+(?:tell|know|recogni[sz]e|spot|check)\b|\bis\s+it\s+(?:a\s+)?(?:\w+\s+)?(?:risk|safe)\b|\bjust\s+(?:curious|asking|wondering)\b|\b(?:training|newsletter|article|news)\b[^.!?\n]{0,40}\b(?:phishing|scams?|fraud)\b|\b(?:phishing|scams?|fraud)\b[^.!?\n]{0,40}\b(?:training|newsletter|article|news)\b/i;

const CONDITIONAL = /\bwhat\s+(?:should|do|would)\s+i\s+do\s+if\b|\bwould\s+(?:you|your\s+\w+|anyone\s+from\s+(?:you|northwind))\s+ever\b|\bdo\s+you\s+ever\b|\bhow\s+(?:can|do|would)\s+i\s+(?:tell|know|recogni[sz]e|spot|check)\b|\b(?:if|in\s+case|suppose|should)\s+(?:i|someone|somebody|anyone)\b/i;

export function isSecurityWorryOnly(text: string): boolean {
  const sentences = cueSentences(text);
  if (!sentences.some((sentence) => NO_INCIDENT.test(sentence) || HYPOTHETICAL.test(sentence) || OWNED_SIGN_IN.test(sentence))) return false;
  // "What should I do if I get an alert that wasn't me?" supposes the denial; "just curious, but two
  // orders I didn't place" tells it; "New sign-in to your account. That was me." owns it.
  return !sentences.some(
    (sentence, index) =>
      !CONDITIONAL.test(sentence) &&
      (CREDENTIALS_GIVEN.test(sentence) ||
        (ACCOUNT_OBJECT.test(sentence) && (DENIAL.test(sentence) || (STRANGER.test(sentence) && !OWNED_SIGN_IN.test(sentences[index + 1] ?? ''))))),
  );
}

/**
 * Ending asked about, not wanted: "is there a fee if I cancel Pro mid-year?", "if I downgrade, do I
 * keep my order history?", "what happens to my invoices if I close the account? Not planning to".
 * The plan's rules are the KB's answer; retention is for a customer on the way out, who says so
 * somewhere ("thinking of leaving", "I want to close it", "switching to another shop", "please
 * cancel"). A mail with no such sentence, and with an ending only supposed, is not churn.
 */
const ENDING_SUPPOSED =
  /\b(?:if|when|once|should|in\s+case)\s+(?:i|we)\s+(?:\w+\s+){0,2}?(?:cancel\w*|downgrad\w*|clos\w*|end\w*|stop\w*|leav\w*|delet\w*|go\s+back)\b|\b(?:fee|fees|charge|cost|penalty|penalties)\s+(?:for|to|of|if\s+(?:i|we))\s+(?:\w+\s+)?(?:cancel\w*|clos\w*|downgrad\w*|end\w*|stop\w*)|\bwhat\s+happens\b[^.!?\n]{0,60}\b(?:cancel\w*|downgrad\w*|clos\w*)|\bbefore\s+i\s+press\b|\b(?:can|could)\s+i\s+(?:cancel|stop|quit)\s+(?:it\s+)?(?:any\s*time|whenever)\b|\bminimum\s+(?:contract|term|period)\b/i;
const ENDING_SUPPOSED_ALL = new RegExp(ENDING_SUPPOSED.source, 'gi');
const ENDING_WANTED =
  /\b(?:i|we)(?:'m|'re|\s+am|\s+are)?\s+(?:\w+\s+)?(?:thinking\s+(?:of|about)|considering|planning\s+(?:to|on)|going\s+to|about\s+to|ready\s+to|decided\s+to|want\s+to|wanna|would\s+like\s+to|'d\s+like\s+to|need\s+to|will)\s+(?:\w+\s+)?(?:cancel\w*|clos\w*|leav\w*|quit\w*|downgrad\w*|end\w*|stop\w*|switch\w*|mov\w*|go\s+back|delet\w*)|\bplease\s+(?:\w+\s+)?(?:cancel|close|downgrade|delete|end|stop)\b|\b(?:cancel|close|delete|downgrade|end)\s+(?:it|my|our|the)\b(?![^.!?\n]{0,30}\?)|\bthinking\s+(?:of|about)\s+(?:leaving|switching|moving|cancel\w*|clos\w*|delet\w*|it)\b|\bconsidering\s+it\b|\b(?:i'?d|i\s+would)\s+rather\s+(?:stop|cancel|not\s+(?:pay|renew)|leave)\b|\bi'?m\s+(?:leaving|done|off|switching|moving)\b/i;
/**
 * Doubt about keeping the plan, told beside the supposed ending: "I'm not sure I'll keep ordering",
 * "I'm leaning towards cancelling", "I don't use it enough to justify it", "it doesn't pay off". The
 * customer is weighing up leaving; the fee question is part of that.
 */
const DOUBT_ABOUT_KEEPING =
  /\b(?:not|n't)\s+sure\s+(?:i'?ll|i\s+will|i\s+want\s+to|i\s+should|whether\s+(?:to|i'?ll|i\s+will))\s+(?:keep|stay|continue|renew|carry\s+on)\b|\bleaning\s+towards?\s+(?:cancel\w*|leav\w*|quit\w*|downgrad\w*|stopp\w*|dropp\w*)|\b(?:not|n't)\s+(?:using|use)\s+it\s+(?:enough|much|often)\b|\b(?:not|n't)\s+(?:order(?:ing)?|buy(?:ing)?|shop(?:ping)?)\s+(?:\w+\s+)?(?:often|enough|much)\s+(?:enough\s+)?(?:for\s+it\s+)?to\s+(?:pay\s+off|justify|be\s+worth)|\b(?:doesn't|does\s+not|won't|didn't)\s+pay\s+off\b|\b(?:isn't|is\s+not|not)\s+worth\s+(?:it|the\s+money)\b/i;
const NOT_WANTED = /\bnot\s+(?:planning|going|cancel\w*|leaving|thinking)\b|\bno\s+plans?\s+to\b|\bjust\s+(?:asking|curious|wondering|want\s+to\s+(?:know|understand))\b|\bbefore\s+i\s+(?:sign\s+up|upgrade|decide|buy|order|join)\b|\bi'?m\s+not\s+(?:cancel\w*|leaving)\b/i;

/**
 * Closing the account is left out: the labelled sets split evenly on "if I delete my account, can I
 * still get my invoices?", and drafting is the safe mistake where the customer's data goes with it.
 */
const ACCOUNT_ENDING = /\b(?:delet|clos|deactivat|remov|terminat|eras)\w*\s+(?:\w+\s+){0,2}?(?:account|profile)s?\b|\baccount\s+(?:deletion|closure)\b|\bbefore\s+you\s+process\b/i;

export function isEndingOnlyAskedAbout(text: string): boolean {
  if (ACCOUNT_ENDING.test(text)) return false;
  const sentences = cueSentences(text);
  if (!sentences.some((sentence) => ENDING_SUPPOSED.test(sentence))) return false;
  // "Thinking of leaving - is there a fee if I cancel?": the wish is read beside the supposition.
  const wanted = (sentence: string) => {
    const rest = sentence.replace(ENDING_SUPPOSED_ALL, ' ');
    return (ENDING_WANTED.test(rest) && !NOT_WANTED.test(rest)) || DOUBT_ABOUT_KEEPING.test(rest);
  };
  return !sentences.some((sentence) => wanted(sentence) || LEAVING.test(sentence));
}

/**
 * A person asked about, not asked for: "in case I ever need to speak to a real person, when is your
 * chat staffed?", "is there a way to talk to someone, like a live chat?", "do you have a phone
 * number?". How to reach us is the contact article's answer; `human-requested` is for a customer
 * who wants a person now ("please have someone call me", "I want to speak to a manager").
 */
const PERSON_SUPPOSED =
  /\b(?:in\s+case|if|whenever|should)\s+(?:i|we)\s+(?:ever\s+)?(?:\w+\s+)?(?:need|want|wish|have)\s+to\s+(?:talk|speak|chat|reach|contact|call|ring|get\s+hold)\b|\bis\s+there\s+(?:a\s+way|any\s+way|anyone|someone|somebody|a\s+(?:number|phone))\b[^.!?\n]{0,40}\b(?:talk|speak|chat|call|ring|reach|contact)\b|\bhow\s+(?:do|can|would)\s+(?:i|we|you|one)\s+(?:actually\s+)?(?:contact|reach|talk\s+to|speak\s+to|get\s+hold\s+of|get\s+in\s+touch\s+with)\b|\b(?:do|does)\s+(?:you|northwind)\s+have\s+(?:a\s+)?(?:phone|telephone|hotline|live\s+chat)|\bwhat(?:'s|\s+is|\s+are)\s+(?:your|the)\s+(?:phone|telephone|chat|opening|support)\s*(?:number|hours|times)?\b|\bwhen\s+is\s+(?:your|the)\s+(?:chat|phone\s+line|hotline)\b/i;
const NOTHING_WRONG = /\bnothing\s+(?:is\s+)?wrong\b|\bno\s+(?:problem|issue)s?\s+(?:right\s+)?now\b|\bnothing\s+wrong\s+(?:rn|right\s+now|now)\b|\bjust\s+(?:asking|curious|wondering|in\s+case)\b|\bfor\s+(?:the\s+)?future\b|\bnext\s+time\b/i;

export function isPersonOnlyAskedAbout(text: string): boolean {
  const sentences = cueSentences(text);
  if (!sentences.some((sentence) => PERSON_SUPPOSED.test(sentence))) return false;
  // "Nothing wrong right now" says no person is wanted yet; without it, a wish for a person in a
  // sentence of its own counts, and a long mail is more than a question.
  if (sentences.some((sentence) => NOTHING_WRONG.test(sentence))) return true;
  const wanted = sentences.some((sentence) => !PERSON_SUPPOSED.test(sentence) && PERSON_REQUEST.test(sentence));
  return !wanted && sentences.length <= 3;
}

/** Sentences of a mail, as the tag model reads them (lines and sentence ends). */
export function cueSentences(text: string): readonly string[] {
  // The matrix reads one mail with several readers in turn (cues, refund timing, endings, a person,
  // security): the last mail's split is kept rather than made again by each.
  if (lastSplit?.text !== text) {
    lastSplit = {
      text,
      sentences: text
        .split(/(?<=[.!?])\s+|\n+/u)
        .map((part) => part.trim())
        .filter((part) => part !== ''),
    };
  }
  return lastSplit.sentences;
}
let lastSplit: { text: string; sentences: readonly string[] } | undefined;

/** The cues of a text: each sentence is read on its own, and a cue keeps its strongest sentence. */
export function readCues(text: string): CueReading {
  const values = CUE_NAMES.map(() => 0);
  const evidence: CueReading['evidence'] = {};
  const sentences = cueSentences(text);
  // Kept for the ticket (sentence-readings.ts): the tag model reads every sentence here with its
  // neighbours, then each alone; what depends on the sentence alone is read once.
  const readings = sentenceReadings();
  const keep = ([name, value, words]: Cue) => {
    const slot = CUE_NAMES.indexOf(name);
    if (value > values[slot]!) {
      values[slot] = value;
      evidence[name] = shorten(words);
    }
  };
  sentences.forEach((sentence, index) => {
    const previous = sentences[index - 1] ?? '';
    const next = sentences[index + 1] ?? '';
    const elsewhere = readings.of(sentence).read(isAboutElsewhere);
    for (const cue of [...sentenceCues(sentence, previous, next, readings), ...readSituationCues(sentence, previous, next, readings)]) {
      if (elsewhere && COMPLAINT_TONE.has(cue[0])) continue;
      keep(cue);
    }
  });
  const errand = otherPersonsOrderAsked(sentences, readings);
  if (errand) keep(errand);
  return { values, evidence };
}

type Cue = [CueName, number, string];

function sentenceCues(sentence: string, previous: string, next: string, readings: SentenceReadings): Cue[] {
  const cues: Cue[] = [];
  // What depends on one sentence alone is read through its reading (sentence-readings.ts): this
  // sentence, and its neighbours, are read again as neighbours and alone.
  const read = readings.of(sentence);
  const before = readings.of(previous);
  const following = readings.of(next);
  const folded = read.read(foldedForCues);
  const add = (name: CueName, value: number, words: string) => {
    if (value > 0) cues.push([name, Math.min(1, value), words]);
  };
  const found = (name: CueName, pattern: RegExp, value = 1) => {
    const match = read.exec(pattern);
    if (match) add(name, value, match[0]);
    return match;
  };
  const polarity = read.read(readPolarity);
  add('negative-words', polarity.negative.length / 2, polarity.negative.join(' '));
  add('negated-positive', polarity.negatedPositive.length, polarity.negatedPositive.join(' '));
  add('intensified-negative', polarity.intensified.length, polarity.intensified.join(' '));
  if (!read.test(NOT_A_COMPLAINT) && !NOT_A_COMPLAINT.test(`${sentence} ${next}`)) found('first-person-emotion', EMOTIONS);
  const question = read.test(QUESTION_END);

  const ironic = read.exec(SARCASM_FRAMES);
  if (ironic) add('sarcasm-frame', 1, ironic[0]);
  else if (polarity.positive.length > 0 && !question) {
    // "Great, the replacement arrived" is praise; "Great, another week without it" is not.
    // Sarcasm puts the praise first ("Lovely to be charged twice"); praise after the event is thanks
    // for a fix ("the screw was missing and you sent one, thanks").
    const praise = folded.search(new RegExp(`(?<![a-z])${polarity.positive[0]}(?![a-z])`));
    const after = praise < 0 ? '' : folded.slice(praise + polarity.positive[0]!.length);
    const bad = BAD_EVENT.exec(after) ?? FOREIGN_BAD_EVENT.exec(after);
    if (bad && (polarity.negative.length > 0 || ANOTHER_TIME.test(bad[0]))) {
      add('sarcasm-frame', 1, `${polarity.positive[0]} ... ${bad[0]}`);
    }
  }
  // A praise word standing alone after a bad event, or "as always" before one, is irony.
  const standalonePraise = read.test(STANDALONE_PRAISE);
  // "Fantastic, a lamp that makes the room darker": the praise word, a comma, and the failure it praises.
  const praiseThenFailure = read.test(PRAISE_THEN_FAILURE);
  const badEvent = (other: SentenceReading) =>
    other.test(LONG_WAIT) || other.test(REPEATED_CONTACT) || other.test(MISSED_OCCASION) || (other.read(readPolarity).negative.length > 0 && !other.test(HARMLESS));
  if (praiseThenFailure && (badEvent(read) || badEvent(following) || read.test(WORSE_THAN_BEFORE))) add('sarcasm-frame', 1, sentence.slice(0, 30));
  else if (standalonePraise && badEvent(before)) add('sarcasm-frame', 1, `${previous.slice(0, 20)} ... ${sentence}`);
  else if (standalonePraise && badEvent(following)) add('sarcasm-frame', 1, `${sentence} ${next.slice(0, 20)}...`);
  else if (read.test(AS_ALWAYS) && polarity.positive.length > 0 && badEvent(following)) add('sarcasm-frame', 1, `${sentence.slice(0, 30)} ...`);
  found('repeated-contact', REPEATED_CONTACT);
  found('long-wait', LONG_WAIT);
  if (!found('second-person-blame', BLAME)) {
    const yours = read.exec(YOUR_THING) ?? read.exec(YOU_DID);
    if (yours && polarity.negative.length > 0) add('second-person-blame', 1, `${yours[0]} ... ${polarity.negative[0]}`);
  }
  const claim = read.exec(CLAIM);
  if (claim && !question) {
    const contrast = read.exec(CONTRAST) ?? (following.test(QUESTION_END) ? null : following.exec(CONTRAST) ?? (following.test(POINTS_BACK) ? following.exec(FIRST_TWO_WORDS) : null));
    if (contrast) add('claim-contrast', 1, `${claim[0]} ... ${contrast[0]}`);
  }
  const shouting = read.read(shoutingShare);
  add('shouting', shouting.share, shouting.words);
  found('exclamation', REPEATED_MARKS);

  // "Three orders went out from my account. I have no clue who placed them.": the object may be a sentence back.
  if (read.test(ACCOUNT_OBJECT) || before.test(ACCOUNT_OBJECT)) {
    const denial = read.exec(DENIAL);
    if (denial && !/\b(?:receive[d]?|get|got|arrive[d]?|find|found|hear[d]?|see)\b/i.test(denial[0])) add('denied-account-action', 1, denial[0]);
    // "My password was changed. Yes, that was me": the customer owns the change.
    if (!following.test(OWNED_SIGN_IN)) found('stranger-on-account', STRANGER);
  } else if (read.test(NOT_ME)) {
    add('denied-account-action', 0.5, 'not me');
  }
  found('credentials-given-away', CREDENTIALS_GIVEN);

  found('leaving-the-shop', LEAVING);
  // "I cancelled Pro by mistake, can I undo it?" wants to stay.
  if (!read.test(KEEPING) && !following.test(KEEPING) && !read.read(removesPartOfAccount)) found('ending-the-relationship', ENDING);
  const money = moneyAskedOfUs(sentence);
  const notAsked = read.test(POLICY_QUESTION) || read.test(REFUND_TIMING) || read.test(MONEY_DECLINED) || read.test(DISCOUNT_SCHEME_QUESTION);
  if (money && read.test(REQUEST_MOOD) && !notAsked) add('money-back-request', 1, money[0]);
  found('price-or-fee-dispute', PRICE_OR_FEE);

  const other = read.exec(OTHER_PERSON_DATA);
  const asking = read.test(ASKING);
  const ownHousehold = read.test(OWN_HOUSEHOLD) || (read.test(PAID_WITH_RELATIVES_CARD) && !sentence.includes('?')) || read.test(RELATIVES_ADDRESS_ADDED);
  if (other && !(read.test(DESTINATION) && !asking) && !ownHousehold) {
    add('other-person-data', 1, other[0]);
  } else if (!read.test(DESTINATION) && !ownHousehold) {
    const person = read.exec(THIRD_PERSON);
    const data = read.exec(THEIR_DATA);
    if (person && data && read.test(DATA_REQUEST) && read.test(ASKED_OR_WANTED)) {
      add('other-person-data', 0.7, `${person[0]} ... ${data[0]}`);
    } else if (read.test(THIRD_PERSON_PURCHASE) && ((following.test(FOLLOW_UP_QUESTION) && !following.test(ASKS_FOR_OWN)) || read.test(QUESTION_AFTER_PURCHASE))) {
      add('other-person-data', 0.7, `${read.exec(THIRD_PERSON_PURCHASE)![0]} ... ${next.slice(0, 20)}`);
    } else if (question && before.test(THIRD_PERSON) && !before.test(OWN_HOUSEHOLD)) {
      const ask = read.exec(THIRD_PRONOUN_ASK);
      if (ask) add('other-person-data', 0.7, `${before.exec(THIRD_PERSON)![0]} ... ${ask[0]}`);
    }
    const proxy = read.exec(PROXY_WRITER);
    // The errand alone ("I'm Ada's husband, she loves the lamp") asks for nothing: a question about data must follow.
    const asksData = (text: string) => /\?/.test(text) && new RegExp(`\\b${DATA_NOUN}\\b`, 'i').test(text);
    if (proxy && (asksData(sentence) || asksData(next))) add('other-person-data', 1, proxy[0]);
    const errand = read.exec(ERRAND_FOR_DATA);
    if (errand) add('other-person-data', 1, errand[0]);
    const everyone = read.exec(EVERYONE_WHO_BOUGHT);
    if (everyone) add('other-person-data', 1, everyone[0]);
    const bereavement = read.exec(BEREAVEMENT);
    if (bereavement && (read.test(ACCOUNT_MATTER) || following.test(ACCOUNT_MATTER))) add('other-person-data', 1, bereavement[0]);
    const whose = read.exec(WHOSE);
    if (whose) add('other-person-data', 0.7, whose[0]);
  }
  if (!read.test(CONTACT_DECLINED) && !read.test(COURIER_CALL)) {
    const person = read.exec(PERSON_REQUEST);
    if (person && !isTheirOwnPerson(sentence, person)) add('asks-for-a-person', 1, person[0]);
  }
  cues.push(...foreignCues(read, readings.of(folded), before, question, readings));
  return cues;
}

const MONEY_WORDS_ALL = [new RegExp(MONEY_BACK.source, 'gi'), new RegExp(UNDO_CHARGE.source, 'gi')];

/**
 * The first money-back words of the sentence (a refund asked, a charge to undo) that are not money
 * someone else pays: "my company reimburses it, but I want a refund" asks for the refund only.
 */
function moneyAskedOfUs(sentence: string): RegExpExecArray | null {
  const elsewhere = MONEY_FROM_ELSEWHERE.exec(sentence);
  if (!elsewhere) return MONEY_BACK.exec(sentence) ?? UNDO_CHARGE.exec(sentence);
  const [from, to] = [elsewhere.index, elsewhere.index + elsewhere[0].length];
  for (const words of MONEY_WORDS_ALL) {
    words.lastIndex = 0;
    for (let match = words.exec(sentence); match; match = words.exec(sentence)) {
      if (match.index < from || match.index >= to) return match;
      if (match[0] === '') words.lastIndex++;
    }
  }
  return null;
}

/** Patterns of sentenceCues, made once: a kept match is found by its pattern object (sentence-readings.ts). */
const QUESTION_END = /\?\s*$/;
const STANDALONE_PRAISE = /^(?:(?:oh\s+)?wow[.!]*|(?:(?:oh\s+)?wow[,.!]?\s*|oh\s+)?(?:(?:absolutely|just|simply|truly|really|so|how)\s+)?(?:impressive|brilliant|marvellous|lovely|great|fantastic|wonderful|superb|amazing|perfect|innovative|genius|stellar|outstanding|excellent|bravo|top\s+(?:job|work))(?:\s+(?:stuff|work|job|service|planning|thinking))?[.!]*)$/i;
const PRAISE_THEN_FAILURE = /^(?:(?:absolutely|just|simply|truly|really|oh)\s+)?(?:brilliant|fantastic|wonderful|marvellous|lovely|great|perfect|superb|amazing)\s*[,:\u2013\u2014-]\s+(?:a|an|another|the|my|so|now)\b/i;
const HARMLESS = /\b(?:fine|ok|okay|all\s+good|no\s+harm|works?)\b/i;
const WORSE_THAN_BEFORE = /\b(?:darker|worse|slower|smaller|thinner|louder|colder)\b/i;
const AS_ALWAYS = /\bas\s+(?:always|usual|ever)\b/i;
const POINTS_BACK = /^(?:it|that|mine|what)\b/i;
const FIRST_TWO_WORDS = /^\S+\s+\S+/;
const REPEATED_MARKS = /!{2,}|\?{2,}|\?!|!\?/;
const NOT_ME = /\bnot\s+me\b|\bwasn't\s+me\b/i;
const ASKING = /\b(?:tell|give|show|read|confirm|what|which|how\s+much|did)\b/i;
const ASKED_OR_WANTED = /\?\s*$|\b(?:please|can|could|need|want)\b/i;
const QUESTION_AFTER_PURCHASE = /[,;:]\s*(?:so\s+|and\s+)?(?:what|which|when|where|how\s+much|did|has|was)\b[^?]*\?/i;

/** A positive word before one of these reads as sarcasm even without a negative word. */
const ANOTHER_TIME = /another|twice|without|charged|paying|never|wieder|noch ein|encore|de nouveau|otra|otro|de nuevo|altro|altra|di nuovo|weer|nog een|mais um|outra|de novo|znow|kolejn/i;

/** Compiles only while every foreign cue is one of CUE_NAMES. */
const FOREIGN_PATTERNS: Partial<Record<CueName, RegExp>> = FOREIGN_CUE_PATTERNS;

/** The cues of escalation-cues-languages.ts, with the same conditions as their English patterns. */
function foreignCues(read: SentenceReading, folded: SentenceReading, before: SentenceReading, question: boolean, readings: SentenceReadings): Cue[] {
  const cues: Cue[] = [];
  const accountObject = read.test(ACCOUNT_OBJECT) || folded.test(FOREIGN_ACCOUNT_OBJECT);
  for (const [name, pattern] of Object.entries(FOREIGN_PATTERNS) as [CueName, RegExp][]) {
    const match = folded.exec(pattern);
    if (!match) continue;
    if ((name === 'denied-account-action' || name === 'stranger-on-account') && !accountObject) continue;
    if (name === 'money-back-request' && (folded.test(FOREIGN_POLICY_QUESTION) || folded.test(FOREIGN_MONEY_FROM_ELSEWHERE))) continue;
    if (name === 'ending-the-relationship' && read.test(KEEPING)) continue;
    if (name === 'asks-for-a-person' && folded.test(FOREIGN_CONTACT_DECLINED)) continue;
    cues.push([name, 1, match[0]]);
  }
  // Another person's data: a third person here or in the sentence before, a piece of their data,
  // and a question or a request, unless it is a delivery to them or the customer's own order.
  const foldedPrevious = readings.of(before.read(foldedForCues));
  const person = folded.exec(FOREIGN_THIRD_PERSON) ?? (foldedPrevious.test(FOREIGN_OWN_BUSINESS) ? null : foldedPrevious.exec(FOREIGN_THIRD_PERSON));
  const data = folded.exec(FOREIGN_THEIR_DATA);
  if (person && data && (question || folded.test(FOREIGN_DATA_REQUEST)) && !folded.test(FOREIGN_OWN_BUSINESS)) {
    cues.push(['other-person-data', 0.7, `${person[0]} ... ${data[0]}`]);
  }
  return cues;
}

interface Polarity {
  positive: string[];
  negative: string[];
  negatedPositive: string[];
  intensified: string[];
}

/**
 * Negation scope: a negator ("not", "never", "no", "-n't", "without") reaches the next three words
 * or the end of the clause. A positive word in scope is negative ("not happy"); a negative word in
 * scope is neutral ("no rush", "not a problem", "never had an issue").
 */
/** A token that closes a clause. Made once: a pattern literal in the loop is a new object per token. */
const CLAUSE_MARK = /^[,;:.!?]$/;
/**
 * "If the nib breaks after a few months, is that covered?": a clause opened by these words imagines
 * the event. Its bad words count only when the clause says it happened ("if it breaks again", "if my
 * data has been leaked") or makes a condition of our not acting.
 */
const HYPOTHETICAL_OPENERS = new Set(['if', 'whether', 'case']);
const HAPPENED_BEFORE = new Set(['again', 'still', 'another', 'anymore', 'already', 'been']);
const COURTESY_OBJECT = new Set(['my', 'me', 'any', 'the', 'our', 'us']);
const POSSESSIVE = new Set(['my', 'his', 'her', 'our', 'their', 'your']);
const KIN_WORDS = new Set(['mother', 'father', 'mum', 'mom', 'dad', 'wife', 'husband', 'partner', 'grandmother', 'grandfather', 'grandma', 'grandpa', 'granny', 'aunt', 'uncle', 'brother', 'sister', 'son', 'daughter', 'friend', 'parents', 'mother\'s', 'father\'s', 'wife\'s', 'husband\'s']);

export function readPolarity(sentence: string): Polarity {
  const polarity: Polarity = { positive: [], negative: [], negatedPositive: [], intensified: [] };
  const tokens = foldForCues(foldLetters(sentence)).match(/[a-z]+(?:'[a-z]+)?|[,;:.!?]/g) ?? [];
  let scope = 0;
  let intensifier = 0;
  // "Nothing wrong", "nichts kaputt": a "nothing" whose scope holds a negative word is calm.
  let nothing = -1;
  let hypothetical: { negative: string[]; intensified: string[]; happened: boolean } | undefined;
  const endHypothetical = () => {
    if (hypothetical?.happened) {
      polarity.negative.push(...hypothetical.negative);
      polarity.intensified.push(...hypothetical.intensified);
    }
    hypothetical = undefined;
  };
  for (const [index, token] of tokens.entries()) {
    if (CLAUSE_MARK.test(token) || token === 'but' || token === 'aber' || token === 'mais' || token === 'pero' || token === 'ma' || token === 'maar' || token === 'ale') {
      scope = 0;
      intensifier = 0;
      nothing = -1;
      endHypothetical();
      continue;
    }
    if (HYPOTHETICAL_OPENERS.has(token) && (token !== 'case' || tokens[index - 1] === 'in')) {
      endHypothetical();
      hypothetical = { negative: [], intensified: [], happened: false };
      continue;
    }
    // "If the cracked shelf is not replaced by Friday": a condition on our failing to act is a threat
    // about a real fault, not an imagined one.
    if (hypothetical && (HAPPENED_BEFORE.has(token) || NEGATORS.has(token) || token.endsWith("n't"))) hypothetical.happened = true;
    // "Apart from the motor problem I've been happy": a preposition, not something falling apart.
    if (token === 'apart' && tokens[index + 1] === 'from') continue;
    // "Please excuse my English" is a courtesy; "my late mother" is a death in the family, not a delay.
    if (token === 'excuse' && (tokens[index - 1] === 'please' || COURTESY_OBJECT.has(tokens[index + 1] ?? ''))) continue;
    if (token === 'late' && POSSESSIVE.has(tokens[index - 1] ?? '') && KIN_WORDS.has(tokens[index + 1] ?? '')) continue;
    const isNothing = token === 'nobody' || token === 'nothing' || FOREIGN_NOTHING.has(token);
    if (NEGATORS.has(token) || FOREIGN_NEGATORS.has(token) || token.endsWith("n't") || isNothing) {
      nothing = -1;
      if (isNothing) {
        nothing = polarity.negative.length;
        polarity.negative.push(token);
      }
      scope = 3;
      continue;
    }
    const inScope = scope > 0;
    scope = Math.max(0, scope - 1);
    if (INTENSIFIERS.has(token) || FOREIGN_INTENSIFIERS.has(token)) {
      intensifier = 2;
      continue;
    }
    const intensified = intensifier > 0;
    intensifier = Math.max(0, intensifier - 1);
    const positive = POSITIVE.has(token) || FOREIGN_POSITIVE.has(token);
    const negative = NEGATIVE.has(token) || FOREIGN_NEGATIVE.has(token);
    if (positive || (inScope && EXPECTATION.has(token))) {
      if (inScope) {
        polarity.negatedPositive.push(`not ${token}`);
        if (intensified) polarity.intensified.push(token);
      } else polarity.positive.push(token);
    } else if (negative && !inScope) {
      const into = hypothetical ?? polarity;
      into.negative.push(token);
      if (intensified) into.intensified.push(token);
    } else if (negative && nothing >= 0) {
      polarity.negative.splice(nothing, 1);
      nothing = -1;
    }
  }
  endHypothetical();
  return polarity;
}

/** ISO 4217 codes as the runtime knows them ("EUR", "CHF"), for amounts written with their code. */
const CURRENCY_CODES = new Set(Intl.supportedValuesOf('currency'));
const AMOUNT_WITH_CODE = /\b(\p{Lu}{3})\s?\d[\d.,']*|\d[\d.,']*\s?(\p{Lu}{3})\b/gu;
/** A quoted span is someone else's words: a card statement's "NORTHWIND GOODS", a button's "PAY NOW". */
const QUOTED_SPAN = /["“”„«»][^"“”„«»\n]{1,80}["“”„«»]/gu;

/** Capitals that are not the writer's voice: quoted text, and currency codes next to their amount. */
function withoutBorrowedCapitals(sentence: string): string {
  return sentence
    .replace(QUOTED_SPAN, ' ')
    .replace(AMOUNT_WITH_CODE, (whole, before: string | undefined, after: string | undefined) =>
      CURRENCY_CODES.has(before ?? after ?? '') ? ' ' : whole,
    );
}

/** The share of capitalised words among a sentence's words of three letters or more, from three of them on. */
function shoutingShare(sentence: string): { share: number; words: string } {
  const words = withoutBorrowedCapitals(sentence).match(/\p{L}{3,}/gu) ?? [];
  const loud = words.filter((word) => word === word.toUpperCase() && word !== word.toLowerCase());
  if (loud.length < 3 || words.length === 0) return { share: 0, words: '' };
  return { share: loud.length / words.length, words: loud.slice(0, 4).join(' ') };
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}
