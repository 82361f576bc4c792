/**
 * A ChatModel over the Anthropic Messages API, on plain `fetch`. The request is built here and the
 * response checked by hand over the fields we read; retries follow our policy (retry.ts). No SDK:
 * @anthropic-ai/sdk's request building and per-attempt plumbing showed in the runtime's CPU per
 * agent step as they did for OpenAI (docs/benchmarks.md).
 */
import type { ChatModel, ChatRequest, ChatResponse } from '../chat-model.js';
import { postJson, retryAfterOf, unsendableHeaderError, unsendableHeaderName, type Fetch } from '../post-json.js';
import { redactURL, withRetry, type RetryOptions } from '../retry.js';
import { readAnthropicError, type AnthropicRequestBody } from './anthropic-api-types.js';
import { convertFromAnthropicResponse } from './convert-from-anthropic-response.js';
import { convertToAnthropicMessages, convertToAnthropicTools } from './convert-to-anthropic-messages.js';

export interface AnthropicChatModelSettings {
  /** E.g. `https://api.anthropic.com` (`/v1/messages` is added). */
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
  /** The `anthropic-version` header; the converters are written for the default. */
  apiVersion?: string;
}

export const DEFAULT_ANTHROPIC_MAX_TOKENS = 4096;
export const DEFAULT_ANTHROPIC_API_VERSION = '2023-06-01';
const DEFAULT_TIMEOUT_MS = 120_000;

export function createAnthropicChatModel(settings: AnthropicChatModelSettings): ChatModel {
  const timeoutMs = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const url = `${settings.baseURL.replace(/\/+$/, '')}/v1/messages`;
  const headers = requestHeaders(settings);
  const label = `anthropic model "${settings.model}" at ${redactURL(settings.baseURL)}`;
  const badHeader = unsendableHeaderName(headers);
  const defaultMaxTokens = settings.maxTokens ?? DEFAULT_ANTHROPIC_MAX_TOKENS;

  return {
    provider: 'anthropic',
    modelId: settings.model,
    async generate(request: ChatRequest): Promise<ChatResponse> {
      if (badHeader !== undefined) throw unsendableHeaderError(label, badHeader);
      const warnings: string[] = [];
      const body = JSON.stringify(buildRequestBody(settings.model, defaultMaxTokens, request, warnings));
      // Read at call time, not at creation: a test or a proxy may replace the global fetch later.
      const fetch = settings.fetch ?? globalThis.fetch;
      return withRetry(
        async ({ signal }) => {
          const answer = await postJson({ url, headers, body, signal, fetch, label, errorMessageOf: serverMessage });
          return convertFromAnthropicResponse(answer.text, { label, statusCode: answer.statusCode, warnings: [...warnings] });
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
 * The documented authentication (`x-api-key`) and the pinned version win over configured headers;
 * names are lower-cased so a configured one replaces ours instead of being sent beside it.
 */
function requestHeaders(settings: AnthropicChatModelSettings): Readonly<Record<string, string>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  for (const [name, value] of Object.entries(settings.headers ?? {})) headers[name.toLowerCase()] = value;
  headers['x-api-key'] = settings.apiKey;
  headers['anthropic-version'] = settings.apiVersion ?? DEFAULT_ANTHROPIC_API_VERSION;
  return Object.freeze(headers);
}

/** `overloaded_error: Overloaded`, from `{"type": "error", "error": {"type", "message"}}`. */
function serverMessage(body: unknown): string | undefined {
  const error = readAnthropicError(body);
  if (error === undefined) return undefined;
  return error.type === undefined ? error.message : `${error.type}: ${error.message}`;
}

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
