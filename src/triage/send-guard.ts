/**
 * The send guard: code that decides whether a reply may go out without a human, independent of what
 * the model claims. The permission engine calls it before `send_reply` runs, and the outbox calls it
 * again before a send row is written, so neither path alone can let a bad reply through.
 */
import { readAcknowledgement } from './acknowledgement.js';
import { readAutomaticReply } from './mail/auto-reply.js';
import { readNotACustomerQuestion } from './not-a-customer-question.js';
import { OPEN_QUESTION_THRESHOLD } from './open-question-model.js';
import {
  readActionRequest,
  readInvestigationRequest,
  readMissingDeliveryClaim,
  readReplacementRequest,
  readStaleTrackingClaim,
} from './investigation-request.js';
import { asksToFindTheAccount, needsAccountData } from './account-bound-intents.js';
import { describeDoubt, detectEscalation, escalationTags, type EscalationSignal } from './escalation.js';
import {
  ACTION_CLAIM,
  INJECTION_LABELS,
  findInjectionSignals,
  findLookAlikeWords,
  findTicketEchoes,
  readableForm,
  shorten,
} from './injection-signals.js';
import { unsupportedLanguage } from './language/supported-languages.js';
import { extractOrderIds } from './local-model/order-ids.js';
import { findOrderProblems } from './order-ownership.js';
import { checkGrounding } from './grounding/grounding-check.js';
import { collectRunSources } from './grounding/run-sources.js';
import { findArticleLimit } from './kb/article-limits.js';
import { findPromises } from './reply-rules-promises.js';
import { checkReplyRules } from './reply-rules.js';
import { readLookalikeSender } from './lookalike-sender.js';
import { MAX_UNITS_PER_ORDER, readLargeOrderRequest } from './large-order-request.js';
import { readInformationGap } from './information-gap.js';
import { memoised } from './ticket-memo.js';
import type { TriageSession } from './triage-session.js';
import { requestText, subjectAndRequest } from './mail/read-mail.js';
import { isOnlySignature } from './mail/signatures.js';

export interface SendGuardOptions {
  threshold: number;
  allowedLinkHosts: readonly string[];
  /** A sender without a profile may get an automatic answer to a general question (default true). */
  autoSendUnknownSenders?: boolean;
}

export interface SendAssessment {
  allowed: boolean;
  /** min(model's claim, independent estimate): the confidence that gates the send. */
  confidence: number;
  claimedConfidence: number;
  independentConfidence: number;
  reasons: string[];
  tags: string[];
  /** Which checks fired, for the audit trail. */
  rules: string[];
}

/** Intents whose answer is a decision, not an article. */
const PERSON_INTENTS: ReadonlyMap<string, string> = new Map([
  ['complaint', 'a complaint asks for redress'],
  ['get_refund', 'a refund request asks for money back'],
  ['contact_human_agent', 'the customer asks for a person'],
]);

export const DEFAULT_ALLOWED_LINK_HOSTS = ['help.northwind.example', 'northwind.example'] as const;

export function assessSend(
  session: TriageSession,
  reply: { text: string; confidence: number; intent?: string },
  options: SendGuardOptions,
): SendAssessment {
  const reasons: string[] = [];
  const rules: string[] = [];
  const claimed = Number.isFinite(reply.confidence) ? Math.min(Math.max(reply.confidence, 0), 1) : 0;
  const independent = session.independent.confidence;
  const confidence = Math.min(claimed, independent);

  const signals: EscalationSignal[] = [
    ...session.independent.escalation,
    // The plan is only known once the profile was looked up; the ticket text signals are known upfront.
    ...detectEscalation({ text: '', customer: session.customer ?? null }),
  ];
  for (const signal of signals) {
    rules.push(`escalation:${signal.tag}`);
    reasons.push(`escalation (${signal.tag}): ${signal.reason}${signal.match ? ` ("${signal.match}")` : ''}`);
  }

  for (const doubt of session.independent.escalationDoubts ?? []) {
    rules.push(`escalation-doubt:${doubt.tag}`);
    reasons.push(describeDoubt(doubt));
  }

  if (session.customer === undefined) {
    rules.push('customer:not-looked-up');
    reasons.push('the customer profile was not looked up');
  } else if (session.customer === null) {
    const refusal = unknownSenderRefusal(session, reply.intent, options);
    if (refusal) {
      rules.push('customer:unknown');
      reasons.push(refusal);
    }
  }

  const orderProblems = findOrderProblems(session);
  for (const problem of orderProblems) {
    rules.push(problem.rule);
    reasons.push(problem.reason);
  }

  const language = unsupportedLanguage(session.independent.language);
  if (language) {
    rules.push(`language:${session.independent.language.code}`);
    reasons.push(language.reason);
  }

  for (const mismatch of session.crmMismatches) {
    rules.push('crm:mismatch');
    reasons.push(`the CRM's answer does not match the question: ${mismatch}`);
  }

  const ticketText = `${session.ticket.subject ?? ''}\n${session.ticket.body}`;
  // The readings of text below are memoised per ticket (ticket-memo.ts), keyed on every input: the
  // gate and the outbox assess the same reply on the same ticket.
  const allow = {
    customerEmails: [session.ticket.customerEmail, ...(session.customer ? [session.customer.email] : [])],
    ownHosts: options.allowedLinkHosts,
  };
  const injection = memoised(findInjectionSignals, JSON.stringify([ticketText, allow]), () => findInjectionSignals(ticketText, allow));
  for (const signal of injection) {
    rules.push(`injection:${signal.kind}`);
    reasons.push(`the ticket contains ${INJECTION_LABELS[signal.kind]} ("${signal.match}")`);
  }

  // A quoted or forwarded earlier message that commits us to a sum or an extra: whether we really
  // wrote it (or the customer forged it to steer the answer) is for a person to check, not the agent.
  // No tag: the newest message decides the queue, and the history may be our own words.
  const history = session.independent.mail.history;
  const quotedPromise = memoised(findQuotedCommitment, history, () => findQuotedCommitment(readableForm(history)));
  if (quotedPromise) {
    rules.push('history:promise');
    reasons.push(`the quoted history carries a commitment ("${shorten(quotedPromise.match)}") that a person must confirm we made`);
  }

  // What these intents ask for is a person's judgement (money back, redress, a human): their
  // articles say how it works, and sent alone they answer the grievance with a procedure. The tag
  // may stay off (the tag model reads some as calm); the send does not go out.
  const personIntent = [session.independent.intent.intent, reply.intent].find((intent) => intent !== undefined && PERSON_INTENTS.has(intent));
  if (personIntent) {
    rules.push('intent:needs-person');
    reasons.push(`the ticket reads as ${personIntent}: ${PERSON_INTENTS.get(personIntent)}, which a person decides`);
  }

  if (session.independent.intent.intent === 'other') {
    rules.push('kb:no-answer');
    reasons.push('the ticket does not match anything the knowledge base answers');
  }

  // A thank-you or "all sorted" asks nothing; whatever article its words match is not an answer to it.
  const investigation = readOnce(readInvestigationRequest, requestText(session.independent.mail));
  if (investigation) {
    rules.push('request:investigation');
    reasons.push(`the customer asks us to find something out ("${shorten(investigation)}"): an article cannot say what happened, a person must look`);
  }

  const action = readOnce(readActionRequest, requestText(session.independent.mail));
  if (action) {
    rules.push('request:action');
    reasons.push(`the customer asks us to act on their order or account ("${shorten(action)}"): the article says how it is done, a person does it`);
  }

  const missingDelivery = readOnce(readMissingDeliveryClaim, requestText(session.independent.mail));
  if (missingDelivery) {
    rules.push('request:missing-delivery');
    reasons.push(`the carrier's record and the customer disagree ("${shorten(missingDelivery)}"): a claim for a person to investigate`);
  }

  const staleTracking = readOnce(readStaleTrackingClaim, requestText(session.independent.mail));
  if (staleTracking) {
    rules.push('request:stale-tracking');
    reasons.push(`the parcel has stopped moving ("${shorten(staleTracking)}"): a stale last scan goes to the lost-parcel process, which a person opens`);
  }

  const largeOrder = readOnce(readLargeOrderRequest, subjectAndRequest(session.ticket.subject, session.independent.mail));
  if (largeOrder) {
    rules.push('request:large-order');
    reasons.push(
      largeOrder.kind === 'quantity'
        ? `more than ${MAX_UNITS_PER_ORDER} of one item ("${shorten(largeOrder.match)}"): larger quantities go through the Enterprise team, a person answers`
        : `a quote or trade terms ("${shorten(largeOrder.match)}"): sales work for a person, not an article's answer`,
    );
  }

  const informationGap = readOnce(readInformationGap, requestText(session.independent.mail));
  if (informationGap) {
    rules.push('request:information-gap');
    reasons.push(`the customer says our own information does not answer this ("${shorten(informationGap)}"): the article would repeat it, a person finds the detail out`);
  }

  const lookalike = readLookalikeSender(session.ticket.customerEmail, options.allowedLinkHosts);
  if (lookalike) {
    rules.push('sender:lookalike');
    reasons.push(`the sender's domain ${lookalike} imitates ours: possibly phishing dressed as our own mail, for a person to look at`);
  }

  const otherTeam = readOnce(readNotACustomerQuestion, subjectAndRequest(session.ticket.subject, session.independent.mail));
  if (otherTeam) {
    rules.push('request:not-support');
    reasons.push(`not a customer's question for support ("${shorten(otherTeam)}"): a person routes it`);
  }

  const replacement = readOnce(readReplacementRequest, requestText(session.independent.mail));
  if (replacement) {
    rules.push('request:replacement');
    reasons.push(`a damaged, wrong or missing item with a request to replace it ("${shorten(replacement)}"): only a person can arrange that`);
  }

  const automaticReply = readAutomaticReply(session.ticket.subject, session.independent.mail.newest);
  if (automaticReply) {
    rules.push('mail:auto-reply');
    reasons.push(`an automatic reply ("${shorten(automaticReply)}"): nobody asked anything, so nothing is sent`);
  }

  const acknowledgement = readOnce(readAcknowledgement, session.independent.mail.newest);
  if (acknowledgement) {
    rules.push('request:nothing-asked');
    reasons.push(`the message only thanks or confirms ("${shorten(acknowledgement)}"): there is nothing to answer`);
  } else if (isOnlySignature(session.independent.mail.newest)) {
    rules.push('request:nothing-asked');
    reasons.push(`the message holds only a signature ("${shorten(session.independent.mail.newest)}"): a subject's topic word is no question to answer`);
  }

  // One answer per mail: a second request the chosen articles do not answer needs a person.
  for (const ask of session.independent.uncoveredAsks ?? []) {
    rules.push('request:uncovered-ask');
    reasons.push(
      `the mail also asks something the chosen answer does not cover ("${shorten(ask.sentence)}" reads as ${ask.intent}), ` +
        'so not every ask would be answered by approved material',
    );
  }

  // Questions on an article's topic that the article leaves open ("Does Saturday count as a business
  // day?") read as sure as the ones it answers; reviewers' decisions on such mail tell them apart.
  const openQuestion = session.independent.openQuestion;
  if (openQuestion !== undefined && openQuestion >= OPEN_QUESTION_THRESHOLD) {
    rules.push('request:open-question');
    reasons.push(
      `reviewers answered mail like this one themselves rather than with an article (open-question model ${openQuestion.toFixed(2)} >= ${OPEN_QUESTION_THRESHOLD}): ` +
        'the knowledge base may not answer what is asked',
    );
  }

  if (confidence < options.threshold) {
    rules.push('confidence:below-threshold');
    reasons.push(
      `confidence ${confidence.toFixed(2)} is below the auto-send threshold ${options.threshold.toFixed(2)} ` +
        `(model claimed ${claimed.toFixed(2)}, independent check ${independent.toFixed(2)})`,
    );
  }

  // Checked in the form a reader sees: full-width letters and hidden characters must not slip a
  // promise past the patterns.
  const replyText = readableForm(reply.text);
  const ruleContext = {
    reply: replyText,
    ticketText,
    allowedEmails: [session.ticket.customerEmail, ...(session.customer ? [session.customer.email] : [])],
    allowedOrderIds: session.ownOrderIds(),
    allowedLinkHosts: [...options.allowedLinkHosts],
  };
  const violations = memoised(checkReplyRules, JSON.stringify(ruleContext), () => checkReplyRules(ruleContext));
  for (const violation of violations) {
    rules.push(`reply:${violation.rule}`);
    reasons.push(`reply rule "${violation.rule}": ${violation.message}`);
  }
  const lookAlikes = findLookAlikeWords(replyText);
  if (lookAlikes.length > 0) {
    rules.push('reply:look-alike');
    reasons.push(`the reply mixes look-alike letters of other scripts into words ("${lookAlikes[0]}")`);
  }
  const claim = ACTION_CLAIM.exec(replyText);
  if (claim) {
    rules.push('reply:action-claim');
    reasons.push(`the reply says something was done ("${shorten(claim[0])}"), but the agent cannot change anything: only a person can`);
  }
  // Against what the customer wrote now: a reply quotes our own earlier answer, and answering the
  // same question again repeats it. The quoted history is still scanned for injection above.
  const sources = collectRunSources(session);
  const approved = sources.sentences.map((sentence) => sentence.text).join('\n');
  const newest = subjectAndRequest(session.ticket.subject, session.independent.mail);
  const echoes = memoised(findTicketEchoes, JSON.stringify([replyText, newest, approved]), () => findTicketEchoes(replyText, newest, approved));
  if (echoes.length > 0) {
    rules.push('reply:echo');
    reasons.push(`the reply repeats the ticket's own words ("${echoes[0]}"), as a reply does when it obeys the ticket`);
  }
  // The positive rule: every sentence and fact traced to this run's approved material. The rules
  // above are the second layer; this one does not depend on knowing what a bad reply looks like.
  // Sources are memoised too (run-sources.ts): the same run's material is the same object.
  const grounding = memoised(sources, reply.text, () => checkGrounding(reply.text, sources));
  for (const problem of grounding.problems) {
    rules.push(problem.rule);
    reasons.push(problem.reason);
  }

  // The articles the reply draws on may leave this mail's case to a person (their notes say so):
  // the Reply then answers the general question and misses the customer's case.
  const drawnOn = [...new Set(grounding.sentences.flatMap((sentence) => sentence.sourceIds).flatMap((id) => /^kb:([^#]+)#/.exec(id)?.slice(1) ?? []))];
  const limit = findArticleLimit(newest, drawnOn.map((article) => [article, session.kbLimits.get(article) ?? []] as const));
  if (limit) {
    rules.push('kb:needs-a-person');
    reasons.push(`the mail asks about "${shorten(limit.phrase)}", which the article ${limit.article} leaves to a person: ${limit.because}`);
  }

  return {
    allowed: reasons.length === 0,
    confidence,
    claimedConfidence: claimed,
    independentConfidence: independent,
    reasons,
    // A set: the escalation matrix and the injection check can both name `third-party-data`.
    tags: [
      ...new Set([
        ...escalationTags(signals),
        // A CRM answer about someone else may be a data leak in the making: security looks at it.
        ...(session.crmMismatches.length > 0 ? ['security'] : []),
        ...(language ? [language.tag] : []),
        ...orderProblems.flatMap((problem) => (problem.tag ? [problem.tag] : [])),
        // The address an out-of-office notice or a bounce names is the colleague's or the dead mailbox, not a person asked about.
        ...injection
          .filter((signal) => !(automaticReply && signal.kind === 'third-party'))
          .map((signal) => (signal.kind === 'third-party' ? 'third-party-data' : 'prompt-injection')),
        // Another customer's personal data in a reply is a possible leak for security to look at.
        ...(grounding.securityEvent ? ['security'] : []),
      ]),
    ],
    rules,
  };
}

/**
 * A reading of the mail's own text, once per ticket (ticket-memo.ts): the gate and the outbox assess
 * the same mail, and these readers depend on nothing but the text.
 */
function readOnce<T>(reader: (text: string) => T, text: string): T {
  return memoised(reader, text, () => reader(text));
}

/**
 * Why a sender without a profile may not get this reply on its own; undefined when they may: a
 * general question (no account data in the answer), no order id in their message, and the CRM
 * really answered (when it could not be reached we cannot rule out an enterprise customer).
 */
function unknownSenderRefusal(session: TriageSession, claimedIntent: string | undefined, options: SendGuardOptions): string | undefined {
  if (session.customerLookupFailed) return 'the CRM could not be reached, so the customer is unverified';
  if (options.autoSendUnknownSenders === false) return 'no customer profile for this email';
  const intents = [session.independent.intent.intent, ...(claimedIntent ? [claimedIntent] : [])];
  // The whole body, not only the newest message: "When will this one arrive?" above a forwarded
  // shipping notice is a question about the order in it.
  const orderIds = extractOrderIds(`${session.ticket.subject ?? ''}\n${session.ticket.body}`);
  if (orderIds.length > 0) return `no customer profile for this email, and the message is about an order (${orderIds[0]})`;
  const newest = subjectAndRequest(session.ticket.subject, session.independent.mail);
  const bound = intents.find((intent) => needsAccountData(intent, newest));
  if (bound && !needsAccountData(bound) && asksToFindTheAccount(newest)) {
    return `no customer profile for this email, and the message asks us to find or recover the account itself (intent ${bound})`;
  }
  if (bound && !needsAccountData(bound)) return `no customer profile for this email, and the message is about an order of theirs (intent ${bound})`;
  if (bound) return `no customer profile for this email, and the question needs account data (intent ${bound})`;
  return undefined;
}

// A sum, or something given on top: what a forged promise is for. "We approved your refund" under a
// question about its timing is the ordinary reply to a return, and is answered.
const CONCRETE_COMMITMENT =
  /(?:[€$£]\s?\d|\d[\d.,]*\s?(?:€|\$|£|eur|euros?|usd|gbp|pln|chf|dollars?|pounds?)\b|\d+\s?%|\b(?:free|voucher|coupon|discount|credit|compensation|goodwill|gesture|waived?|bonus|gift card)\b)/iu;

function findQuotedCommitment(history: string): { match: string } | undefined {
  if (history === '') return undefined;
  const lines = history.split('\n');
  return findPromises(history).find((promise) => {
    const line = lines.find((candidate) => candidate.includes(promise.match)) ?? history;
    return CONCRETE_COMMITMENT.test(line);
  });
}

export { findInjectionSignals, findLookAlikeWords, findTicketEchoes } from './injection-signals.js';
export type { InjectionKind, InjectionSignal } from './injection-signals.js';
