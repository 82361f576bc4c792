/**
 * A ChatModel over the Anthropic Messages API. The official SDK builds and sends the request; the
 * body is read and checked here (zod), and retries follow our policy, not the SDK's.
 */
import Anthropic from '@anthropic-ai/sdk';
import type { MessageCreateParamsNonStreaming } from '@anthropic-ai/sdk/resources/messages';
import type { ChatModel, ChatRequest, ChatResponse } from '../chat-model.js';
import { connectionError, redactURL, withRetry, type RetryOptions } from '../retry.js';
import { convertFromAnthropicResponse } from './convert-from-anthropic-response.js';
import { convertToAnthropicMessages, convertToAnthropicTools } from './convert-to-anthropic-messages.js';
import { retryAfterOf, toModelCallError } from './anthropic-error.js';

type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface AnthropicChatModelSettings {
  /** E.g. `https://api.anthropic.com` (the SDK adds `/v1/messages`). */
  baseURL: string;
  apiKey: string;
  model: string;
  /** `max_tokens` when the request sets no maxOutputTokens; the API requires one. Default 4096. */
  maxTokens?: number;
  fetch?: Fetch;
  /** Limit for one attempt, body included. Default 120 s. */
  timeoutMs?: number;
  /** Retries after the first attempt; default 3. Shorthand for `retry.maxRetries`. */
  maxRetries?: number;
  headers?: Record<string, string>;
  retry?: RetryOptions;
  /**
   * The `anthropic-version` this provider's converters are written for. The SDK would send its own
   * newer version (and Bearer auth), which compatible servers and proxies do not all speak.
   */
  apiVersion?: string;
}

export const DEFAULT_ANTHROPIC_MAX_TOKENS = 4096;
export const DEFAULT_ANTHROPIC_API_VERSION = '2023-06-01';
const DEFAULT_TIMEOUT_MS = 120_000;

export function createAnthropicChatModel(settings: AnthropicChatModelSettings): ChatModel {
  const timeoutMs = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const client = new Anthropic({
    baseURL: settings.baseURL,
    // Passing a credential keeps the SDK from looking for others in the environment or config
    // files; the headers below then send it the documented way.
    apiKey: settings.apiKey,
    authToken: null,
    webhookKey: null,
    maxRetries: 0,
    timeout: timeoutMs,
    ...(settings.fetch === undefined ? {} : { fetch: settings.fetch }),
    defaultHeaders: {
      ...settings.headers,
      'x-api-key': settings.apiKey,
      Authorization: null,
      'anthropic-version': settings.apiVersion ?? DEFAULT_ANTHROPIC_API_VERSION,
    },
  });
  const label = `anthropic model "${settings.model}" at ${redactURL(settings.baseURL)}`;
  const defaultMaxTokens = settings.maxTokens ?? DEFAULT_ANTHROPIC_MAX_TOKENS;

  return {
    provider: 'anthropic',
    modelId: settings.model,
    async generate(request: ChatRequest): Promise<ChatResponse> {
      const warnings: string[] = [];
      const body = buildRequestBody(settings.model, defaultMaxTokens, request, warnings);
      return withRetry(
        async ({ signal }) => {
          let response: Response;
          try {
            response = await client.messages.create(body, { signal, timeout: timeoutMs }).asResponse();
          } catch (error) {
            throw toModelCallError(error, label);
          }
          let text: string;
          try {
            text = await response.text();
          } catch (error) {
            throw connectionError(label, 'lost the connection while sending the response', error);
          }
          return convertFromAnthropicResponse(text, { label, statusCode: response.status, warnings: [...warnings] });
        },
        {
          ...settings.retry,
          ...(settings.maxRetries === undefined ? {} : { maxRetries: settings.maxRetries }),
          label,
          timeoutMs,
          retryAfterOf,
          ...(request.signal === undefined ? {} : { signal: request.signal }),
          ...(request.budget === undefined ? {} : { budget: request.budget }),
        },
      );
    },
  };
}

/**
 * The SDK's types follow its newer API version, which dropped `temperature`; the version we pin
 * (2023-06-01) still takes it.
 */
type AnthropicRequestBody = MessageCreateParamsNonStreaming & { temperature?: number };

function buildRequestBody(
  model: string,
  defaultMaxTokens: number,
  request: ChatRequest,
  warnings: string[],
): AnthropicRequestBody {
  const prompt = convertToAnthropicMessages(request.messages, warnings);
  let maxTokens = defaultMaxTokens;
  if (request.maxOutputTokens !== undefined) {
    if (Number.isInteger(request.maxOutputTokens) && request.maxOutputTokens > 0) maxTokens = request.maxOutputTokens;
    else warnings.push(`maxOutputTokens ${request.maxOutputTokens} is not a positive whole number; ${defaultMaxTokens} was sent.`);
  }
  const body: AnthropicRequestBody = { model, max_tokens: maxTokens, messages: prompt.messages };
  if (prompt.system !== undefined) body.system = prompt.system;
  if (request.tools.length > 0) body.tools = convertToAnthropicTools(request.tools);
  if (request.temperature !== undefined) {
    if (request.temperature > 1) {
      warnings.push(`temperature ${request.temperature} is above Anthropic's maximum of 1; 1 was sent.`);
      body.temperature = 1;
    } else if (request.temperature < 0) {
      warnings.push(`temperature ${request.temperature} is below 0 and was not sent.`);
    } else {
      body.temperature = request.temperature;
    }
  }
  return body;
}
