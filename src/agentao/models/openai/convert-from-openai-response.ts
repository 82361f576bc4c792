/**
 * A Chat Completions response body (text) to our ChatResponse. Pure apart from generating ids for
 * tool calls that came without one (llama.cpp and some Ollama versions omit them).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ModelCallError } from '../../errors.js';
import type { ChatResponse, ModelToolCall } from '../chat-model.js';
import { parseJsonBody } from '../retry.js';
import { mapOpenAIFinishReason } from './map-openai-finish-reason.js';
import { openAIChatCompletionSchema, openAIErrorBodySchema, openAIErrorMessage } from './openai-api-types.js';

export function convertFromOpenAIResponse(
  bodyText: string,
  context: { label: string; statusCode: number; warnings: string[] },
): ChatResponse {
  const { label, statusCode } = context;
  const body = parseJsonBody(bodyText, label, statusCode);
  const parsed = openAIChatCompletionSchema.safeParse(body);
  if (!parsed.success) {
    // Some proxies answer 200 with an error body instead of an error status.
    const errorBody = openAIErrorBodySchema.safeParse(body);
    if (errorBody.success) {
      throw new ModelCallError(`${label} answered HTTP ${statusCode} with an error: ${openAIErrorMessage(errorBody.data)}`, {
        statusCode,
      });
    }
    throw new ModelCallError(
      `${label} answered with a body that is not a chat completion: ${z.prettifyError(parsed.error)}`,
      { statusCode, cause: parsed.error },
    );
  }

  const completion = parsed.data;
  // Schema guarantees at least one choice; we never ask for more than one.
  const choice = completion.choices[0]!;
  const toolCalls: ModelToolCall[] = (choice.message.tool_calls ?? []).map((call) => ({
    id: call.id ?? `call_${randomUUID().replaceAll('-', '')}`,
    name: call.function.name,
    arguments: toArgumentsText(call.function.arguments),
  }));
  const refusal = choice.message.refusal ?? '';
  const refused = (choice.message.content ?? '') === '' && toolCalls.length === 0 && refusal !== '';
  const finishReason = mapOpenAIFinishReason(choice.finish_reason, toolCalls.length > 0);

  const response: ChatResponse = {
    // A refusal is still what the model said; the content-filter reason tells the loop not to use it.
    content: refused ? refusal : (choice.message.content ?? ''),
    toolCalls,
    finishReason: refused ? { ...finishReason, unified: 'content-filter' } : finishReason,
    warnings: context.warnings,
  };
  const usage = completion.usage;
  if (usage !== null && usage !== undefined) {
    response.usage = {
      ...(typeof usage.prompt_tokens === 'number' ? { inputTokens: usage.prompt_tokens } : {}),
      ...(typeof usage.completion_tokens === 'number' ? { outputTokens: usage.completion_tokens } : {}),
    };
  }
  return response;
}

/** Raw text passes through untouched, even invalid JSON: the agent reports that to the model. */
function toArgumentsText(value: string | Record<string, unknown> | null | undefined): string {
  if (typeof value === 'string') return value;
  // A server that leaves them out means "no arguments".
  if (value === null || value === undefined) return '{}';
  return JSON.stringify(value);
}
