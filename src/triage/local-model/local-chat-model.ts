/**
 * The offline "local model": a small, deterministic planner + intent classifier + reply composer
 * behind the chat-model interface. It is not an LLM: it follows the support-triage skill's steps
 * with fixed logic, so the product runs end to end with no API key.
 */
import type {
  ChatMessage,
  ChatModel,
  ChatRequest,
  ChatResponse,
  ModelToolCall,
} from '../../agentao/index.js';
import { needsAccountData } from '../account-bound-intents.js';
import { detectEscalation, escalationTags } from '../escalation.js';
import { parseTicketPrompt, type TicketPromptFields } from '../ticket-prompt.js';
import type { IntentClassifier } from './intent-classifier.js';
import { composeReply, type OrderFacts } from './reply-composer.js';
import { extractOrderIds } from './order-ids.js';
import { classifyRequest } from './request-classification.js';

/** A KB hit this relevant (normalised BM25, see kb-search-index.ts) is used even for another intent. */
const RELATED_ARTICLE_SCORE = 0.5;

export interface LocalChatModelOptions {
  classifier: IntentClassifier;
  /** The model sends only above this; the gate enforces its own threshold regardless. */
  autoSendThreshold: number;
  signature?: string;
  /** AUTO_SEND_UNKNOWN_SENDERS: answer a general question from a sender without a profile (default true). */
  autoSendUnknownSenders?: boolean;
}

interface ToolExchange {
  call: ModelToolCall;
  args: Record<string, unknown>;
  result?: { content: string; isError: boolean; parsed: unknown };
}

interface KbResult {
  id: string;
  title: string;
  score: number;
  intents: string[];
  answer: string;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function exchanges(messages: ChatMessage[]): ToolExchange[] {
  const byId = new Map<string, ToolExchange>();
  const ordered: ToolExchange[] = [];
  for (const message of messages) {
    if (message.role === 'assistant') {
      for (const call of message.toolCalls ?? []) {
        const exchange: ToolExchange = { call, args: (parseJson(call.arguments) ?? {}) as Record<string, unknown> };
        byId.set(call.id, exchange);
        ordered.push(exchange);
      }
    } else if (message.role === 'tool') {
      const exchange = byId.get(message.toolCallId);
      if (exchange) {
        exchange.result = { content: message.content, isError: message.isError ?? false, parsed: parseJson(message.content) };
      }
    }
  }
  return ordered;
}

let callCounter = 0;
function toolCall(name: string, args: Record<string, unknown>): ModelToolCall {
  callCounter = (callCounter + 1) % Number.MAX_SAFE_INTEGER;
  return { id: `local_${callCounter.toString(36)}`, name, arguments: JSON.stringify(args) };
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

export class LocalChatModel implements ChatModel {
  readonly provider = 'local';
  readonly modelId = 'northwind-local-1';
  private readonly signature: string;

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
    const history = exchanges(request.messages);

    if (history.length === 0) return respond('', this.plan(ticket, offered));

    const last = history[history.length - 1];
    const replyCall = history.find((exchange) => exchange.call.name === 'send_reply' || exchange.call.name === 'draft_reply');
    if (!replyCall) return this.decide(ticket, history, offered);
    if (last && last.call.name === 'send_reply' && last.result?.isError && offered.has('draft_reply')) {
      // The send was refused: leave the same reply as a draft. The denial names no rule and is not
      // parsed; the tags are the model's own escalation reading, and the pipeline adds the guard's.
      const tags = escalationTags(detectEscalation({ text: ticket.text, subject: ticket.subject }));
      return respond('', [
        toolCall('draft_reply', {
          text: String(last.args.text ?? ''),
          confidence: Number(last.args.confidence ?? 0),
          reason: 'the send guard refused to send this reply on its own',
          tags,
          intent: last.args.intent,
        }),
      ]);
    }
    const action = last?.call.name === 'send_reply' && !last.result?.isError ? 'sent' : 'drafted';
    return respond(`intent=${String(replyCall.args.intent ?? 'unknown')} decision=${action}`);
  }

  /** Step 1-3 of the skill: profile, orders mentioned, knowledge base. */
  private plan(ticket: TicketPromptFields, offered: Set<string>): ModelToolCall[] {
    const calls: ModelToolCall[] = [];
    const orderIds = mentionedOrderIds(ticket).slice(0, 2);
    if (offered.has('get_customer_profile') && ticket.email) calls.push(toolCall('get_customer_profile', { email: ticket.email }));
    if (offered.has('get_order_status')) {
      for (const orderId of orderIds) {
        calls.push(toolCall('get_order_status', { order_id: orderId }));
      }
    }
    if (offered.has('search_kb')) {
      // The newest message only: the quoted history holds our own earlier answers.
      const query = `${ticket.subject ?? ''} ${ticket.text.slice(0, 2000)}`.replace(/\s+/g, ' ').trim().slice(0, 500);
      if (query) calls.push(toolCall('search_kb', { query }));
      // The ticket's words alone often rank the predicted intent's article below the top 3 (a
      // refund-status mail that talks about the return): ask again, aimed at that intent. Its
      // articles come first only if they match the words at all, and keep their own score.
      const { intent, request } = classifyRequest(this.options.classifier, `${ticket.subject ?? ''}\n${ticket.text}`);
      if (query && intent !== 'other') {
        const aimed = `${intent.replace(/_/g, ' ')} ${request}`.replace(/\s+/g, ' ').trim().slice(0, 500);
        calls.push(toolCall('search_kb', { query: aimed, intent }));
      }
      // A ticket about one order also needs the article that states an order's status.
      if (orderIds.length > 0) calls.push(toolCall('search_kb', { query: 'order status tracking' }));
    }
    return calls;
  }

  /** Steps 4-6: classify, compose, estimate confidence, then send or draft. */
  private decide(ticket: TicketPromptFields, history: ToolExchange[], offered: Set<string>): ChatResponse {
    const text = `${ticket.subject ?? ''}\n${ticket.text}`;
    const prediction = classifyRequest(this.options.classifier, text);
    const profileResult = history.find((exchange) => exchange.call.name === 'get_customer_profile')?.result;
    const profile = profileResult && !profileResult.isError ? (profileResult.parsed as Record<string, unknown> | undefined) : undefined;
    const customerFound = profile?.found === true;
    // A sender the CRM answered for, without a profile, asking what anyone may ask: no discount.
    const generalQuestionFromUnknown =
      profile?.found === false &&
      this.options.autoSendUnknownSenders !== false &&
      !needsAccountData(prediction.intent) &&
      mentionedOrderIds(ticket).length === 0;
    const order = history
      .filter((exchange) => exchange.call.name === 'get_order_status' && !exchange.result?.isError)
      .map((exchange) => exchange.result?.parsed as (OrderFacts & { found?: boolean }) | undefined)
      .find((parsed) => parsed?.found === true);
    const kbResults = history
      .filter((exchange) => exchange.call.name === 'search_kb' && !exchange.result?.isError)
      .flatMap((exchange) => ((exchange.result?.parsed as { results?: KbResult[] } | undefined)?.results ?? []));
    // An article of the recognised intent; failing that, a clearly relevant one (a draft reviewer
    // would rather edit a related answer than a holding reply), which costs confidence below.
    const ofIntent = kbResults.filter((result) => result.intents.includes(prediction.intent));
    // With a known order, the article that states the order's own status beats a general one (an
    // order still processing is not a lost parcel).
    const matching = (order ? ofIntent.find((result) => result.answer.includes('{{order_status}}')) : undefined) ?? ofIntent[0];
    const article = matching ?? kbResults.find((result) => result.score >= RELATED_ARTICLE_SCORE);

    const reply = composeReply({
      customerName: customerFound ? String(profile?.name ?? '') : undefined,
      plan: customerFound ? String(profile?.plan ?? '') : undefined,
      answer: article?.answer,
      order: order ?? undefined,
      signature: this.signature,
    });

    // The model's own claim: classifier certainty, discounted when the KB or the CRM let it down.
    let confidence = prediction.confidence;
    if (!matching) confidence *= 0.5;
    if (!customerFound && !generalQuestionFromUnknown) confidence *= 0.7;
    if (prediction.intent === 'other') confidence = Math.min(confidence, 0.3);
    confidence = Number(confidence.toFixed(3));

    const signals = detectEscalation({
      text: ticket.text,
      subject: ticket.subject,
      customer: customerFound ? { plan: String(profile?.plan) as 'free' | 'pro' | 'enterprise' } : null,
    });
    const tags = escalationTags(signals);
    const reasons: string[] = signals.map((signal) => `${signal.tag}: ${signal.reason}`);
    if (!matching) reasons.push(article ? `no article for intent ${prediction.intent}; used the related "${article.title}"` : 'no knowledge-base article answers this intent');
    if (!customerFound && !generalQuestionFromUnknown) reasons.push('no verified customer profile');
    if (confidence < this.options.autoSendThreshold) reasons.push(`confidence ${confidence} below ${this.options.autoSendThreshold}`);

    if (reasons.length === 0 && offered.has('send_reply')) {
      return respond('', [toolCall('send_reply', { text: reply, confidence, intent: prediction.intent })]);
    }
    return respond('', [
      toolCall('draft_reply', { text: reply, confidence, reason: reasons.join('; ') || 'review requested', tags, intent: prediction.intent }),
    ]);
  }
}
