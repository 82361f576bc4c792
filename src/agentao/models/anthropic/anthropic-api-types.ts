/**
 * The Messages API wire format (version 2023-06-01), as far as this provider uses it. Requests are
 * typed here rather than taken from `@anthropic-ai/sdk`, which this provider no longer needs.
 * Responses are checked by hand, once, over exactly the fields we read (../wire-shape.ts): content
 * block types other than text and tool_use (thinking, server tools, ...) are accepted and ignored,
 * but a malformed text or tool_use block is an error, never dropped.
 */
import {
  arrayAt,
  isRecord,
  optionalNumberAt,
  optionalStringAt,
  readWireShape,
  recordAt,
  stringAt,
  wrongShape,
} from '../wire-shape.js';

export interface AnthropicTextBlockParam {
  type: 'text';
  text: string;
}

export interface AnthropicToolUseBlockParam {
  type: 'tool_use';
  id: string;
  name: string;
  input: Record<string, unknown>;
}

export interface AnthropicToolResultBlockParam {
  type: 'tool_result';
  tool_use_id: string;
  content: string;
  is_error?: boolean;
}

export type AnthropicContentBlockParam = AnthropicTextBlockParam | AnthropicToolUseBlockParam | AnthropicToolResultBlockParam;

export interface AnthropicMessageParam {
  role: 'user' | 'assistant';
  content: AnthropicContentBlockParam[];
}

export interface AnthropicToolParam {
  name: string;
  description: string;
  input_schema: Record<string, unknown>;
}

export interface AnthropicRequestBody {
  model: string;
  max_tokens: number;
  messages: AnthropicMessageParam[];
  system?: string;
  tools?: AnthropicToolParam[];
  temperature?: number;
}

/** What we read of a message: its text and tool_use blocks in order, the stop reason, the usage. */
export interface AnthropicMessage {
  blocks: ({ type: 'text'; text: string } | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> })[];
  stopReason: string | undefined;
  usage:
    | {
        inputTokens: number | undefined;
        outputTokens: number | undefined;
        cacheCreationInputTokens: number | undefined;
        cacheReadInputTokens: number | undefined;
      }
    | undefined;
}

/** The message, or what is wrong with it, naming the field (e.g. `content[1].input`). */
export function parseAnthropicMessage(body: unknown): { value: AnthropicMessage } | { problem: string } {
  return readWireShape(() => {
    const root = recordAt(body, 'the body');
    if (root.type !== 'message') throw wrongShape('type', root.type, '"message"');
    if (root.role !== 'assistant') throw wrongShape('role', root.role, '"assistant"');
    const blocks: AnthropicMessage['blocks'] = [];
    for (const [index, value] of arrayAt(root.content, 'content').entries()) {
      const at = `content[${index}]`;
      const block = recordAt(value, at);
      if (block.type === 'text') {
        blocks.push({ type: 'text', text: stringAt(block.text, `${at}.text`) });
      } else if (block.type === 'tool_use') {
        const input = block.input;
        if (!isRecord(input)) throw wrongShape(`${at}.input`, input, 'an object');
        blocks.push({
          type: 'tool_use',
          id: stringAt(block.id, `${at}.id`, { nonEmpty: true }),
          name: stringAt(block.name, `${at}.name`, { nonEmpty: true }),
          input,
        });
      } else {
        stringAt(block.type, `${at}.type`);
      }
    }
    return { blocks, stopReason: optionalStringAt(root.stop_reason, 'stop_reason'), usage: readUsage(root.usage) };
  });
}

function readUsage(value: unknown): AnthropicMessage['usage'] {
  if (value === null || value === undefined) return undefined;
  const usage = recordAt(value, 'usage');
  return {
    inputTokens: optionalNumberAt(usage.input_tokens, 'usage.input_tokens'),
    outputTokens: optionalNumberAt(usage.output_tokens, 'usage.output_tokens'),
    cacheCreationInputTokens: optionalNumberAt(usage.cache_creation_input_tokens, 'usage.cache_creation_input_tokens'),
    cacheReadInputTokens: optionalNumberAt(usage.cache_read_input_tokens, 'usage.cache_read_input_tokens'),
  };
}

/**
 * `{"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}`: the error's
 * type and message, or undefined for a body of another shape.
 */
export function readAnthropicError(body: unknown): { type: string | undefined; message: string } | undefined {
  if (!isRecord(body) || (body.type !== undefined && body.type !== 'error')) return undefined;
  if (!isRecord(body.error) || typeof body.error.message !== 'string') return undefined;
  const type = body.error.type;
  return { type: typeof type === 'string' ? type : undefined, message: body.error.message };
}
