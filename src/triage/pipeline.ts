/**
 * triageTicket(): one ticket end to end on the agentao runtime. An independent view of the ticket
 * (classifier, KB, escalation words) is computed first; then an agent with the support tools, the
 * support-triage skill and the confidence gate runs; the result is re-checked by the send guard
 * before it becomes an outbox entry. Storage is the caller's job: this module does no I/O of its own
 * beyond the tools' CRM calls.
 */
import {
  Agent,
  ModelCallError,
  ModelTimeBudget,
  SdkTransport,
  type AgentEvent,
  type ChatModel,
  type ChatResult,
} from '../agentao/index.js';
import { escalationTags, readEscalation } from './escalation.js';
import { CpuBudget, CpuBudgetExceededError } from './cpu-budget.js';
import { cpuBudgetedModel, cpuBudgetedTools } from './cpu-budgeted.js';
import { ConfidenceGate } from './gate.js';
import { collectRunSources } from './grounding/run-sources.js';
import { assessSentences } from './grounding/sentence-support.js';
import { estimateIndependentConfidence } from './independent-confidence.js';
import { classifyRequest } from './local-model/request-classification.js';
import { findUncoveredAsks } from './request-coverage.js';
import { liftConfidence, loadDefaultOpenQuestionModel, type OpenQuestionModel } from './open-question-model.js';
import { readAutomaticReply } from './mail/auto-reply.js';
import { kbAgreesWithRequest } from './request-kb-support.js';
import { judgeReply, type JudgeVerdict } from './judge.js';
import type { KnowledgeBase } from './kb/knowledge-base.js';
import type { CrmClient } from './crm/crm-client.js';
import { FALLBACK_LANGUAGE, loadLanguageDetector, type LanguageDetector } from './language/detect-language.js';
import { unsupportedLanguage } from './language/supported-languages.js';
import type { IntentClassifier } from './local-model/intent-classifier.js';
import { readMail, requestText, subjectAndRequest } from './mail/read-mail.js';
import { assessSend, type SendGuardOptions } from './send-guard.js';
import { renderTicketPrompt } from './ticket-prompt.js';
import { createSupportTools } from './tools/index.js';
import { withTicketMemo } from './ticket-memo.js';
import { TriageSession } from './triage-session.js';
import type { Ticket, TriageOutcome, TriageStep } from './types.js';

export const SUPPORT_TRIAGE_SKILL = 'support-triage';

export interface TriageDependencies {
  model: ChatModel;
  crm: CrmClient;
  kb: KnowledgeBase;
  classifier: IntentClassifier;
  skillDirectories: string[];
  threshold: number;
  allowedLinkHosts: readonly string[];
  maxIterations?: number;
  /**
   * A chat model that grades every reply the guard would send (src/triage/judge.ts). A fail, or a
   * judge confidence below the threshold, turns the send into a draft. Off when absent.
   */
  judge?: ChatModel;
  /** Detects the newest message's language; the process's eld detector when absent. */
  languageDetector?: LanguageDetector;
  /** How likely a reviewer answers a calm mail themselves (open-question-model.ts); the committed model when absent, none when null. */
  openQuestions?: OpenQuestionModel | null;
  /** AUTO_SEND_UNKNOWN_SENDERS: a general question from a sender without a profile may be sent (default true). */
  autoSendUnknownSenders?: boolean;
  /** Total model time per ticket attempt (every call, retries and the judge included). Default 120 s. */
  modelBudgetMs?: number;
  /** CPU time per ticket attempt, checked between stages (cpu-budget.ts). Default 2 s. */
  cpuBudgetMs?: number;
  /**
   * CPU time used so far, in ms, by whatever runs this triage; the process's when absent. A triage
   * on a worker thread passes its own thread's: the process's counts every thread.
   */
  cpuTime?: () => number;
}

export const DEFAULT_MODEL_BUDGET_MS = 120_000;
export const DEFAULT_CPU_BUDGET_MS = 2000;

export interface OutboxEntry {
  kind: 'send' | 'draft';
  text: string;
  tags: string[];
  confidence: number;
  /** A send is a public reply; a draft goes back as an internal note. */
  public: boolean;
}

export interface TriageRunResult {
  outcome: TriageOutcome;
  outbox: OutboxEntry;
  events: AgentEvent[];
  stopReason: ChatResult['stopReason'] | 'model-error';
  modelId: string;
}

const TAG = /^[a-z0-9][a-z0-9-]{0,39}$/;

function normaliseTags(tags: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const tag of tags) {
    const slug = tag.trim().toLowerCase().replace(/[\s_]+/g, '-');
    if (TAG.test(slug)) out.add(slug);
  }
  return [...out].sort();
}

function stepsFrom(events: AgentEvent[]): TriageStep[] {
  const permissions = new Map<string, 'allow' | 'deny' | 'ask'>();
  const steps: TriageStep[] = [];
  for (const event of events) {
    if (event.type === 'permission-decision') permissions.set(event.data.callId, event.data.decision);
    if (event.type === 'tool-call-end') {
      const start = events.find((other) => other.type === 'tool-call-start' && other.data.callId === event.data.callId);
      steps.push({
        tool: event.data.toolName,
        args: start?.type === 'tool-call-start' ? start.data.args : undefined,
        permission: permissions.get(event.data.callId) ?? 'deny',
        ok: event.data.status === 'ok',
      });
    }
  }
  return steps;
}

/**
 * The independent view of a ticket. The classifier, the KB search and the escalation rules read the
 * customer's newest message (quoted replies, forwarded headers and signatures set aside), with the
 * subject; the ticket itself keeps the body as it came. Each stage counts against the CPU budget.
 */
export function buildSession(
  ticket: Ticket,
  deps: Pick<TriageDependencies, 'kb' | 'classifier' | 'languageDetector' | 'openQuestions'>,
  cpuBudget?: CpuBudget,
): TriageSession {
  const stage = <T>(name: string, run: () => T): T => (cpuBudget ? cpuBudget.measure(name, run) : run());
  const mail = stage('mail reading', () => readMail(ticket.body, { subject: ticket.subject, senderEmail: ticket.customerEmail }));
  const request = requestText(mail);
  const text = `${ticket.subject ?? ''}\n${request}`;
  // By its request: the whole newest message and its sentences (greetings and sign-offs dilute).
  const intent = stage('intent classifier', () => classifyRequest(deps.classifier, text));
  // Reviewers' decisions on mail like this one: a second reading of whether its answer is the article's.
  const openQuestions = deps.openQuestions === undefined ? loadDefaultOpenQuestionModel() : deps.openQuestions;
  const openQuestion = openQuestions ? stage('open questions', () => openQuestions.probability(text)) : undefined;
  const classifierConfidence = intent.ranked[0]!.probability;
  const wholeConfidence =
    openQuestions && openQuestion !== undefined && intent.intent !== 'other'
      ? liftConfidence(classifierConfidence, openQuestion, openQuestions.draftedShare)
      : classifierConfidence;
  const kbHits = stage('KB search', () => deps.kb.search(text.slice(0, 2000), { limit: 3, intents: [intent.intent] }));
  // The KB is asked about the request sentence too: a long mail's other words dilute its match the
  // way they dilute the classifier. Same support cut-off; the article must still be of the intent.
  const requestHits = stage('KB search (request)', () =>
    intent.request === text ? [] : deps.kb.search(intent.request.slice(0, 2000), { limit: 3, intents: [intent.intent] }),
  );
  // An out-of-office notice asks nothing: the colleague it names is not a request for a human.
  const automaticReply = readAutomaticReply(ticket.subject, mail.newest);
  const { signals: escalation, doubts: escalationDoubts } = stage('escalation matrix', () =>
    automaticReply
      ? { signals: [], doubts: [] }
      : readEscalation({ text: request, subject: ticket.subject, intent: intent.intent, intentConfidence: intent.confidence }),
  );
  const kbAgrees = stage('KB agreement (request)', () => kbAgreesWithRequest(deps.kb, intent.request, intent.intent));
  const uncoveredAsks = stage('request coverage', () =>
    findUncoveredAsks({ classifier: deps.classifier, kb: deps.kb, text: request, intent: intent.intent }),
  );
  const language = stage('language detection', () =>
    deps.languageDetector?.detect(mail.newest) ?? {
      code: FALLBACK_LANGUAGE,
      reason: 'no language detector given; English assumed',
      detected: false,
    },
  );
  const session = new TriageSession(ticket, {
    intent: { intent: intent.intent, confidence: intent.confidence },
    kbHits,
    // The whole message's certainty, not the request sentence's: a lone sentence reads surer than it
    // is (the injection corpus's "remove the late fee on my account" is delete_account at 0.97), and
    // this estimate is the cap on the model's claim. The request sentence only helps find KB support.
    confidence: estimateIndependentConfidence({ intent: intent.intent, confidence: wholeConfidence }, [...kbHits, ...requestHits], { kbAgrees }),
    escalation,
    escalationDoubts,
    mail,
    language,
    uncoveredAsks,
    openQuestion,
    ...(wholeConfidence !== classifierConfidence ? { liftedFrom: classifierConfidence } : {}),
  });
  // The articles the pipeline itself retrieved for this ticket are approved material for the reply.
  for (const hit of [...kbHits, ...requestHits]) {
    session.kbReplies.set(hit.id, deps.kb.replyOf(hit.id));
    session.kbLimits.set(hit.id, deps.kb.limitsOf(hit.id));
  }
  return session;
}

export interface TriageOptions {
  signal?: AbortSignal;
  onEvent?: (event: AgentEvent) => void;
  /** A queue that retries wants a model outage thrown; the CLI wants a draft at once. */
  rethrowRetryableModelErrors?: boolean;
}

/**
 * One ticket's triage. The run has a memo of its own (ticket-memo.ts): the readings the stages
 * repeat (the classifier on the same mail, the guard on the same reply) are computed once per ticket.
 */
export function triageTicket(ticket: Ticket, deps: TriageDependencies, options: TriageOptions = {}): Promise<TriageRunResult> {
  return withTicketMemo(() => triageInMemo(ticket, deps, options));
}

async function triageInMemo(ticket: Ticket, deps: TriageDependencies, options: TriageOptions): Promise<TriageRunResult> {
  const languageDetector = deps.languageDetector ?? (await loadLanguageDetector());
  // Over its CPU budget, a ticket stops at the next stage boundary (cpu-budget.ts): the chat is
  // aborted and the ticket drafted for a human.
  const cpuStop = new AbortController();
  const cpuBudget = new CpuBudget(deps.cpuBudgetMs ?? DEFAULT_CPU_BUDGET_MS, {
    onExceeded: (error) => cpuStop.abort(error),
    ...(deps.cpuTime ? { cpuTime: deps.cpuTime } : {}),
  });
  let session: TriageSession;
  try {
    session = buildSession(ticket, { ...deps, languageDetector }, cpuBudget);
  } catch (error) {
    if (error instanceof CpuBudgetExceededError) return overCpuBudget(ticket, undefined, [], error, deps.model.modelId);
    throw error;
  }
  const guard: SendGuardOptions = {
    threshold: deps.threshold,
    allowedLinkHosts: deps.allowedLinkHosts,
    autoSendUnknownSenders: deps.autoSendUnknownSenders ?? true,
  };
  const events: AgentEvent[] = [];
  // Per attempt: a hanging model costs this ticket at most this much before it goes to a human.
  const modelTimeBudget = new ModelTimeBudget(deps.modelBudgetMs ?? DEFAULT_MODEL_BUDGET_MS);
  const agent = new Agent({
    modelTimeBudget,
    model: cpuBudgetedModel(deps.model, cpuBudget),
    // The model is shared by every ticket: closing one ticket's agent must not close the client.
    closeModel: false,
    tools: cpuBudgetedTools(createSupportTools(session, deps), cpuBudget),
    permissionEngine: new ConfidenceGate(session, guard, cpuBudget),
    transport: new SdkTransport({
      onEvent: (event) => {
        const recorded = withDenialReasons(event, session);
        events.push(recorded);
        options.onEvent?.(recorded);
      },
    }),
    skills: { directories: deps.skillDirectories },
    systemPrompt: `You are the support triage agent of Northwind Goods. Auto-send threshold: ${deps.threshold}.`,
    maxIterations: deps.maxIterations ?? 8,
    agentId: `triage-${ticket.id}`,
  });
  let stopReason: TriageRunResult['stopReason'];
  let modelError: string | undefined;
  try {
    agent.activateSkill(SUPPORT_TRIAGE_SKILL, `Triage ticket ${ticket.id}`);
    const signal = options.signal ? AbortSignal.any([options.signal, cpuStop.signal]) : cpuStop.signal;
    const result = await agent.chat(renderTicketPrompt(ticket, session.independent.mail), { signal });
    stopReason = result.stopReason;
  } catch (error) {
    if (options.signal?.aborted) throw error;
    if (options.rethrowRetryableModelErrors && error instanceof ModelCallError && error.isRetryable) throw error;
    stopReason = 'model-error';
    modelError = error instanceof Error ? error.message : String(error);
  } finally {
    await agent.close();
  }
  if (cpuBudget.exceeded) return overCpuBudget(ticket, session, events, cpuBudget.exceeded, deps.model.modelId);
  const judgement = await judgeIfSending(session, guard, deps, options.signal, modelTimeBudget);
  try {
    return cpuBudget.measure('reply checks', () =>
      finish(session, guard, events, stopReason, modelError, deps.model.modelId, judgement),
    );
  } catch (error) {
    if (error instanceof CpuBudgetExceededError) return overCpuBudget(ticket, session, events, error, deps.model.modelId);
    throw error;
  }
}

/**
 * A ticket over its CPU budget: a draft for a human with the reason, never a send. What the run
 * had proposed is kept as the draft's text for the reviewer, and the escalation tags it found.
 */
function overCpuBudget(
  ticket: Ticket,
  session: TriageSession | undefined,
  events: AgentEvent[],
  error: CpuBudgetExceededError,
  modelId: string,
): TriageRunResult {
  const proposed = session?.send ?? session?.draft;
  const tags = normaliseTags(['needs-human', ...(session ? escalationTags(session.independent.escalation) : [])]);
  const outcome: TriageOutcome = {
    ticketId: ticket.id,
    decision: 'drafted',
    confidence: 0,
    intent: session?.independent.intent.intent ?? 'unknown',
    tags,
    reply: proposed?.text ?? '',
    steps: stepsFrom(events),
    reasons: [error.message],
  };
  return {
    outcome,
    outbox: { kind: 'draft', text: outcome.reply, tags, confidence: 0, public: false },
    events,
    stopReason: 'aborted',
    modelId,
  };
}

/**
 * The model heard only a generic denial; the audit trail keeps every reason the gate had, on the
 * permission event of the refused call, for the reviewer.
 */
function withDenialReasons(event: AgentEvent, session: TriageSession): AgentEvent {
  if (event.type !== 'permission-decision' || event.data.toolName !== 'send_reply' || event.data.outcome !== 'deny') return event;
  const reasons = session.denialReasons.get(event.data.callId);
  if (!reasons || reasons.length === 0) return event;
  return { ...event, data: { ...event.data, reason: `${event.data.reason} Reasons for the reviewer: ${reasons.join('; ')}` } };
}

/** The judge runs only where it can change something: on a reply the guard would let out. */
async function judgeIfSending(
  session: TriageSession,
  guard: SendGuardOptions,
  deps: TriageDependencies,
  signal: AbortSignal | undefined,
  budget: ModelTimeBudget,
): Promise<JudgeVerdict | undefined> {
  if (!deps.judge || !session.send || session.sendDenied || !assessSend(session, session.send, guard).allowed) return undefined;
  // The judge sees what the grounding rule sees: the run's sources with ids, and the reply's
  // sentences that state something; it must cite a source for each (checked in judge.ts).
  const sources = collectRunSources(session);
  const sentences = assessSentences(session.send.text, sources.sentences)
    .filter((sentence) => sentence.kind === 'claim')
    .map((sentence, index) => ({ id: `R${index + 1}`, text: sentence.sentence }));
  return judgeReply({
    model: deps.judge,
    ticketText: subjectAndRequest(session.ticket.subject, session.independent.mail).trim(),
    reply: session.send.text,
    sources: sources.sentences,
    sentences,
    signal,
    budget,
  });
}

function finish(
  session: TriageSession,
  guard: SendGuardOptions,
  events: AgentEvent[],
  stopReason: TriageRunResult['stopReason'],
  modelError: string | undefined,
  modelId: string,
  judgement?: JudgeVerdict,
): TriageRunResult {
  const { ticket, independent } = session;
  const reasons: string[] = [];
  const tags = new Set<string>(escalationTags(independent.escalation));
  const language = unsupportedLanguage(independent.language);
  if (language) tags.add(language.tag);
  let decision: TriageOutcome['decision'] = 'drafted';
  let text: string;
  let claimed: number;
  let intent = independent.intent.intent;

  // Denials latch: once a send was refused in this run, the run ends as a draft.
  const lastDenied = session.deniedReplies.at(-1);
  for (const denied of session.deniedReplies) assessSend(session, denied, guard).tags.forEach((tag) => tags.add(tag));
  if (session.send && !session.sendDenied) {
    // Enforced a second time at the outbox: the permission engine is not the only line.
    const assessment = assessSend(session, session.send, guard);
    assessment.tags.forEach((tag) => tags.add(tag));
    text = session.send.text;
    claimed = session.send.confidence;
    intent = session.send.intent || intent;
    const judged = judgement ? `, judge ${judgement.confidence.toFixed(2)}` : '';
    if (assessment.allowed && judgement && judgement.verdict === 'fail') {
      reasons.push(`judge: ${judgement.reason}`);
    } else if (assessment.allowed && judgement && judgement.confidence < guard.threshold) {
      reasons.push(
        `judge: confidence ${judgement.confidence.toFixed(2)} is below the auto-send threshold ${guard.threshold.toFixed(2)} (${judgement.reason})`,
      );
    } else if (assessment.allowed) {
      decision = 'sent';
      reasons.push(
        `send guard passed: confidence ${Math.min(assessment.confidence, judgement?.confidence ?? 1).toFixed(2)} >= ${guard.threshold} ` +
          `(model ${assessment.claimedConfidence.toFixed(2)}, independent ${assessment.independentConfidence.toFixed(2)}${judged}${liftNote(session)}), no escalation signal`,
      );
    } else {
      reasons.push(...assessment.reasons);
    }
  } else if (session.draft) {
    text = session.draft.text;
    claimed = session.draft.confidence;
    intent = session.draft.intent || intent;
    session.draft.tags.forEach((tag) => tags.add(tag));
    reasons.push(`drafted by the agent: ${session.draft.reason}`);
    // Record what the guard would have said, so a reviewer sees every rule that applies.
    const assessment = assessSend(session, session.draft, guard);
    assessment.tags.forEach((tag) => tags.add(tag));
    for (const reason of assessment.reasons) if (!reasons.includes(reason)) reasons.push(reason);
  } else if (lastDenied) {
    // The model stopped after the refusal: the refused reply is the draft a reviewer starts from.
    text = lastDenied.text;
    claimed = lastDenied.confidence;
    intent = lastDenied.intent || intent;
    reasons.push('the send was refused, so the reply is left for a reviewer');
  } else {
    text = '';
    claimed = 0;
    tags.add('needs-human');
    reasons.push(
      modelError
        ? `the model failed: ${modelError}`
        : `the agent stopped (${stopReason}) without proposing a reply`,
    );
  }
  for (const denial of session.denials) if (!reasons.includes(denial)) reasons.push(denial);
  // Also when the model proposed nothing after the mismatch: the reviewer must see why.
  for (const mismatch of session.crmMismatches) {
    const reason = `the CRM's answer does not match the question: ${mismatch}`;
    if (!reasons.includes(reason)) reasons.push(reason);
    tags.add('security');
  }

  const confidence = Number(Math.min(claimed, independent.confidence, judgement?.confidence ?? 1).toFixed(3));
  const outcome: TriageOutcome = {
    ticketId: ticket.id,
    decision,
    confidence,
    intent,
    tags: normaliseTags(tags),
    reply: text,
    steps: stepsFrom(events),
    reasons,
    language: independent.language.code,
  };
  return {
    outcome,
    outbox: { kind: decision === 'sent' ? 'send' : 'draft', text, tags: outcome.tags, confidence, public: decision === 'sent' },
    events,
    stopReason,
    modelId,
  };
}

/** How the independent estimate came above the classifier's own certainty, for the reasons. */
function liftNote(session: TriageSession): string {
  const { liftedFrom, openQuestion } = session.independent;
  if (liftedFrom === undefined || openQuestion === undefined) return '';
  return `; classifier ${liftedFrom.toFixed(2)}, lifted as reviewers sent mail like this (open-question model ${openQuestion.toFixed(2)})`;
}
