/**
 * A ChatModel over any Chat Completions endpoint: OpenAI itself or a compatible server (Ollama,
 * vLLM, llama.cpp), on plain `fetch`. The request is built here and the response checked by hand
 * over the fields we read; retries follow our policy (retry.ts). No SDK: the openai package's
 * request building, zod parse and per-attempt abort plumbing were most of the runtime's own
 * CPU per agent step (docs/benchmarks.md).
 */
import type { ChatModel, ChatRequest, ChatResponse } from '../chat-model.js';
import { postJson, retryAfterOf, unsendableHeaderError, unsendableHeaderName, type Fetch } from '../post-json.js';
import { redactURL, withRetry, type RetryOptions } from '../retry.js';
import { convertFromOpenAIResponse } from './convert-from-openai-response.js';
import { convertToOpenAIMessages, convertToOpenAITools } from './convert-to-openai-messages.js';
import { openAIErrorMessage, type OpenAIChatRequestBody } from './openai-api-types.js';

export interface OpenAIChatModelSettings {
  /** E.g. `https://api.openai.com/v1` or `http://127.0.0.1:11434/v1` for Ollama. */
  baseURL: string;
  /** An empty string sends no Authorization header, for local servers that want none. */
  apiKey: string;
  model: string;
  fetch?: Fetch;
  /** Limit for one attempt, body included. Default 120 s: local models on a CPU are slow. */
  timeoutMs?: number;
  /** Retries after the first attempt; default 3. Shorthand for `retry.maxRetries`. */
  maxRetries?: number;
  headers?: Record<string, string>;
  /** Backoff, ceiling and an injectable sleep. */
  retry?: RetryOptions;
  /**
   * OpenAI's newer models only accept `max_completion_tokens`; most compatible servers only know
   * `max_tokens`, hence the default.
   */
  maxTokensParameter?: 'max_tokens' | 'max_completion_tokens';
}

export const DEFAULT_TIMEOUT_MS = 120_000;

export function createOpenAIChatModel(settings: OpenAIChatModelSettings): ChatModel {
  const timeoutMs = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const url = `${settings.baseURL.replace(/\/+$/, '')}/chat/completions`;
  const headers = requestHeaders(settings);
  const label = `openai model "${settings.model}" at ${redactURL(settings.baseURL)}`;
  const badHeader = unsendableHeaderName(headers);
  const maxTokensParameter = settings.maxTokensParameter ?? 'max_tokens';

  return {
    provider: 'openai',
    modelId: settings.model,
    async generate(request: ChatRequest): Promise<ChatResponse> {
      if (badHeader !== undefined) throw unsendableHeaderError(label, badHeader);
      const warnings: string[] = [];
      const body = JSON.stringify(buildRequestBody(settings.model, request, maxTokensParameter, warnings));
      // Read at call time, not at creation: a test or a proxy may replace the global fetch later.
      const fetch = settings.fetch ?? globalThis.fetch;
      return withRetry(
        async ({ signal }) => {
          const answer = await postJson({ url, headers, body, signal, fetch, label, errorMessageOf: openAIErrorMessage });
          return convertFromOpenAIResponse(answer.text, { label, statusCode: answer.statusCode, warnings: [...warnings] });
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

/** Lower-case names, so a caller's `Authorization` replaces ours instead of being sent beside it. */
function requestHeaders(settings: OpenAIChatModelSettings): Readonly<Record<string, string>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (settings.apiKey !== '') headers.authorization = `Bearer ${settings.apiKey}`;
  for (const [name, value] of Object.entries(settings.headers ?? {})) headers[name.toLowerCase()] = value;
  return Object.freeze(headers);
}

function buildRequestBody(
  model: string,
  request: ChatRequest,
  maxTokensParameter: 'max_tokens' | 'max_completion_tokens',
  warnings: string[],
): OpenAIChatRequestBody {
  const body: OpenAIChatRequestBody = {
    model,
    messages: convertToOpenAIMessages(request.messages),
  };
  // An empty `tools` array is an error on several compatible servers; leaving it out means "none".
  if (request.tools.length > 0) body.tools = convertToOpenAITools(request.tools);
  if (request.temperature !== undefined) {
    if (request.temperature >= 0 && request.temperature <= 2) body.temperature = request.temperature;
    else warnings.push(`temperature ${request.temperature} is outside 0..2 and was not sent.`);
  }
  if (request.maxOutputTokens !== undefined) {
    if (Number.isInteger(request.maxOutputTokens) && request.maxOutputTokens > 0) {
      body[maxTokensParameter] = request.maxOutputTokens;
    } else {
      warnings.push(`maxOutputTokens ${request.maxOutputTokens} is not a positive whole number and was not sent.`);
    }
  }
  return body;
}
