import { describe, expect, it } from 'vitest';
import {
  convertToAnthropicMessages,
  convertToAnthropicTools,
  mapAnthropicStopReason,
} from '../../../src/agentao/models/anthropic/index.js';

describe('convertToAnthropicMessages', () => {
  it("sends a denied tool call's text, never its structured details", () => {
    const prompt = convertToAnthropicMessages(
      [
        { role: 'user', content: 'hi' },
        { role: 'assistant', content: '', toolCalls: [{ id: 't1', name: 'send_reply', arguments: '{}' }] },
        { role: 'tool', toolCallId: 't1', toolName: 'send_reply', content: 'Permission denied: no', isError: true, details: { tags: ['refund'] } },
      ],
      [],
    );
    expect(prompt.messages.at(-1)).toEqual({
      role: 'user',
      content: [{ type: 'tool_result', tool_use_id: 't1', content: 'Permission denied: no', is_error: true }],
    });
  });

  it('joins system messages into the top-level system prompt', () => {
    const warnings: string[] = [];
    const prompt = convertToAnthropicMessages(
      [
        { role: 'system', content: 'You are a support agent.' },
        { role: 'system', content: 'Never promise refunds.' },
        { role: 'user', content: 'hi' },
      ],
      warnings,
    );
    expect(prompt.system).toBe('You are a support agent.\n\nNever promise refunds.');
    expect(prompt.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'hi' }] }]);
    expect(warnings).toEqual([]);
  });

  it('puts user text that follows tool results into their message, after them', () => {
    const prompt = convertToAnthropicMessages(
      [
        { role: 'user', content: 'Where is A1001?' },
        { role: 'assistant', content: '', toolCalls: [{ id: 't1', name: 'get_order_status', arguments: '{"order_id":"A1001"}' }] },
        { role: 'tool', toolCallId: 't1', toolName: 'get_order_status', content: 'shipped' },
        { role: 'user', content: 'Also, can I change the address?' },
      ],
      [],
    );
    expect(prompt.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Where is A1001?' }] },
      // No empty text block: the API rejects one.
      { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'get_order_status', input: { order_id: 'A1001' } }] },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 't1', content: 'shipped' },
          { type: 'text', text: 'Also, can I change the address?' },
        ],
      },
    ]);
  });

  it('sends {} for arguments that are not a JSON object, with a warning', () => {
    const warnings: string[] = [];
    const prompt = convertToAnthropicMessages(
      [
        {
          role: 'assistant',
          content: '',
          toolCalls: [
            { id: 't1', name: 'search_kb', arguments: '{"query": "refund' },
            { id: 't2', name: 'search_kb', arguments: '["refund"]' },
          ],
        },
      ],
      warnings,
    );
    expect(prompt.messages[0]?.content).toEqual([
      { type: 'tool_use', id: 't1', name: 'search_kb', input: {} },
      { type: 'tool_use', id: 't2', name: 'search_kb', input: {} },
    ]);
    expect(warnings).toEqual([
      'Tool call t1 has arguments that are not a JSON object; they were sent as {}.',
      'Tool call t2 has arguments that are not a JSON object; they were sent as {}.',
    ]);
  });

  it('gives every tool an object input schema', () => {
    expect(convertToAnthropicTools([{ name: 'ping', description: 'Ping.', parameters: {} }])).toEqual([
      { name: 'ping', description: 'Ping.', input_schema: { type: 'object' } },
    ]);
  });
});

describe('mapAnthropicStopReason', () => {
  it('maps every documented stop reason and keeps the raw value', () => {
    expect(mapAnthropicStopReason('end_turn')).toEqual({ unified: 'stop', raw: 'end_turn' });
    expect(mapAnthropicStopReason('stop_sequence')).toEqual({ unified: 'stop', raw: 'stop_sequence' });
    expect(mapAnthropicStopReason('tool_use')).toEqual({ unified: 'tool-calls', raw: 'tool_use' });
    expect(mapAnthropicStopReason('max_tokens')).toEqual({ unified: 'length', raw: 'max_tokens' });
    expect(mapAnthropicStopReason('model_context_window_exceeded')).toEqual({
      unified: 'length',
      raw: 'model_context_window_exceeded',
    });
    expect(mapAnthropicStopReason('refusal')).toEqual({ unified: 'content-filter', raw: 'refusal' });
    expect(mapAnthropicStopReason('pause_turn')).toEqual({ unified: 'other', raw: 'pause_turn' });
    expect(mapAnthropicStopReason(null)).toEqual({ unified: 'other' });
  });
});
