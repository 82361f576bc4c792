import { describe, expect, it } from 'vitest';
import { ModelCallError, ScriptedModel, toolCall, type ChatRequest } from '../../../src/agentao/index.js';

const request = (content: string): ChatRequest => ({ messages: [{ role: 'user', content }], tools: [] });

describe('ScriptedModel', () => {
  it('replays responses in order, normalising shorthand, and records every request', async () => {
    const call = toolCall('search', { q: 'x' }, 'id1');
    const model = new ScriptedModel([
      'plain answer',
      { toolCalls: [call], usage: { inputTokens: 1 } },
      (incoming, index) => `echo ${incoming.messages[0]!.content} #${index}`,
      { content: 'cut', finishReason: 'length' },
    ]);
    expect(await model.generate(request('a'))).toEqual({
      content: 'plain answer',
      toolCalls: [],
      finishReason: { unified: 'stop' },
      warnings: [],
    });
    expect(await model.generate(request('b'))).toMatchObject({
      toolCalls: [call],
      usage: { inputTokens: 1 },
      finishReason: { unified: 'tool-calls' },
    });
    expect((await model.generate(request('c'))).content).toBe('echo c #2');
    expect((await model.generate(request('d'))).finishReason).toEqual({ unified: 'length' });
    expect(model.calls.map((recorded) => recorded.messages[0]!.content)).toEqual(['a', 'b', 'c', 'd']);
    expect(model.remaining).toBe(0);
  });

  it('snapshots the messages of each request', async () => {
    const model = new ScriptedModel(['x']);
    const incoming = request('before');
    await model.generate(incoming);
    incoming.messages.push({ role: 'user', content: 'after' });
    expect(model.calls[0]!.messages).toHaveLength(1);
  });

  it('throws scripted errors, and a ModelCallError when the script runs out', async () => {
    const model = new ScriptedModel([new Error('boom')]);
    await expect(model.generate(request('a'))).rejects.toThrow('boom');
    await expect(model.generate(request('b'))).rejects.toBeInstanceOf(ModelCallError);
    await expect(model.generate(request('c'))).rejects.toThrow(/ran out after 1 responses/);
  });

  it('toolCall encodes arguments as JSON, keeps a string verbatim, and makes unique ids', () => {
    expect(toolCall('t', { a: 1 }, 'x')).toEqual({ id: 'x', name: 't', arguments: '{"a":1}' });
    expect(toolCall('t', '{not json').arguments).toBe('{not json');
    expect(toolCall('t').id).not.toBe(toolCall('t').id);
  });

  it('counts close() calls', async () => {
    const model = new ScriptedModel([]);
    expect(model.closed).toBe(false);
    await model.close();
    expect(model.closed).toBe(true);
  });
});
