import { describe, expect, it } from 'vitest';
import { convertToOpenAIMessages, mapOpenAIFinishReason } from '../../../src/agentao/models/openai/index.js';

describe('convertToOpenAIMessages', () => {
  it('keeps assistant text beside tool calls, and an empty plain answer as an empty string', () => {
    expect(
      convertToOpenAIMessages([
        { role: 'assistant', content: 'Checking.', toolCalls: [{ id: 'c1', name: 'search_kb', arguments: '{"q":1' }] },
        { role: 'assistant', content: '' },
      ]),
    ).toEqual([
      {
        role: 'assistant',
        content: 'Checking.',
        tool_calls: [{ id: 'c1', type: 'function', function: { name: 'search_kb', arguments: '{"q":1' } }],
      },
      { role: 'assistant', content: '' },
    ]);
  });

  it("sends a denied tool call's text, never its structured details", () => {
    expect(
      convertToOpenAIMessages([
        { role: 'tool', toolCallId: 'c1', toolName: 'send_reply', content: 'Permission denied: no', isError: true, details: { tags: ['refund'] } },
      ]),
    ).toEqual([{ role: 'tool', tool_call_id: 'c1', content: 'Permission denied: no' }]);
  });
});

describe('mapOpenAIFinishReason', () => {
  it('maps the documented reasons and keeps the raw value', () => {
    expect(mapOpenAIFinishReason('stop', false)).toEqual({ unified: 'stop', raw: 'stop' });
    expect(mapOpenAIFinishReason('length', false)).toEqual({ unified: 'length', raw: 'length' });
    expect(mapOpenAIFinishReason('content_filter', false)).toEqual({ unified: 'content-filter', raw: 'content_filter' });
    expect(mapOpenAIFinishReason('tool_calls', true)).toEqual({ unified: 'tool-calls', raw: 'tool_calls' });
    expect(mapOpenAIFinishReason('function_call', true)).toEqual({ unified: 'tool-calls', raw: 'function_call' });
    expect(mapOpenAIFinishReason('eos', false)).toEqual({ unified: 'other', raw: 'eos' });
    expect(mapOpenAIFinishReason(null, false)).toEqual({ unified: 'other' });
  });

  it('lets tool calls win over a bare stop, but not over a truncation', () => {
    expect(mapOpenAIFinishReason('stop', true)).toEqual({ unified: 'tool-calls', raw: 'stop' });
    expect(mapOpenAIFinishReason(undefined, true)).toEqual({ unified: 'tool-calls' });
    expect(mapOpenAIFinishReason('length', true)).toEqual({ unified: 'length', raw: 'length' });
  });
});
