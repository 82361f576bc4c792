/**
 * A ChatModel over any Chat Completions endpoint: OpenAI itself or a compatible server (Ollama,
 * vLLM, llama.cpp). The official SDK builds and sends the request; the body is read and checked
 * here (zod), and retries follow our policy, not the SDK's.
 */
import OpenAI from 'openai';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import type { ChatModel, ChatRequest, ChatResponse } from '../chat-model.js';
import { connectionError, redactURL, withRetry, type RetryOptions } from '../retry.js';
import { convertFromOpenAIResponse } from './convert-from-openai-response.js';
import { convertToOpenAIMessages, convertToOpenAITools } from './convert-to-openai-messages.js';
import { createErrorBodyRecorder, retryAfterOf, toModelCallError, type Fetch } from './openai-error.js';

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
  const recorder = createErrorBodyRecorder(settings.fetch ?? globalThis.fetch);
  const keyless = settings.apiKey === '';
  const client = new OpenAI({
    baseURL: settings.baseURL,
    // The SDK refuses to start without a key; a keyless server gets a placeholder that the null
    // Authorization header below then removes from every request.
    apiKey: keyless ? 'unused' : settings.apiKey,
    // Explicit nulls keep the SDK from reading OPENAI_* variables: config.ts is the one reader.
    adminAPIKey: null,
    organization: null,
    project: null,
    webhookSecret: null,
    maxRetries: 0,
    timeout: timeoutMs,
    fetch: recorder.fetch,
    defaultHeaders: { ...settings.headers, ...(keyless ? { Authorization: null } : {}) },
  });
  const label = `openai model "${settings.model}" at ${redactURL(settings.baseURL)}`;
  const maxTokensParameter = settings.maxTokensParameter ?? 'max_tokens';

  return {
    provider: 'openai',
    modelId: settings.model,
    async generate(request: ChatRequest): Promise<ChatResponse> {
      const warnings: string[] = [];
      const body = buildRequestBody(settings.model, request, maxTokensParameter, warnings);
      return withRetry(
        async ({ signal }) => {
          let response: Response;
          try {
            response = await client.chat.completions.create(body, { signal, timeout: timeoutMs }).asResponse();
          } catch (error) {
            throw toModelCallError(error, label, recorder);
          }
          let text: string;
          try {
            text = await response.text();
          } catch (error) {
            throw connectionError(label, 'lost the connection while sending the response', error);
          }
          return convertFromOpenAIResponse(text, { label, statusCode: response.status, warnings: [...warnings] });
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

function buildRequestBody(
  model: string,
  request: ChatRequest,
  maxTokensParameter: 'max_tokens' | 'max_completion_tokens',
  warnings: string[],
): ChatCompletionCreateParamsNonStreaming {
  const body: ChatCompletionCreateParamsNonStreaming = {
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
