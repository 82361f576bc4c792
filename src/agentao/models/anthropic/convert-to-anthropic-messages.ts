/**
 * Our ChatMessage[] to a Messages API request: system text goes to the top-level `system`, tool
 * calls become `tool_use` blocks, tool results become `tool_result` blocks in a user message (the
 * API wants every result of one assistant turn in the single user message that follows it). Pure.
 */
import type { ChatMessage, ToolDefinition } from '../chat-model.js';
import type {
  AnthropicContentBlockParam,
  AnthropicMessageParam,
  AnthropicTextBlockParam,
  AnthropicToolParam,
  AnthropicToolResultBlockParam,
} from './anthropic-api-types.js';

export interface AnthropicPrompt {
  system?: string;
  messages: AnthropicMessageParam[];
}

type TurnContent = AnthropicContentBlockParam[];

export function convertToAnthropicMessages(messages: readonly ChatMessage[], warnings: string[]): AnthropicPrompt {
  const systemParts: string[] = [];
  const turns: { role: 'user' | 'assistant'; content: TurnContent }[] = [];
  let seenConversation = false;

  for (const message of messages) {
    switch (message.role) {
      case 'system':
        if (seenConversation) {
          warnings.push('A system message after the conversation started was moved into the top-level system prompt.');
        }
        systemParts.push(message.content);
        break;
      case 'user': {
        seenConversation = true;
        const last = turns.at(-1);
        const text = textBlocks(message.content);
        // Text right after tool results joins their message, after the results, as the API asks.
        if (last !== undefined && holdsOnlyToolResults(last)) {
          last.content.push(...text);
        } else {
          turns.push({ role: 'user', content: text });
        }
        break;
      }
      case 'assistant': {
        seenConversation = true;
        const content: TurnContent = textBlocks(message.content);
        for (const call of message.toolCalls ?? []) {
          content.push({ type: 'tool_use', id: call.id, name: call.name, input: toToolInput(call.id, call.arguments, warnings) });
        }
        turns.push({ role: 'assistant', content });
        break;
      }
      case 'tool': {
        seenConversation = true;
        const result: AnthropicToolResultBlockParam = {
          type: 'tool_result',
          tool_use_id: message.toolCallId,
          content: message.content,
          ...(message.isError === true ? { is_error: true } : {}),
        };
        const last = turns.at(-1);
        if (last !== undefined && holdsOnlyToolResults(last)) {
          last.content.push(result);
        } else {
          turns.push({ role: 'user', content: [result] });
        }
        break;
      }
    }
  }

  const prompt: AnthropicPrompt = { messages: turns.map((turn) => ({ role: turn.role, content: turn.content })) };
  const system = systemParts.filter((part) => part !== '').join('\n\n');
  if (system !== '') prompt.system = system;
  return prompt;
}

export function convertToAnthropicTools(tools: readonly ToolDefinition[]): AnthropicToolParam[] {
  return tools.map((tool) => ({
    name: tool.name,
    description: tool.description,
    // The API insists on an object schema; ours always are, but a schema without `type` is legal JSON Schema.
    input_schema: { ...tool.parameters, type: 'object' },
  }));
}

function holdsOnlyToolResults(turn: { role: 'user' | 'assistant'; content: TurnContent }): boolean {
  return turn.role === 'user' && turn.content.length > 0 && turn.content.every((block) => block.type === 'tool_result');
}

/** The API rejects empty text blocks, so empty text is no block at all. */
function textBlocks(text: string): AnthropicTextBlockParam[] {
  return text === '' ? [] : [{ type: 'text', text }];
}

/**
 * `tool_use.input` must be an object. Arguments that are not a JSON object can only come from a
 * history made by another provider; the model then sees `{}` and the tool result explains the rest.
 */
function toToolInput(callId: string, argumentsText: string, warnings: string[]): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(argumentsText);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // Reported below, like any other non-object.
  }
  warnings.push(`Tool call ${callId} has arguments that are not a JSON object; they were sent as {}.`);
  return {};
}
