/**
 * The offline "local model": a small, deterministic planner + intent classifier + reply composer
 * behind the chat-model interface. It is not an LLM: it follows the support-triage skill's steps
 * with fixed logic, so the product runs end to end with no API key.
 */
import { z } from 'zod';
import type { ChatMessage, ChatModel, ChatRequest, ChatResponse, ModelToolCall } from '../../agentao/index.js';
import { needsAccountData } from '../account-bound-intents.js';
import { detectEscalation, escalationTags } from '../escalation.js';
import { readAutomaticReply } from '../mail/auto-reply.js';
import { loadDefaultOpenQuestionModel, type OpenQuestionModel } from '../open-question-model.js';
import { readSendDenial, type SendDenialDetails } from '../send-denial.js';
import { parseTicketPrompt, type TicketPromptFields } from '../ticket-prompt.js';
import { customerProfileResult } from '../tools/get-customer-profile.js';
import { orderStatusResult, type OrderStatusResult } from '../tools/get-order-status.js';
import { kbSearchResult, type KbSearchResult } from '../tools/search-kb.js';
import { sendReplyParameters } from '../tools/send-reply.js';
import { localConfidence } from './local-confidence.js';
import { extractOrderIds } from './order-ids.js';
import { composeReply } from './reply-composer.js';
import { classifyRequest, type IntentPredictor } from './request-classification.js';
import { failed, toolArguments, toolExchanges, toolResult, type ToolExchange } from './tool-exchanges.js';

/** A KB hit this relevant (normalised BM25, see kb-search-index.ts) is used even for another intent. */
const RELATED_ARTICLE_SCORE = 0.5;

/** The draft's reason after a refused send, by the step that refused (send-denial.ts). */
const REFUSAL_REASONS: Record<SendDenialDetails['refusedBy'], string> = {
  'send-guard': 'the send guard refused to send this reply on its own',
  latched: 'an earlier send in this ticket was refused, so this one was too',
  'cpu-budget': 'the reply checks ran out of their CPU budget',
};

/** The one argument the closing summary reads back from a send_reply or draft_reply call. */
const replyIntent = z.object({ intent: z.string().optional() });

type KbArticleResult = KbSearchResult['results'][number];
type FoundOrder = Extract<OrderStatusResult, { found: true }>;

export interface LocalChatModelOptions {
  /** The trained `IntentClassifier`, or anything that predicts the same way (tests use a fixed one). */
  classifier: IntentPredictor;
  /** The model sends only above this; the gate enforces its own threshold regardless. */
  autoSendThreshold: number;
  signature?: string;
  /** AUTO_SEND_UNKNOWN_SENDERS: answer a general question from a sender without a profile (default true). */
  autoSendUnknownSenders?: boolean;
  /**
   * Reviewers' decisions on calm mail (open-question-model.ts): its reading lifts the classifier's
   * certainty as the pipeline's independent estimate does. The committed model when absent, none when null.
   */
  openQuestions?: OpenQuestionModel | null;
}

function respond(content: string, toolCalls: ModelToolCall[] = []): ChatResponse {
  return {
    content,
    toolCalls,
    finishReason: { unified: toolCalls.length > 0 ? 'tool-calls' : 'stop' },
    usage: { inputTokens: 0, outputTokens: 0 },
    warnings: [],
  };
}

/**
 * Order ids in the newest message and subject; failing those, in the history that came with it (a
 * "still not here" reply above our shipping notice means the order quoted below).
 */
function mentionedOrderIds(ticket: TicketPromptFields): string[] {
  const own = extractOrderIds(`${ticket.subject ?? ''}\n${ticket.text}`);
  return own.length > 0 || !ticket.history ? own : extractOrderIds(ticket.history);
}

function callsTo(history: readonly ToolExchange[], toolName: string): ToolExchange[] {
  return history.filter((exchange) => exchange.call.name === toolName);
}

/** The first order the CRM found, in the order the calls were made. */
function firstFoundOrder(history: readonly ToolExchange[]): FoundOrder | undefined {
  for (const exchange of callsTo(history, 'get_order_status')) {
    const order = toolResult(exchange, orderStatusResult);
    if (order?.found) return order;
  }
  return undefined;
}

export class LocalChatModel implements ChatModel {
  readonly provider = 'local';
  readonly modelId = 'northwind-local-1';
  private readonly signature: string;
  /**
   * Call ids must be unique among the calls one conversation holds; counting per instance keeps
   * them unique across every conversation this instance serves, with no state shared between models.
   */
  #callCount = 0;

  constructor(private readonly options: LocalChatModelOptions) {
    this.signature = options.signature ?? 'Best regards,\nThe Northwind Support Team';
  }

  async generate(request: ChatRequest): Promise<ChatResponse> {
    request.signal?.throwIfAborted();
    const ticket = request.messages
      .filter((message): message is Extract<ChatMessage, { role: 'user' }> => message.role === 'user')
      .map((message) => parseTicketPrompt(message.content))
      .find((parsed) => parsed !== undefined);
    if (!ticket) return respond('I can only triage support tickets rendered by the triage pipeline.');
    const offered = new Set(request.tools.map((tool) => tool.name));
    const history = toolExchanges(request.messages);

    if (history.length === 0) return respond('', this.plan(ticket, offered));

    const last = history.at(-1);
    const replyCall = history.find((exchange) => exchange.call.name === 'send_reply' || exchange.call.name === 'draft_reply');
    if (!replyCall) return this.decide(ticket, history, offered);
    if (last && last.call.name === 'send_reply' && failed(last) && offered.has('draft_reply')) {
      return respond('', [this.draftAfterRefusal(ticket, last)]);
    }
    const action = last?.call.name === 'send_reply' && !failed(last) ? 'sent' : 'drafted';
    return respond(`intent=${toolArguments(replyCall, replyIntent)?.intent ?? 'unknown'} decision=${action}`);
  }

  private toolCall(name: string, args: Record<string, unknown>): ModelToolCall {
    this.#callCount = (this.#callCount + 1) % Number.MAX_SAFE_INTEGER;
    return { id: `local_${this.#callCount.toString(36)}`, name, arguments: JSON.stringify(args) };
  }

  /** Step 1-3 of the skill: profile, orders mentioned, knowledge base. */
  private plan(ticket: TicketPromptFields, offered: Set<string>): ModelToolCall[] {
    const calls: ModelToolCall[] = [];
    const orderIds = mentionedOrderIds(ticket).slice(0, 2);
    if (offered.has('get_customer_profile') && ticket.email) calls.push(this.toolCall('get_customer_profile', { email: ticket.email }));
    if (offered.has('get_order_status')) {
      for (const orderId of orderIds) {
        calls.push(this.toolCall('get_order_status', { order_id: orderId }));
      }
    }
    if (offered.has('search_kb')) {
      // The newest message only: the quoted history holds our own earlier answers.
      const query = `${ticket.subject ?? ''} ${ticket.text.slice(0, 2000)}`.replace(/\s+/g, ' ').trim().slice(0, 500);
      if (query) calls.push(this.toolCall('search_kb', { query }));
      // The ticket's words alone often rank the predicted intent's article below the top 3 (a
      // refund-status mail that talks about the return): ask again, aimed at that intent. Its
      // articles come first only if they match the words at all, and keep their own score.
      const { intent, request } = classifyRequest(this.options.classifier, `${ticket.subject ?? ''}\n${ticket.text}`);
      if (query && intent !== 'other') {
        const aimed = `${intent.replace(/_/g, ' ')} ${request}`.replace(/\s+/g, ' ').trim().slice(0, 500);
        calls.push(this.toolCall('search_kb', { query: aimed, intent }));
      }
      // A ticket about one order also needs the article that states an order's status.
      if (orderIds.length > 0) calls.push(this.toolCall('search_kb', { query: 'order status tracking' }));
    }
    return calls;
  }

  /**
   * The send was refused: leave the same reply as a draft. The tags are the gate's (its denial's
   * details); a denial without details (another engine) leaves the model's own escalation reading.
   * The pipeline adds the guard's tags to the outcome either way.
   */
  private draftAfterRefusal(ticket: TicketPromptFields, refused: ToolExchange): ModelToolCall {
    const send = toolArguments(refused, sendReplyParameters);
    const denial = readSendDenial(refused.answer?.details);
    const tags = denial?.tags ?? escalationTags(detectEscalation({ text: ticket.text, subject: ticket.subject }));
    return this.toolCall('draft_reply', {
      text: send?.text ?? '',
      confidence: send?.confidence ?? 0,
      reason: REFUSAL_REASONS[denial?.refusedBy ?? 'send-guard'],
      tags,
      intent: send?.intent,
    });
  }

  /** Steps 4-6: classify, compose, estimate confidence, then send or draft. */
  private decide(ticket: TicketPromptFields, history: ToolExchange[], offered: Set<string>): ChatResponse {
    const text = `${ticket.subject ?? ''}\n${ticket.text}`;
    const prediction = classifyRequest(this.options.classifier, text);
    const profile = toolResult(callsTo(history, 'get_customer_profile')[0], customerProfileResult);
    const customer = profile?.found ? profile : undefined;
    // A sender the CRM answered for, without a profile, asking what anyone may ask: no discount.
    const generalQuestionFromUnknown =
      profile?.found === false &&
      this.options.autoSendUnknownSenders !== false &&
      !needsAccountData(prediction.intent, text) &&
      mentionedOrderIds(ticket).length === 0;
    const customerVerified = customer !== undefined || generalQuestionFromUnknown;
    const order = firstFoundOrder(history);
    const kbResults = callsTo(history, 'search_kb').flatMap((exchange) => toolResult(exchange, kbSearchResult)?.results ?? []);
    const { matching, article } = chooseArticle(kbResults, prediction.intent, order !== undefined);

    const reply = composeReply({
      customerName: customer?.name,
      plan: customer?.plan,
      answer: article?.answer,
      order,
      signature: this.signature,
    });
    const openQuestions = this.options.openQuestions === undefined ? loadDefaultOpenQuestionModel() : this.options.openQuestions;
    const confidence = localConfidence({
      classifierConfidence: openQuestions && prediction.intent !== 'other' ? openQuestions.lift(prediction.confidence, text) : prediction.confidence,
      intent: prediction.intent,
      hasIntentArticle: matching !== undefined,
      customerVerified,
    });

    // An out-of-office notice names a colleague to contact; that is nobody asking us for a human.
    const automaticReply = readAutomaticReply(ticket.subject, ticket.text);
    const signals = automaticReply
      ? []
      : detectEscalation({
          text: ticket.text,
          subject: ticket.subject,
          customer: customer ? { plan: customer.plan } : null,
        });
    const tags = escalationTags(signals);
    const reasons: string[] = signals.map((signal) => `${signal.tag}: ${signal.reason}`);
    if (!matching) reasons.push(article ? `no article for intent ${prediction.intent}; used the related "${article.title}"` : 'no knowledge-base article answers this intent');
    if (!customerVerified) reasons.push('no verified customer profile');
    if (confidence < this.options.autoSendThreshold) reasons.push(`confidence ${confidence} below ${this.options.autoSendThreshold}`);

    if (reasons.length === 0 && offered.has('send_reply')) {
      return respond('', [this.toolCall('send_reply', { text: reply, confidence, intent: prediction.intent })]);
    }
    return respond('', [
      this.toolCall('draft_reply', { text: reply, confidence, reason: reasons.join('; ') || 'review requested', tags, intent: prediction.intent }),
    ]);
  }
}

/**
 * An article of the recognised intent (`matching`); failing that, a clearly relevant one (a draft
 * reviewer would rather edit a related answer than a holding reply), which costs confidence.
 */
function chooseArticle(
  kbResults: readonly KbArticleResult[],
  intent: string,
  hasOrder: boolean,
): { matching: KbArticleResult | undefined; article: KbArticleResult | undefined } {
  const ofIntent = kbResults.filter((result) => result.intents.includes(intent));
  // With a known order, the article that states the order's own status beats a general one (an
  // order still processing is not a lost parcel).
  const matching = (hasOrder ? ofIntent.find((result) => result.answer.includes('{{order_status}}')) : undefined) ?? ofIntent[0];
  return { matching, article: matching ?? kbResults.find((result) => result.score >= RELATED_ARTICLE_SCORE) };
}
