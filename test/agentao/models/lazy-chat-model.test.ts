/** lazyChatModel: the real model (and its SDK) is created on the first request, once. */
import { describe, expect, it } from 'vitest';
import type { ChatModel, ChatRequest } from '../../../src/agentao/models/chat-model.js';
import { lazyChatModel } from '../../../src/agentao/models/lazy-chat-model.js';

function countingLoader(options: { failFirst?: boolean } = {}) {
  const counts = { loads: 0, generates: 0, closes: 0 };
  const model: ChatModel = {
    provider: 'test',
    modelId: 'm-1',
    generate: async () => {
      counts.generates += 1;
      return { content: 'hi', toolCalls: [], finishReason: { unified: 'stop' }, warnings: [] };
    },
    close: async () => {
      counts.closes += 1;
    },
  };
  const load = async (): Promise<ChatModel> => {
    counts.loads += 1;
    if (options.failFirst && counts.loads === 1) throw new Error('cannot import the SDK');
    return model;
  };
  return { counts, load };
}

const request: ChatRequest = { messages: [], tools: [] };

describe('lazyChatModel', () => {
  it('loads nothing until the first request, then once for every later one', async () => {
    const { counts, load } = countingLoader();
    const model = lazyChatModel({ provider: 'test', modelId: 'm-1' }, load);
    expect([model.provider, model.modelId, counts.loads]).toEqual(['test', 'm-1', 0]);
    await Promise.all([model.generate(request), model.generate(request)]);
    await model.generate(request);
    expect(counts).toEqual({ loads: 1, generates: 3, closes: 0 });
    await model.close?.();
    expect(counts.closes).toBe(1);
  });

  it('closing a model that was never used loads nothing', async () => {
    const { counts, load } = countingLoader();
    await lazyChatModel({ provider: 'test', modelId: 'm-1' }, load).close?.();
    expect(counts.loads).toBe(0);
  });

  it('a failed load fails that request and is tried again on the next', async () => {
    const { counts, load } = countingLoader({ failFirst: true });
    const model = lazyChatModel({ provider: 'test', modelId: 'm-1' }, load);
    await expect(model.generate(request)).rejects.toThrow('cannot import the SDK');
    await expect(model.generate(request)).resolves.toMatchObject({ content: 'hi' });
    expect(counts.loads).toBe(2);
  });
});
