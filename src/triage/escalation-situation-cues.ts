/**
 * English cues for situations customers tell as a story instead of naming them: an account event
 * they did not cause ("codes I never asked for", "I gave it to him before I realised"), a charge to
 * undo in other words ("reverse one of them", "take it off my card"), sarcasm without an angry word
 * ("Love how the tracking says delivered", my 'express' delivery), a practice called deceptive, and
 * indirect asks for a person or doubts about keeping the plan. The story often spans two sentences
 * (the event, then "That wasn't me."), so some cues read the sentences either side.
 *
 * escalation-cues.ts adds these to its cues; this file holds only the patterns and their checks.
 */
import { SentenceReadings, type SentenceReading } from './sentence-readings.js';

/** A message about the account that the customer can disown: codes, alerts, changes. */
const ACCOUNT_MESSAGE =
  /\b(?:(?:sign[\s-]?in|log[\s-]?in|login|security|verification|confirmation|authenticat\w*|one-time|2fa|two-factor|two-step)\s+(?:codes?|texts?|alerts?|emails?|mails?|messages?)|(?:pass)?codes?\b|2fa\b|otp\b|new\s+(?:device|phone|browser|location|sign[\s-]?in|login|(?:delivery\s+|email\s+)?address|card|payment\s+method)|password\s+(?:has\s+been\s+|was\s+|got\s+)?(?:changed|reset|updated)|(?:reset|recovery)\s+(?:links?|emails?|mails?|messages?|phone|number|email)|(?:signed|logged)\s+in\s+from|accessed\s+from|(?:a|new|recent)\s+(?:login|sign[\s-]?in)\b|(?:address|email|e-mail|phone\s+number|name|card|password|security\s+question)\b[^.!?\n]{0,40}\b(?:was|were|has\s+been|have\s+been|got)\s+(?:changed|switched|updated|edited|replaced|swapped)|(?:two-step|two-factor|2-step|2fa|verification|authenticat\w*)\b[^.!?\n]{0,30}\b(?:(?:turned|switched)\s+(?:off|on)|disabled|enabled|removed|deactivated))/i;

/**
 * The customer disowns it: they did not ask, were not there, or only did part of it ("I only made
 * one"). Questions about one's own action ("I asked for a code but it never came") do not count.
 */
const DISOWNED =
  /\b(?:i|we)(?:\s+|(?=['’]))(?:(?:did\s+not|didn't|didnt|never|have\s+not|haven't|had\s+not|hadn't|was\s+not|wasn't|am\s+not|['’]m\s+not|['’]ve\s+never|have\s+never|don't|do\s+not)\s+(?:\w+\s+)?(?!receiv|get|got|gotten|had|hear|heard|find|found|see\b|know\s+how|remember|understand)(?:ask\w*|request\w*|trigger\w*|initiat\w*|tried|try\w*|log\w*|sign\w*|chang\w*|touch\w*|turn\w*|switch\w*|disabl\w*|enabl\w*|set|seen|own|have|do|doing|did|press\w*|click\w*|updat\w*|edit\w*|open\w*|us(?:e|ed|ing)|add\w*|put|mak\w*|made|been\s+(?:to|near|there))|only\s+(?:own|have|use|made|placed|ordered|bought)\s+(?:one|a|an)\b|did\s+none\s+of)|\b(?:locked\s+out|(?:can't|cannot|couldn't)\s+(?:log|sign|get)\s+in(?:to)?|(?:old|my)\s+(?:one|password)\s+(?:doesn't|does\s+not|no\s+longer)\s+work|out\s+of\s+the\s+blue|not\s+(?:by\s+)?me\b|wasn't\s+me|was\s+not\s+me|i\s+was\s+(?:\S+\s+)?(?:asleep|at\s+work|on\s+(?:a\s+)?(?:plane|holiday|flight))|nowhere\s+near|nobody\s+(?:in\s+(?:my|the|our)\s+house|here|else))|\bnot\s+(?:trying|requesting|asking|logging|signing|changing)\b/i;

/** Giving a secret away: the verb and the secret, in one sentence. */
const GAVE_SECRET =
  /\b(?:gave|give|given|told|read(?:\s+it)?\s+out|read|sent|shared|handed(?:\s+over)?|typed|entered|put|confirm(?:ed)?|replied|filled\s+in)\b[^.!?\n]{0,70}?\b(?:codes?|password|passcode|pin|login(?:\s+details)?|details|digits|(?:the\s+)?number\s+(?:you|from|in)|card(?:\s+number)?|it\s+to\s+(?:him|her|them))\b/i;

/** What tells that the person asking for the secret was not us. */
const DECEIT =
  /\bbefore\s+i\s+(?:reali[sz]ed|thought|noticed|checked|looked)|\b(?:i\s+)?(?:only\s+)?(?:then|now|later|afterwards)\s+(?:did\s+)?i\s+(?:reali[sz]e|notice|understood|saw)|\breali[sz]e\s+now\b|\bturned\s+out\b|\bscam\w*|\ba\s+con\b|\bpretend\w*|\bclaim(?:ed|ing)\s+to\s+be\b|\bsaid\s+(?:he|she|they)\s+(?:was|were)\s+(?:from|with|processing|helping)|\blooked\s+(?:exactly\s+|just\s+)?like\s+(?:yours|your|it\s+came|a\s+real)|\bfake\b|\bphishing\b|\b(?:a|the)\s+(?:man|woman|guy|lady|caller|stranger)\b|\bcaller\b|\bthought\s+(?:it\s+)?was\s+(?:yours|you|from\s+you|your)|\b(?:wasn't|was\s+not|isn't|is\s+not)\s+(?:yours|you|from\s+you|your\s+(?:page|site|website))|\bclaim(?:ed|ing)\b|\bfrom\s+['‘"“][^'’"”]{2,30}['’"”]|\b(?:man|woman|guy|lady|someone|somebody)\s+(?:on\s+the\s+phone|rang|phoned|called|messaged)|\b(?:rang|phoned|called)\s+(?:me\s+)?(?:saying|claiming)/i;

/** A charge to undo, in the words people use for it (the request mood is checked by the caller). */
export const UNDO_CHARGE = new RegExp(
  [
    // "reverse one of them", "undo the payment", "void the second one"
    "\\b(?:reverse|undo|void)\\s+(?:one|either|the\\s+(?:first|second|other|extra|duplicate|double)|(?:one\\s+)?of\\s+them)\\b",
    // ("Reverse charge" with no article is the VAT procedure.)
    '\\b(?:reverse(?![\\s-]+charges?\\b)|undo|void)\\s+(?:the\\s+|this\\s+|that\\s+|my\\s+)?(?:\\S+\\s+){0,2}?(?:payment|charge|fee|transaction|amount)',
    // "take it off my card", "taking it off my bill"
    '\\btak\\w*\\s+(?:\\S+\\s+){0,4}?off\\s+(?:my|the)\\s+(?:card|bill|account|statement|invoice|total)\\b',
    // "I want that charge gone"
    '\\b(?:charge|payment|fee|amount|transaction)\\s+(?:gone|removed|reversed|wiped|taken\\s+off|cancelled\\s+and\\s+(?:returned|repaid|refunded))\\b',
    // "credit the £6.99 postage back", "send the second payment back to my card"
    '\\b(?:credit|pay|put|give)\\s+(?:me\\s+)?(?:\\S+\\s+){0,4}?back\\b',
    // "send it back" returns the item: "send" counts with the money as its object or a card to land on
    '\\bsend\\s+(?:me\\s+)?(?:\\S+\\s+){0,4}?back\\s+(?:to|on|into|onto)\\s+(?:my|the|our)\\s+(?:card|account|bank|paypal|visa|mastercard)\\b',
    '\\bsend\\s+(?:me\\s+|us\\s+)?(?:the\\s+|my\\s+|our\\s+|that\\s+)?(?:\\S+\\s+)?(?:money|payment|amount|refund|difference|cash|charge|fee)\\s+back\\b',
    // "get the shipping cost returned", "that part of the cost back"
    '\\b(?:cost|costs|fee|postage|shipping|charge|payment|amount|what\\s+i\\s+paid)\\s+(?:\\S+\\s+){0,2}?(?:returned|repaid|reimbursed|refunded)\\b',
    '\\b(?:get|have)\\s+(?:\\S+\\s+){0,5}?(?:cost|costs|postage|shipping|fee|money|amount)\\s+back\\b',
    '\\b(?:paid|money|payment|amount)\\b[^.!?\\n]{0,30}\\bback\\s+to\\s+me\\b',
    // "honour what the basket said", "honour the lower price"
    '\\bhonou?r\\s+(?:what|the\\s+(?:old|lower|sale|original|advertised|earlier|offer)|the\\s+price)',
    // "cover the return postage", "cover the cost of sending it back"
    '\\bcover\\s+(?:the\\s+|my\\s+)?(?:cost|return|postage|shipping|delivery)',
    '\\bput\\s+(?:the\\s+)?(?:postage|shipping|cost|fee|money|amount|difference)\\b[^.!?\\n]{0,30}\\bon\\s+my\\s+(?:card|account)',
    // "I want it reversed", "need that charge refunded"
    "\\b(?:want|need|'d\\s+like|would\\s+like|expect)\\s+(?:it|this|that|them|the\\s+(?:charge|payment|amount))\\s+(?:reversed|voided|undone|refunded|taken\\s+off|returned)\\b",
    '\\byou\\s+owe\\s+me\\b|\\bi\\s*(?:\'m|\\s+am)\\s+owed\\b|\\bgesture\\b|\\bdrop\\s+the\\s+price\\b|\\breduce\\s+what\\s+i\\s+paid\\b',
  ].join('|'),
  'i',
);

/** "No need for money back, just send a new one": a replacement asked, money declined. */
export const MONEY_DECLINED =
  /\b(?:no\s+need\s+for|don't\s+(?:want|need)|do\s+not\s+(?:want|need)|not\s+(?:asking|looking)\s+for|no)\s+(?:a\s+|my\s+|the\s+)?(?:money\s+back|refund)|\bnot\s+a\s+refund\b|\brefund\s+(?:not\s+)?needed\b|\bno\s+refund\b|\bno\s+need\s+to\s+refund\b/i;

/** A question about money already agreed (when it comes back, whether it went through) or how a discount works: not a request. */
export const REFUND_TIMING =
  /\brefund\s+(?:went|has\s+gone|has\s+been|was)\s+(?:through|processed)|\b(?:is|are|does|do)\s+(?:the|my|your|a)\s+(?:\w+\s+)?discounts?\s+(?:apply|applied|work|count)\b|\b(?:when|how\s+(?:long|soon|many\s+days))\b[^.!?\n]{0,50}\b(?:money|refund|payment|amount|it|euros?|pounds?|dollars?|francs?)\b[^.!?\n]{0,30}\b(?:back|arrive|show|appear|land|reach|come|credited|reflect\w*|(?:be|is|are)\s+(?:on|in)\s+(?:my|the)\s+(?:account|card|bank))|\bwhen\s+should\s+i\s+expect\b/i;

/**
 * Money back that someone else pays ("I need the invoice for my work, they give back the money for
 * office things", "for my expense claim") or a way of paying ("cash on delivery"): no money asked of us.
 */
export const MONEY_FROM_ELSEWHERE =
  /\b(?:my|our|the)\s+(?:company|employer|work|office|firm|boss|university|uni|school|department|insurer|insurance)\b[^.!?\n]{0,60}?\b(?:reimburs\w*|compensat\w*|refund\w*|(?:give|gives|pay|pays)\s+(?:\w+\s+){0,3}back)\b|\bexpenses?\s+(?:claim|report|reimbursement)s?\b|\breimburse?ments?\s+(?:of|for)\s+(?:my\s+|our\s+)?(?:expenses|costs)\b|\bfor\s+(?:my\s+|our\s+)?(?:expenses|reimbursement)\b|\bcash\s+on\s+delivery\b/i;

/**
 * Whether a discount scheme exists ("do you do any student discount?", "is there a teacher price?",
 * "discount for students?"): the student-pricing article's question, not a discount asked for.
 */
export const DISCOUNT_SCHEME_QUESTION =
  /\b(?:is\s+there|are\s+there|do\s+you(?:\s+guys)?\s+(?:do|have|give|offer|provide)|does\s+northwind\s+(?:do|have|give|offer)|any)\s+(?:a\s+|an\s+|any\s+)?(?:special\s+)?(?:student|students|teacher|teachers|military|senior|seniors|nhs|loyalty|bulk|volume|trade|education\w*|academic|birthday)\s+(?:discounts?|prices?|pricing|rates?|offers?|deals?)\b|\b(?:discounts?|prices?|pricing|rates?)\s+for\s+(?:students?|teachers?|seniors?|schools?|universit\w+)\b/i;

/** A failure that turns praise into sarcasm. */
const FAILURE =
  /\b(?:empty|hasn't|hadn't|didn't|doesn't|won't|isn't|never|nothing|nobody|no\s+one|still|again|another|twice|logged\s+me\s+out|out\s+of\s+stock|took\s+(?:you\s+)?(?:\w+\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a\s+whole|over)\s+(?:\w+\s+)?(?:days|weeks|months)|(?:on\s+)?day\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)|(?:days|weeks)\s+(?:late|later|running)|came\s+off|fell\s+off|in\s+pieces|smashed|shattered|broken|broke|cracked|dent(?:ed)?|leaks?|missing|lost|wrong|late|charged|cancel+ed|crash(?:ed|es)?|every\s+(?:day|time))\b/i;

/** Praise that, next to a failure, is sarcasm, even a sentence away ("Great job, really. The handle came off."). */
const SARCASTIC_OPENER =
  /\blov(?:e|ing)\s+(?:how|that|the\s+way|getting|the\s+'|the\s+")|\bnice\s+(?:system|touch|one|work)\b|\b(?:great|good)\s+job\b|\bwell\s+done\b|\bbravo\b|\bimpressive\b|\b(?:brilliant|great|amazing|fantastic|stellar|top)\s+(?:service|efficiency|work|quality|marks|timing)\b|\bwhat\s+a\s+treat\b|\breally\s+appreciate\b|\b(?:super|so|very|really)\s+helpful\b|\boutstanding\b/i;

/** Praise and laughter that are sarcasm only with the failure in the same sentence ("Thanks for the welcome mail. I never wrote the password down" is not). */
const SARCASTIC_WORD =
  /\bfantastic\b|\bwonderful\b|\bcool\b|\bwow\b|\bthrilled\b|\bthank(?:s|\s+you)\s+(?:so\s+much|a\s+lot|for\s+the)\b|\blol\b|\bhaha\w*|\blmao\b|\bclassic\b/i;

/** Irony that needs no failure beside it. */
const IRONY =
  /\bgetting\s+my\s+money's\s+worth\b|(?<!\bthanks?\s|\bthank\s+you\s)\bso\s+much\s+for\b|\blove\s+that\s+for\s+me\b|\brecord-breaking\b|\bgood\s+to\s+know\s+it's\s+consistent\b|\bwell\s+that's\s+a\s+first\b/i;

/** A promise in scare quotes: my 'express' delivery, the 'waterproof' reel, 'arriving today'. */
const QUOTED_PROMISE =
  /(?:^|[\s(])['‘"“](?:express|next[\s-]day|same[\s-]day|\d+[\s-]hours?|free(?:\s+delivery)?|fast|priority|premium|guaranteed|on\s+time|in\s+stock|waterproof|lifetime[\w\s]*|quality|tracked|instant|genuine|solid|arriving\s+today|on\s+its\s+way|out\s+for\s+delivery|delivered[\w\s]*|processing|dispatched|preparing|estimated\s+delivery|saving|premium|priority)['’"”](?=[\s.,!?;:)]|$)/i;

/** Calling a practice dishonest, or a fee shown only at the last step. */
const DECEPTIVE_PRACTICE =
  /\b(?:deceptive|deceitful|deceiving|sneaky|shady|dishonest|underhand\w*|misleading|rip-?off|daylight\s+robbery|false\s+advertising|bait[\s-]and[\s-]switch)\b|\b(?:a|what\s+a)\s+(?:con|trick|scam)\b|\bnot\s+(?:honest|transparent)\b|\bhidden\s+(?:fees?|charges?|costs?)\b|\bpre-?tick\w*|\bticked\s+by\s+default\b|\btotal\s+jumped\b|\b(?:fee|fees|charge|surcharge)\b[^.!?\n]{0,60}\b(?:(?:last|final)\s+(?:step|page|screen|moment)|end\s+of\s+checkout|until\s+(?:after|checkout|the\s+end))/i;

/** "This is the third time the game came with a piece missing", but not "third time ordering". */
const NTH_FAILURE =
  /\b(?:second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th))\s+(?:time|delivery|parcel|replacement|order|wrong\s+\w+)\b(?!\s+(?:ordering|order(?:ed)?\s+from|buying|shopping|i(?:'ve|\s+have)?\s+(?:ordered|bought|shopped)|from\s+you))[^.!?\n]{0,80}\b(?:wrong|missing|broken|broke|cracked|chipped|dented|smashed|shattered|torn|ripped|bent|dead|faulty|leak\w*|late|again|same|without|never|cancel\w*|lost|damaged|open|crash\w*|fault|in\s+a\s+row|this\s+month)|\b(?:twice|three\s+times|four\s+times|(?:\d+)\s+times)\s+now\b|\bthird\s+wrong\b|\bkeeps\s+happening\b/i;

/** Indirect asks for a person: "is there anyone I can talk to", "who can I speak to". */
const PERSON_ASKED =
  /\b(?:anyone|anybody|someone|somebody|a\s+(?:real\s+)?person|a\s+human|actual\s+people|people)\b[^.!?\n]{0,30}\b(?:talk|speak|chat)\s+(?:to|with)\b|\b(?:go|pass|send|forward|escalate|hand)\w*\s+(?:this\s+|it\s+|me\s+)?(?:on\s+)?(?:to|through\s+to)\s+(?:someone|somebody|a\s+person|a\s+human|whoever|a\s+manager|a\s+colleague|one\s+of\s+your)|\b(?:in\s+touch|connect\w*)\s+(?:me\s+)?with\s+(?:whoever|someone|somebody|a\s+person|a\s+human)|\b(?:someone|somebody|a\s+person|a\s+human|a\s+member\s+of\s+(?:staff|your\s+team))\s+(?:\w+\s+)?(?:to\s+)?(?:get\s+back|reply|write\s+back|respond|contact)\b|\b(?:an?\s+)?(?:actual|real)\s+(?:conversation|human|person|people)\b|\bquick\s+chat\s+with\b|\bsomeone\s+(?:more\s+)?(?:senior|in\s+charge)\b|\b(?:a|your)\s+(?:manager|supervisor)\s+(?:\w+\s+)?(?:get\s+in\s+touch|call|ring|contact|reply)|\b(?:discuss|talk|speak)\b[^.!?\n]{0,30}\b(?:team\s+member|member\s+of\s+(?:staff|your\s+team)|one\s+of\s+your\s+(?:staff|team|people))\b|\bchat\s+live\b|\blive\s+(?:agent|person)\b/i;

/** The courier calling ahead, or a caller told about ("someone on the phone said ..."), is not a request for a person. */
export const COURIER_CALL = /\b(?:someone|somebody|a\s+(?:man|woman|person|guy|lady))\s+(?:on\s+the\s+phone\s+)?(?:said|claimed|told|rang|called|phoned|texted|messaged)\b|\b(?:can|could|will|would)\s+the\s+(?:driver|courier|delivery\s+\w+)\s+(?:call|ring|phone|text)\b/i;

/** Doubts about keeping the plan, or leaving it in other words. */
const PLAN = '(?:pro|the\\s+plan|my\\s+plan|plan|membership|subscription|account|northwind)';
const DOUBTS_ABOUT_PLAN = new RegExp(
  `\\b(?:not\\s+sure|unsure|wondering|whether|worth|considering|thinking\\s+(?:of|about)|on\\s+the\\s+fence|weighing\\s+up|debating|doubt)\\b[^.!?\\n]{0,40}\\b(?:(?:keep|keeping|continu\\w*|drop\\w*)\\s+(?:\\w+\\s+){0,2}?${PLAN}|stay(?:ing)?\\s+(?:with\\s+you|on\\s+(?:it|pro)|with\\s+northwind)|stay(?:ing)?\\b|renew(?:ing|s)?\\b|leav(?:e|ing)|lapse|switch(?:ing)?)` +
    `|\\b(?:don't|do\\s+not)\\s+think\\s+(?:i'll|i\\s+will|we'll|we\\s+will)\\s+(?:renew|stay|keep|continue)|\\b(?:doesn't|don't|won't|not)\\s+(?:auto-?)?renew|\\bwill\\s+be\\s+our\\s+last\\b|\\bstop\\s+(?:using|ordering\\s+from|buying\\s+from|shopping\\s+with)\\s+(?:you|northwind|your\\s+(?:shop|site|store|service))\\b|\\b(?:go|going|move|moving|switch|switching)\\s+back\\s+to\\s+(?:the\\s+)?(?:free|basic)\\b` +
    `|\\b(?:don't|do\\s+not|stop)\\s+(?:charg|bill)\\w*\\s+(?:me\\s+)?(?:for\\s+)?(?:pro|the\\s+plan|membership|another|next)` +
    `|\\b(?:subscription|membership|plan|pro|account)\\s+(?:to\\s+)?(?:end|stop|lapse|finish|close|run\\s+out)\\b` +
    `|\\b(?:pro|plan|membership|subscription)\\b[^.!?\\n]{0,40}\\b(?:anymore|any\\s+more|no\\s+longer)\\b|\\bwon't\\s+need\\s+(?:my|the)\\s+(?:account|plan|membership|pro|subscription)` +
    `|\\b(?:i'll|i\\s+will|i'd|going\\s+to|might|probably)\\s+(?:\\w+\\s+)?(?:cancel|quit|leave)\\b(?!\\s+(?:the\\s+|my\\s+|this\\s+|that\\s+)?(?:order|parcel|delivery|return|item))`,
  'i',
);

/** "Great service last time, I'd like the same again" is a repeat order, "Again, thank you" a repeated thanks. */
const NOT_A_FAILURE = /\b(?:order|buy|shop|purchas|use)\w*\b[^.!?\n]{0,40}\bagain\b|^\s*again\s*,/i;

/** The cues this file can raise; each is one of escalation-cues.ts's CUE_NAMES. */
/**
 * A data-protection right asked for in plain words, with no law named: to be forgotten ("forget me
 * entirely", "delete everything you hold about me", "I don't want my address kept"), to see the data
 * ("what information do you have about me?"), to stop a use of it ("stop using my purchase history to
 * pick what you show me"). The word lists need "GDPR" or "personal data"; customers seldom write them.
 */
const DATA_RIGHTS = new RegExp(
  [
    String.raw`(?<!\b(?:don'?t|do\s+not|never)\s+)\bforget\s+(?:about\s+)?me\b`,
    String.raw`\b(?:delete|erase|remove|wipe|purge)\s+(?:all\s+|any\s+)?(?:of\s+)?(?:everything|anything|whatever|all\s+(?:the\s+)?(?:data|info\w*|details|records))\s+(?:you\s+)?(?:have|hold|keep|store|stored|kept|held)?\s*(?:on|about|of)\s+me\b`,
    String.raw`\b(?:delete|erase|remove|wipe)\s+my\s+(?:\w+\s+){0,3}?(?:name|address|phone\s+number|number|details|records?|history|information|info)\b[^.!?\n]{0,40}\bfrom\s+your\s+(?:systems?|records|database|files|servers|mailing\s+lists?)\b`,
    String.raw`\b(?:don'?t|do\s+not)\s+want\s+(?:my\s+)?(?:name|address|phone\s+number|number|details|data|information|anything)\b[^.!?\n]{0,40}\b(?:kept|stored|held|saved|on\s+file|on\s+your\s+side)\b`,
    String.raw`\bwhat\s+(?:data|information|info|details|personal\s+\w+)\s+(?:exactly\s+)?(?:do\s+you|you)\s+(?:have|hold|keep|store|collect)\s+(?:on|about)\s+me\b`,
    String.raw`\b(?:a\s+)?cop(?:y|ies)\s+of\s+(?:all\s+)?(?:the\s+)?(?:data|information|records)\s+(?:you\s+)?(?:have|hold|keep|store)\s+(?:on|about)\s+me\b`,
    String.raw`\bstop\s+(?:using|processing|tracking|profiling)\s+(?:my\s+)?(?:purchase\s+history|data|details|information|orders|browsing)\b`,
    String.raw`\b(?:don'?t|do\s+not)\s+(?:use|process)\s+my\s+(?:data|details|information|purchase\s+history)\s+(?:for|to)\b`,
  ].join('|'),
  'i',
);

export type SituationCueName =
  | 'data-rights-request'
  | 'unrequested-account-event'
  | 'credentials-given-away'
  | 'sarcasm-frame'
  | 'deceptive-practice'
  | 'repeated-contact'
  | 'asks-for-a-person'
  | 'ending-the-relationship';

export type SituationCue = [SituationCueName, number, string];

/**
 * The situation cues of one sentence, reading its neighbours where the story spans them. What
 * depends on one sentence alone goes through `readings` (sentence-readings.ts): the cues read each
 * sentence with its neighbours and again alone.
 */
export function readSituationCues(sentence: string, previous: string, next: string, readings = new SentenceReadings()): SituationCue[] {
  const read = readings.of(sentence);
  const question = read.test(QUESTION_END);
  const checks = [
    accountEvent(read, previous, next),
    secretGivenAway(read, readings.of(previous), previous, next),
    question ? null : sarcasm(read, readings.of(previous), readings.of(next)),
    question ? null : found('deceptive-practice', DECEPTIVE_PRACTICE, read),
    question ? null : found('repeated-contact', NTH_FAILURE, read),
    read.test(COURIER_CALL) ? null : found('asks-for-a-person', PERSON_ASKED, read),
    // "When does my subscription end?" asks for a date, not a way out.
    read.test(ASKS_WHEN) ? null : found('ending-the-relationship', DOUBTS_ABOUT_PLAN, read),
    found('data-rights-request', DATA_RIGHTS, read),
  ];
  return checks.filter((cue): cue is SituationCue => cue !== null);
}

const QUESTION_END = /\?\s*$/;
const ASKS_WHEN = /^\s*when\b/i;

function found(name: SituationCueName, pattern: RegExp, read: SentenceReading): SituationCue | null {
  const match = read.exec(pattern);
  return match ? [name, 1, match[0]] : null;
}

function accountEvent(read: SentenceReading, previous: string, next: string): SituationCue | null {
  const message = read.exec(ACCOUNT_MESSAGE);
  const disowned = message && (read.exec(DISOWNED) ?? DISOWNED.exec(`${previous} ${next}`));
  return message && disowned ? ['unrequested-account-event', 1, `${message[0]} ... ${disowned[0]}`] : null;
}

/** "I read it out", "I typed them in": the secret named in the sentence before. */
const GAVE_IT = /\b(?:gave|read|typed|entered|sent|told|shared|handed)\s+(?:it|them)(?:\s+(?:out|over|in))?\b/i;
const SECRET = /\b(?:codes?|password|passcode|pin|login\s+details|card\s+number)\b/i;
/** Signing in through the link of a mail is typing the password into its page. */
const SIGNED_IN_THROUGH_LINK = /\b(?:logged|signed)\s+in\s+(?:through|via|with|using|from|on)\s+(?:the|that|this|their)\s+(?:link|page|site|form)\b/i;

function secretGivenAway(read: SentenceReading, before: SentenceReading, previous: string, next: string): SituationCue | null {
  const gave =
    read.exec(GAVE_SECRET) ??
    read.exec(SIGNED_IN_THROUGH_LINK) ??
    (before.test(SECRET) ? read.exec(GAVE_IT) : null);
  const deceit = gave && (read.exec(DECEIT) ?? DECEIT.exec(`${previous} ${next}`));
  return gave && deceit ? ['credentials-given-away', 1, `${gave[0]} ... ${deceit[0]}`] : null;
}

function sarcasm(read: SentenceReading, before: SentenceReading, following: SentenceReading): SituationCue | null {
  const irony = read.exec(IRONY);
  if (irony) return ['sarcasm-frame', 1, irony[0]];
  const failureIn = (part: SentenceReading) => (part.test(NOT_A_FAILURE) ? null : part.exec(FAILURE));
  const opener = read.exec(SARCASTIC_OPENER);
  const failure = opener && [read, before, following].map(failureIn).find(Boolean);
  if (opener && failure) return ['sarcasm-frame', 1, `${opener[0]} ... ${failure[0]}`];
  const word = read.exec(SARCASTIC_WORD);
  const failed = word && failureIn(read);
  if (word && failed) return ['sarcasm-frame', 1, `${word[0]} ... ${failed[0]}`];
  const quoted = read.exec(QUOTED_PROMISE);
  const broken = quoted && failureIn(read);
  return quoted && broken ? ['sarcasm-frame', 1, `${quoted[0].trim()} ... ${broken[0]}`] : null;
}
