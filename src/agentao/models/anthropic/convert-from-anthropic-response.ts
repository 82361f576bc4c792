/** A Messages API response body (text) to our ChatResponse. Pure. */
import { z } from 'zod';
import { ModelCallError } from '../../errors.js';
import type { ChatResponse, ModelToolCall } from '../chat-model.js';
import { parseJsonBody } from '../retry.js';
import {
  anthropicErrorBodySchema,
  anthropicMessageSchema,
  anthropicTextBlockSchema,
  anthropicToolUseBlockSchema,
} from './anthropic-api-types.js';
import { mapAnthropicStopReason } from './map-anthropic-stop-reason.js';

export function convertFromAnthropicResponse(
  bodyText: string,
  context: { label: string; statusCode: number; warnings: string[] },
): ChatResponse {
  const { label, statusCode } = context;
  const body = parseJsonBody(bodyText, label, statusCode);
  const parsed = anthropicMessageSchema.safeParse(body);
  if (!parsed.success) {
    const errorBody = anthropicErrorBodySchema.safeParse(body);
    if (errorBody.success) {
      throw new ModelCallError(`${label} answered HTTP ${statusCode} with an error: ${errorBody.data.error.message}`, {
        statusCode,
      });
    }
    throw new ModelCallError(`${label} answered with a body that is not a message: ${z.prettifyError(parsed.error)}`, {
      statusCode,
      cause: parsed.error,
    });
  }

  const message = parsed.data;
  const texts: string[] = [];
  const toolCalls: ModelToolCall[] = [];
  for (const block of message.content) {
    const text = anthropicTextBlockSchema.safeParse(block);
    if (text.success) {
      texts.push(text.data.text);
      continue;
    }
    const toolUse = anthropicToolUseBlockSchema.safeParse(block);
    if (toolUse.success) {
      // The agent validates arguments from their text, whatever the provider.
      toolCalls.push({ id: toolUse.data.id, name: toolUse.data.name, arguments: JSON.stringify(toolUse.data.input) });
    }
  }

  const response: ChatResponse = {
    content: texts.join(''),
    toolCalls,
    finishReason: mapAnthropicStopReason(message.stop_reason),
    warnings: context.warnings,
  };
  const usage = message.usage;
  if (usage !== null && usage !== undefined) {
    // `input_tokens` leaves out cached tokens; the total is what the request cost in context.
    const inputParts = [usage.input_tokens, usage.cache_creation_input_tokens, usage.cache_read_input_tokens].filter(
      (value): value is number => typeof value === 'number',
    );
    response.usage = {
      ...(inputParts.length > 0 ? { inputTokens: inputParts.reduce((sum, value) => sum + value, 0) } : {}),
      ...(typeof usage.output_tokens === 'number' ? { outputTokens: usage.output_tokens } : {}),
    };
  }
  return response;
}
