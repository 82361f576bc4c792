/**
 * Our ChatMessage[] to Chat Completions messages. Pure: no I/O, so every mapping rule is testable on
 * its own.
 */
import type { ChatMessage, ToolDefinition } from '../chat-model.js';
import type { OpenAIFunctionToolParam, OpenAIMessageParam } from './openai-api-types.js';

export function convertToOpenAIMessages(messages: readonly ChatMessage[]): OpenAIMessageParam[] {
  return messages.map((message): OpenAIMessageParam => {
    switch (message.role) {
      case 'system':
        return { role: 'system', content: message.content };
      case 'user':
        return { role: 'user', content: message.content };
      case 'assistant': {
        const toolCalls = message.toolCalls ?? [];
        if (toolCalls.length === 0) return { role: 'assistant', content: message.content };
        return {
          role: 'assistant',
          // Several OpenAI-compatible servers reject an empty string next to tool calls; null is the
          // form the API itself returns.
          content: message.content === '' ? null : message.content,
          tool_calls: toolCalls.map((call) => ({
            id: call.id,
            type: 'function',
            function: { name: call.name, arguments: call.arguments },
          })),
        };
      }
      case 'tool':
        // Chat Completions has no error flag on a tool result: the text itself must say it failed.
        return { role: 'tool', tool_call_id: message.toolCallId, content: message.content };
    }
  });
}

export function convertToOpenAITools(tools: readonly ToolDefinition[]): OpenAIFunctionToolParam[] {
  return tools.map((tool) => ({
    type: 'function',
    function: { name: tool.name, description: tool.description, parameters: tool.parameters },
  }));
}
