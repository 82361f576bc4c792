/**
 * The local model's reading of its own conversation: each tool call it made, paired with the tool
 * message that answered it. Results and arguments are parsed with the tool's own schema, so a
 * result of another shape counts as no result, never as a wrong one.
 */
import type { z } from 'zod';
import type { ChatMessage, ModelToolCall } from '../../agentao/index.js';

type ToolMessage = Extract<ChatMessage, { role: 'tool' }>;

export interface ToolExchange {
  call: ModelToolCall;
  /** The tool message that answered the call, once one came back. */
  answer?: ToolMessage;
}

/** The tool calls of the assistant turns, oldest first, each with its answer. */
export function toolExchanges(messages: readonly ChatMessage[]): ToolExchange[] {
  const byId = new Map<string, ToolExchange>();
  const ordered: ToolExchange[] = [];
  for (const message of messages) {
    if (message.role === 'assistant') {
      for (const call of message.toolCalls ?? []) {
        const exchange: ToolExchange = { call };
        byId.set(call.id, exchange);
        ordered.push(exchange);
      }
    } else if (message.role === 'tool') {
      const exchange = byId.get(message.toolCallId);
      if (exchange) exchange.answer = message;
    }
  }
  return ordered;
}

/** Whether the call was answered with an error or a denial. */
export function failed(exchange: ToolExchange): boolean {
  return exchange.answer?.isError === true;
}

/** The call's successful result read with the tool's result schema; undefined when it failed or has another shape. */
export function toolResult<T>(exchange: ToolExchange | undefined, schema: z.ZodType<T>): T | undefined {
  if (!exchange?.answer || exchange.answer.isError) return undefined;
  return parseWith(schema, exchange.answer.content);
}

/** The call's arguments read with the tool's parameter schema; undefined when they do not fit it. */
export function toolArguments<T>(exchange: ToolExchange, schema: z.ZodType<T>): T | undefined {
  return parseWith(schema, exchange.call.arguments);
}

function parseWith<T>(schema: z.ZodType<T>, text: string): T | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
