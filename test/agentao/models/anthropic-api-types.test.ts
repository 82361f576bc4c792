import { describe, expect, it } from 'vitest';
import { parseAnthropicMessage, readAnthropicError } from '../../../src/agentao/models/anthropic/anthropic-api-types.js';
import { loadFixture } from './fake-provider-server.js';

function problemOf(body: unknown): string {
  const parsed = parseAnthropicMessage(body);
  if (!('problem' in parsed)) throw new Error('expected a problem');
  return parsed.problem;
}

const withContent = (content: unknown): unknown => ({ type: 'message', role: 'assistant', content });

describe('parseAnthropicMessage', () => {
  it('reads the text and tool_use blocks, stop reason and usage of a recorded message', () => {
    expect(parseAnthropicMessage(loadFixture('anthropic-message-tool-use.json'))).toEqual({
      value: {
        blocks: [
          { type: 'text', text: "I'll look up the status of order A1001 for you." },
          { type: 'tool_use', id: 'toolu_01A09q90qw90lq917835lq9', name: 'get_order_status', input: { order_id: 'A1001' } },
        ],
        stopReason: 'tool_use',
        usage: { inputTokens: 472, outputTokens: 71, cacheCreationInputTokens: 0, cacheReadInputTokens: 0 },
      },
    });
  });

  it('names the field that is wrong and what it held', () => {
    expect(problemOf({ type: 'error', error: { message: 'x' } })).toBe('type is a string ("error"), expected "message"');
    expect(problemOf({ type: 'message', role: 'user', content: [] })).toBe('role is a string ("user"), expected "assistant"');
    expect(problemOf(withContent({}))).toBe('content is an object, expected an array');
    expect(problemOf(withContent([{ type: 'text', text: 7 }]))).toBe('content[0].text is a number (7), expected a string');
    expect(problemOf(withContent([{ type: 'text', text: 'a' }, { type: 'tool_use', id: 't', name: 'f', input: 'A1001' }]))).toBe(
      'content[1].input is a string ("A1001"), expected an object',
    );
    expect(problemOf(withContent([{ type: 'tool_use', id: '', name: 'f', input: {} }]))).toBe(
      'content[0].id is a string (""), expected a non-empty string',
    );
    expect(problemOf(withContent([{ text: 'no type' }]))).toBe('content[0].type is missing, expected a string');
  });

  it('skips block types it does not use', () => {
    const parsed = parseAnthropicMessage(withContent([{ type: 'thinking', thinking: 'hm' }, { type: 'text', text: 'hi' }]));
    expect(parsed).toEqual({ value: { blocks: [{ type: 'text', text: 'hi' }], stopReason: undefined, usage: undefined } });
  });
});

describe('readAnthropicError', () => {
  it('reads the type and message of an error body, and nothing else', () => {
    expect(readAnthropicError(loadFixture('anthropic-error-overloaded.json'))).toEqual({ type: 'overloaded_error', message: 'Overloaded' });
    expect(readAnthropicError({ error: { message: 'no type' } })).toEqual({ type: undefined, message: 'no type' });
    expect(readAnthropicError({ type: 'message', error: { message: 'x' } })).toBeUndefined();
    expect(readAnthropicError({ error: 'text' })).toBeUndefined();
  });
});
