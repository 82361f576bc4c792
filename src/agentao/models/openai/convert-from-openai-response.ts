/**
 * A Chat Completions response body (text) to our ChatResponse. Pure apart from generating ids for
 * tool calls that came without one (llama.cpp and some Ollama versions omit them).
 */
import { randomUUID } from 'node:crypto';
import { ModelCallError } from '../../errors.js';
import type { ChatResponse, ModelToolCall } from '../chat-model.js';
import { parseJsonBody } from '../retry.js';
import { mapOpenAIFinishReason } from './map-openai-finish-reason.js';
import { openAIErrorMessage, parseChatCompletion } from './openai-api-types.js';

export function convertFromOpenAIResponse(
  bodyText: string,
  context: { label: string; statusCode: number; warnings: string[] },
): ChatResponse {
  const { label, statusCode } = context;
  const body = parseJsonBody(bodyText, label, statusCode);
  const parsed = parseChatCompletion(body);
  if ('problem' in parsed) {
    // Some proxies answer 200 with an error body instead of an error status.
    const errorMessage = openAIErrorMessage(body);
    if (errorMessage !== undefined) {
      throw new ModelCallError(`${label} answered HTTP ${statusCode} with an error: ${errorMessage}`, { statusCode });
    }
    throw new ModelCallError(`${label} answered with a body that is not a chat completion: ${parsed.problem}`, { statusCode });
  }

  const completion = parsed.value;
  const toolCalls: ModelToolCall[] = completion.toolCalls.map((call) => ({
    id: call.id ?? `call_${randomUUID().replaceAll('-', '')}`,
    name: call.name,
    arguments: toArgumentsText(call.arguments),
  }));
  const refusal = completion.refusal ?? '';
  const refused = (completion.content ?? '') === '' && toolCalls.length === 0 && refusal !== '';
  const finishReason = mapOpenAIFinishReason(completion.finishReason, toolCalls.length > 0);

  const response: ChatResponse = {
    // A refusal is still what the model said; the content-filter reason tells the loop not to use it.
    content: refused ? refusal : (completion.content ?? ''),
    toolCalls,
    finishReason: refused ? { ...finishReason, unified: 'content-filter' } : finishReason,
    warnings: context.warnings,
  };
  const usage = completion.usage;
  if (usage !== undefined) {
    response.usage = {
      ...(usage.promptTokens === undefined ? {} : { inputTokens: usage.promptTokens }),
      ...(usage.completionTokens === undefined ? {} : { outputTokens: usage.completionTokens }),
    };
  }
  return response;
}

/** Raw text passes through untouched, even invalid JSON: the agent reports that to the model. */
function toArgumentsText(value: string | Record<string, unknown> | undefined): string {
  if (typeof value === 'string') return value;
  // A server that leaves them out means "no arguments".
  if (value === undefined) return '{}';
  return JSON.stringify(value);
}
