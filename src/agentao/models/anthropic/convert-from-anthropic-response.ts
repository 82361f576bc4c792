/** A Messages API response body (text) to our ChatResponse. Pure. */
import { ModelCallError } from '../../errors.js';
import type { ChatResponse, ModelToolCall } from '../chat-model.js';
import { parseJsonBody } from '../retry.js';
import { parseAnthropicMessage, readAnthropicError } from './anthropic-api-types.js';
import { mapAnthropicStopReason } from './map-anthropic-stop-reason.js';

export function convertFromAnthropicResponse(
  bodyText: string,
  context: { label: string; statusCode: number; warnings: string[] },
): ChatResponse {
  const { label, statusCode } = context;
  const body = parseJsonBody(bodyText, label, statusCode);
  const parsed = parseAnthropicMessage(body);
  if ('problem' in parsed) {
    const error = readAnthropicError(body);
    if (error !== undefined) {
      throw new ModelCallError(`${label} answered HTTP ${statusCode} with an error: ${error.message}`, { statusCode });
    }
    throw new ModelCallError(`${label} answered with a body that is not a message: ${parsed.problem}`, { statusCode });
  }

  const message = parsed.value;
  const texts: string[] = [];
  const toolCalls: ModelToolCall[] = [];
  for (const block of message.blocks) {
    if (block.type === 'text') texts.push(block.text);
    // The agent validates arguments from their text, whatever the provider.
    else toolCalls.push({ id: block.id, name: block.name, arguments: JSON.stringify(block.input) });
  }

  const response: ChatResponse = {
    content: texts.join(''),
    toolCalls,
    finishReason: mapAnthropicStopReason(message.stopReason),
    warnings: context.warnings,
  };
  const usage = message.usage;
  if (usage !== undefined) {
    // `input_tokens` leaves out cached tokens; the total is what the request cost in context.
    const inputParts = [usage.inputTokens, usage.cacheCreationInputTokens, usage.cacheReadInputTokens].filter(
      (value): value is number => value !== undefined,
    );
    response.usage = {
      ...(inputParts.length > 0 ? { inputTokens: inputParts.reduce((sum, value) => sum + value, 0) } : {}),
      ...(usage.outputTokens === undefined ? {} : { outputTokens: usage.outputTokens }),
    };
  }
  return response;
}
