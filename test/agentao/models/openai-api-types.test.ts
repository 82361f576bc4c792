import { describe, expect, it } from 'vitest';
import { openAIErrorMessage, parseChatCompletion } from '../../../src/agentao/models/openai/openai-api-types.js';
import { loadFixture } from './fake-provider-server.js';

function problemOf(body: unknown): string {
  const parsed = parseChatCompletion(body);
  if (!('problem' in parsed)) throw new Error('expected a problem');
  return parsed.problem;
}

const message = (fields: Record<string, unknown>): unknown => ({ choices: [{ message: fields }] });

describe('parseChatCompletion', () => {
  it('reads the first choice and the usage of a recorded completion', () => {
    expect(parseChatCompletion(loadFixture('openai-chat-completion-tool-calls.json'))).toEqual({
      value: {
        content: undefined,
        refusal: undefined,
        toolCalls: [
          { id: 'call_Qm2Zp8sWbV4nL1xR7tYc9kHd', name: 'get_order_status', arguments: '{"order_id":"A1001"}' },
          { id: 'call_8fJkD3sL0aPq5WvXz2mNcB7e', name: 'search_kb', arguments: '{"query":"shipping delay tracking"}' },
        ],
        finishReason: 'tool_calls',
        usage: { promptTokens: 412, completionTokens: 52 },
      },
    });
  });

  it('names the field that is wrong and what it held', () => {
    expect(problemOf('hello')).toBe('the body is a string ("hello"), expected an object');
    expect(problemOf({ id: 'x' })).toBe('choices is missing, expected an array');
    expect(problemOf({ choices: [] })).toBe('choices is an array, expected at least one choice');
    expect(problemOf({ choices: [null] })).toBe('choices[0] is null, expected an object');
    expect(problemOf(message({ content: 42 }))).toBe('choices[0].message.content is a number (42), expected a string or null');
    expect(problemOf(message({ tool_calls: [{ function: { name: '' } }] }))).toBe(
      'choices[0].message.tool_calls[0].function.name is a string (""), expected a non-empty string',
    );
    expect(problemOf(message({ tool_calls: [{ id: 'a', function: { name: 'f', arguments: [1] } }] }))).toBe(
      'choices[0].message.tool_calls[0].function.arguments is an array, expected a string or an object',
    );
    expect(problemOf({ choices: [{ message: {} }], usage: { prompt_tokens: '12' } })).toBe(
      'usage.prompt_tokens is a string ("12"), expected a number or null',
    );
  });

  it('reads null as absent, and arguments sent as an object as they are', () => {
    const parsed = parseChatCompletion({
      choices: [{ message: { content: null, refusal: null, tool_calls: [{ id: null, function: { name: 'f', arguments: { a: 1 } } }] }, finish_reason: null }],
      usage: null,
    });
    expect(parsed).toEqual({
      value: {
        content: undefined,
        refusal: undefined,
        toolCalls: [{ id: undefined, name: 'f', arguments: { a: 1 } }],
        finishReason: undefined,
        usage: undefined,
      },
    });
  });
});

describe('openAIErrorMessage', () => {
  it('reads every error body shape compatible servers send', () => {
    expect(openAIErrorMessage({ error: { message: 'bad key', type: 'invalid_request_error' } })).toBe('bad key');
    expect(openAIErrorMessage({ error: 'model not found' })).toBe('model not found');
    expect(openAIErrorMessage(loadFixture('vllm-error-legacy.json'))).toMatch(/^This model's maximum context length/);
    expect(openAIErrorMessage({ detail: 'Not authenticated' })).toBe('Not authenticated');
    expect(openAIErrorMessage({ choices: [] })).toBeUndefined();
    expect(openAIErrorMessage('text')).toBeUndefined();
  });
});
