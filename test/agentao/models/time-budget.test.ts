/**
 * A task's model time budget: HTTP providers cut attempts to what is left and refuse a retry wait
 * that does not fit; the agent counts every call and refuses the next one when nothing is left,
 * even for a model that ignores its signal. Checked by counting requests and calls against local
 * servers that hang or answer 429/500, with injected clocks or tiny limits: never by timing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  Agent,
  defineTool,
  ModelCallError,
  ModelTimeBudget,
  ModelTimeBudgetError,
  PermissionEngine,
  ScriptedModel,
  toolCall,
  type ChatModel,
} from '../../../src/agentao/index.js';
import { createAnthropicChatModel } from '../../../src/agentao/models/anthropic/index.js';
import { createOpenAIChatModel } from '../../../src/agentao/models/openai/index.js';
import { loadFixture, startFakeProviderServer, type FakeProviderServer, type ScriptedReply } from './fake-provider-server.js';

let server: FakeProviderServer | undefined;
let delays: number[] = [];

afterEach(async () => {
  await server?.close();
  server = undefined;
  delays = [];
});

const hello = { messages: [{ role: 'user' as const, content: 'hi' }], tools: [] };
const answer = { body: loadFixture('openai-chat-completion-answer.json') };
const rateLimited = (retryAfterSeconds: string): ScriptedReply => ({
  status: 429,
  headers: { 'retry-after': retryAfterSeconds },
  body: loadFixture('openai-error-rate-limit.json'),
});
const serverError: ScriptedReply = { status: 500, body: loadFixture('openai-error-server.json') };

async function openai(replies: ScriptedReply[], settings: { timeoutMs?: number; maxRetries?: number } = {}): Promise<ChatModel> {
  server = await startFakeProviderServer(replies);
  return createOpenAIChatModel({
    baseURL: `${server.baseURL}/v1`,
    apiKey: 'sk-test',
    model: 'gpt-4o-mini',
    ...settings,
    retry: { sleep: async (delayMs) => void delays.push(delayMs), random: () => 0 },
  });
}

function requests(): number {
  return server?.requests.length ?? 0;
}

async function failureOf(promise: Promise<unknown>): Promise<ModelCallError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ModelCallError)) throw new Error(`expected a ModelCallError, got ${String(error)}`);
  return error;
}

describe('an HTTP provider within a budget', () => {
  it('cuts a hanging attempt at the end of the budget, and does not retry it', async () => {
    const model = await openai([{ behaviour: 'hang' }, { behaviour: 'hang' }, { behaviour: 'hang' }], { timeoutMs: 60_000, maxRetries: 2 });
    const error = await failureOf(model.generate({ ...hello, budget: new ModelTimeBudget(300) }));
    expect(error).toBeInstanceOf(ModelTimeBudgetError);
    expect(error.isRetryable).toBe(false);
    expect(error.message).toMatch(/model time budget of 300 ms for this task is used up/);
    // One attempt at most (on a slow machine the cut may come before the request even left): no retry.
    expect(requests()).toBeLessThanOrEqual(1);
    expect(delays).toEqual([]);
  });

  it('without a budget, a hanging model costs 1 + maxRetries attempts of timeoutMs each', async () => {
    const model = await openai([{ behaviour: 'hang' }, { behaviour: 'hang' }, { behaviour: 'hang' }, { behaviour: 'hang' }], { timeoutMs: 300, maxRetries: 2 });
    const error = await failureOf(model.generate(hello));
    expect(error.message).toMatch(/timed out after 300 ms \(gave up after 3 attempts\)/);
    expect(requests()).toBeLessThanOrEqual(3);
    expect(delays).toHaveLength(2);
  });

  it('honours a 429 Retry-After that fits in the budget', async () => {
    // A clock that stands still: the budget is not drained by the test machine's speed.
    const model = await openai([rateLimited('2'), answer]);
    const response = await model.generate({ ...hello, budget: new ModelTimeBudget(60_000, { now: () => 0 }) });
    expect(response.content).not.toBe('');
    expect(delays).toEqual([2000]);
    expect(requests()).toBe(2);
  });

  it('gives up at once when the Retry-After wait would not fit in what is left', async () => {
    const budget = new ModelTimeBudget(60_000, { now: () => 0 });
    const model = await openai([rateLimited('90'), answer]);
    const error = await failureOf(model.generate({ ...hello, budget }));
    expect(error.statusCode).toBe(429);
    expect(error.isRetryable).toBe(true);
    expect(error.message).toMatch(/not retried: waiting 90000 ms does not fit in the 60000 ms left of the model time budget/);
    expect(delays).toEqual([]);
    expect(requests()).toBe(1);
  });

  it('a 500 is retried maxRetries times, then reported', async () => {
    const model = await openai([serverError, serverError, serverError, answer], { maxRetries: 2 });
    const error = await failureOf(model.generate({ ...hello, budget: new ModelTimeBudget(60_000) }));
    expect(error.statusCode).toBe(500);
    expect(requests()).toBe(3);
    expect(delays).toHaveLength(2);
  });

  it('Anthropic fits its attempts into the budget the same way', async () => {
    server = await startFakeProviderServer([{ behaviour: 'hang' }, { behaviour: 'hang' }]);
    const model = createAnthropicChatModel({
      baseURL: server.baseURL,
      apiKey: 'test-key',
      model: 'claude-test',
      timeoutMs: 60_000,
      maxRetries: 1,
      retry: { sleep: async (delayMs) => void delays.push(delayMs) },
    });
    const error = await failureOf(model.generate({ ...hello, budget: new ModelTimeBudget(300) }));
    expect(error).toBeInstanceOf(ModelTimeBudgetError);
    expect(requests()).toBeLessThanOrEqual(1);
    expect(delays).toEqual([]);
  });
});

describe('the agent with a model time budget', () => {
  const echo = defineTool({
    name: 'echo',
    description: 'Says nothing.',
    parameters: z.object({}),
    isReadOnly: true,
    execute: async () => ({ ok: true }),
  });

  it('counts every call and refuses the next one once the budget is spent', async () => {
    let now = 0;
    const budget = new ModelTimeBudget(120_000, { now: () => now });
    // Each call "takes" 50 s on the injected clock: the third would start with 20 s left, the fourth with none.
    const step = () => {
      now += 50_000;
      return { toolCalls: [toolCall('echo', {}, `call-${now}`)] };
    };
    const model = new ScriptedModel([step, step, step, step, step]);
    const agent = new Agent({ model, tools: [echo], permissionEngine: new PermissionEngine({ mode: 'read-only' }), maxIterations: 10, modelTimeBudget: budget, doomLoopThreshold: 10 });
    const error = await agent.chat('go').then(
      () => undefined,
      (caught: unknown) => caught,
    );
    await agent.close();
    expect(error).toBeInstanceOf(ModelTimeBudgetError);
    expect(model.calls).toHaveLength(3);
    expect(budget.remainingMs()).toBe(0);
    expect(model.calls[0]?.budget).toBe(budget);
  });

  it('stops waiting for a model that ignores its signal when the budget runs out', async () => {
    let calls = 0;
    const stuck: ChatModel = {
      provider: 'test',
      modelId: 'stuck',
      generate: () => {
        calls += 1;
        return new Promise(() => undefined);
      },
    };
    const agent = new Agent({ model: stuck, modelTimeBudget: new ModelTimeBudget(50) });
    await expect(agent.chat('go')).rejects.toBeInstanceOf(ModelTimeBudgetError);
    await agent.close();
    expect(calls).toBe(1);
  });
});
