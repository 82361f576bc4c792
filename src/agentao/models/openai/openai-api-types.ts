/**
 * The Chat Completions wire format, as far as this provider uses it. Requests are typed here rather
 * than taken from the `openai` package, which this provider no longer needs. Responses are checked
 * by hand, once, over exactly the fields we read (../wire-shape.ts). Loose on purpose where
 * OpenAI-compatible servers differ (Ollama, vLLM, llama.cpp): ids may be missing, `content` may be
 * null, `usage` may be absent, unknown fields are ignored.
 */
import { arrayAt, isRecord, optionalNumberAt, optionalStringAt, readWireShape, recordAt, stringAt, wrongShape } from '../wire-shape.js';

export interface OpenAIToolCallParam {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export type OpenAIMessageParam =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string | null; tool_calls?: OpenAIToolCallParam[] }
  | { role: 'tool'; tool_call_id: string; content: string };

export interface OpenAIFunctionToolParam {
  type: 'function';
  function: { name: string; description: string; parameters: Record<string, unknown> };
}

export interface OpenAIChatRequestBody {
  model: string;
  messages: OpenAIMessageParam[];
  tools?: OpenAIFunctionToolParam[];
  temperature?: number;
  max_tokens?: number;
  max_completion_tokens?: number;
}

/** What we read of a completion: the first choice (we never ask for more) and the usage. */
export interface OpenAIChatCompletion {
  content: string | undefined;
  refusal: string | undefined;
  toolCalls: OpenAIToolCall[];
  finishReason: string | undefined;
  usage: { promptTokens: number | undefined; completionTokens: number | undefined } | undefined;
}

export interface OpenAIToolCall {
  id: string | undefined;
  name: string;
  /** A few servers send the arguments as an object rather than JSON text. */
  arguments: string | Record<string, unknown> | undefined;
}

/** The completion, or what is wrong with it, naming the field (e.g. `choices[0].message.content`). */
export function parseChatCompletion(body: unknown): { value: OpenAIChatCompletion } | { problem: string } {
  return readWireShape(() => {
    const root = recordAt(body, 'the body');
    const choices = arrayAt(root.choices, 'choices');
    if (choices.length === 0) throw wrongShape('choices', choices, 'at least one choice');
    const choice = recordAt(choices[0], 'choices[0]');
    const message = recordAt(choice.message, 'choices[0].message');
    const rawToolCalls = message.tool_calls;
    const toolCalls =
      rawToolCalls === null || rawToolCalls === undefined
        ? []
        : arrayAt(rawToolCalls, 'choices[0].message.tool_calls').map(readToolCall);
    return {
      content: optionalStringAt(message.content, 'choices[0].message.content'),
      refusal: optionalStringAt(message.refusal, 'choices[0].message.refusal'),
      toolCalls,
      finishReason: optionalStringAt(choice.finish_reason, 'choices[0].finish_reason'),
      usage: readUsage(root.usage),
    };
  });
}

function readToolCall(value: unknown, index: number): OpenAIToolCall {
  const at = `choices[0].message.tool_calls[${index}]`;
  const call = recordAt(value, at);
  const fn = recordAt(call.function, `${at}.function`);
  const args = fn.arguments;
  if (args !== null && args !== undefined && typeof args !== 'string' && !isRecord(args)) {
    throw wrongShape(`${at}.function.arguments`, args, 'a string or an object');
  }
  return {
    id: optionalStringAt(call.id, `${at}.id`),
    name: stringAt(fn.name, `${at}.function.name`, { nonEmpty: true }),
    arguments: args ?? undefined,
  };
}

function readUsage(value: unknown): OpenAIChatCompletion['usage'] {
  if (value === null || value === undefined) return undefined;
  const usage = recordAt(value, 'usage');
  return {
    promptTokens: optionalNumberAt(usage.prompt_tokens, 'usage.prompt_tokens'),
    completionTokens: optionalNumberAt(usage.completion_tokens, 'usage.completion_tokens'),
  };
}

/**
 * The message of an error body: OpenAI, Ollama and llama.cpp send `{error: {message}}`, older vLLM
 * sends `{object: "error", message}`, some proxies `{error: "text"}` or `{detail: "text"}`.
 * Undefined when the body has none of these shapes.
 */
export function openAIErrorMessage(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  const { error, message, detail } = body;
  if (isRecord(error) && typeof error.message === 'string') return error.message;
  if (typeof error === 'string') return error;
  if (typeof message === 'string') return message;
  if (typeof detail === 'string') return detail;
  return undefined;
}
