/** Shared test fixtures: tools with spied execute functions and a transport that records events. */
import { vi } from 'vitest';
import { z } from 'zod';
import { defineTool, SdkTransport, type AgentEvent, type AgentEventType, type ToolConfirmer } from '../../../src/agentao/index.js';

export function makeLookupTool() {
  const execute = vi.fn(({ id }: { id: string }) => ({ id, status: 'shipped' }));
  const tool = defineTool({
    name: 'lookup_order',
    description: 'Look up one order.',
    parameters: z.object({ id: z.string().min(1) }),
    isReadOnly: true,
    execute,
  });
  return { tool, execute };
}

export function makeSendTool(options: { requiresConfirmation?: boolean } = {}) {
  const execute = vi.fn(({ text }: { text: string; confidence: number }) => ({ sent: true, text }));
  const tool = defineTool({
    name: 'send_reply',
    description: 'Send a reply to the customer.',
    parameters: z.object({ text: z.string().min(1), confidence: z.number().min(0).max(1) }),
    isReadOnly: false,
    requiresConfirmation: options.requiresConfirmation ?? false,
    execute,
  });
  return { tool, execute };
}

export function recordingTransport(confirmTool?: ToolConfirmer) {
  const events: AgentEvent[] = [];
  const transport = new SdkTransport({ onEvent: (event) => void events.push(event), ...(confirmTool ? { confirmTool } : {}) });
  const ofType = <T extends AgentEventType>(type: T) => events.filter((event) => event.type === type) as unknown as AgentEvent<T>[];
  return { events, transport, ofType };
}

/** The tool messages the model was shown in its last request. */
export function toolMessagesOf(request: { messages: readonly { role: string }[] } | undefined) {
  return (request?.messages ?? []).filter((message) => message.role === 'tool') as {
    role: 'tool';
    toolCallId: string;
    toolName: string;
    content: string;
    isError?: boolean;
  }[];
}
