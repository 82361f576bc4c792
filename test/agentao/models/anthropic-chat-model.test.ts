import { afterEach, describe, expect, it } from 'vitest';
import { ModelCallError } from '../../../src/agentao/errors.js';
import type { ChatMessage, ChatModel, ToolDefinition } from '../../../src/agentao/models/chat-model.js';
import {
  createAnthropicChatModel,
  type AnthropicChatModelSettings,
} from '../../../src/agentao/models/anthropic/index.js';
import {
  loadFixture,
  startFakeProviderServer,
  type FakeProviderServer,
  type ScriptedReply,
} from './fake-provider-server.js';

const tools: ToolDefinition[] = [
  {
    name: 'get_order_status',
    description: 'Look up the status and tracking of one order.',
    parameters: {
      type: 'object',
      properties: { order_id: { type: 'string', minLength: 1 } },
      required: ['order_id'],
      additionalProperties: false,
    },
  },
];

const conversation: ChatMessage[] = [
  { role: 'system', content: 'You are a support agent.' },
  { role: 'user', content: 'Where are my orders A1001 and A9999?' },
  {
    role: 'assistant',
    content: 'Let me check both.',
    toolCalls: [
      { id: 'toolu_1', name: 'get_order_status', arguments: '{"order_id":"A1001"}' },
      { id: 'toolu_2', name: 'get_order_status', arguments: '{"order_id":"A9999"}' },
    ],
  },
  { role: 'tool', toolCallId: 'toolu_1', toolName: 'get_order_status', content: '{"status":"shipped"}' },
  { role: 'tool', toolCallId: 'toolu_2', toolName: 'get_order_status', content: 'Order A9999 not found.', isError: true },
];

let server: FakeProviderServer | undefined;
let delays: number[] = [];

afterEach(async () => {
  await server?.close();
  server = undefined;
  delays = [];
});

async function modelFor(
  replies: ScriptedReply[],
  overrides: Partial<AnthropicChatModelSettings> = {},
): Promise<ChatModel> {
  server = await startFakeProviderServer(replies);
  return createAnthropicChatModel({
    baseURL: server.baseURL,
    apiKey: 'sk-ant-test',
    model: 'claude-sonnet-4-6',
    retry: {
      sleep: async (delayMs) => {
        delays.push(delayMs);
      },
      random: () => 0,
    },
    ...overrides,
  });
}

function requestsOf(): FakeProviderServer['requests'] {
  if (server === undefined) throw new Error('no server');
  return server.requests;
}

async function failureOf(promise: Promise<unknown>): Promise<ModelCallError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ModelCallError);
  return error as ModelCallError;
}

describe('createAnthropicChatModel', () => {
  it('sends system, tool_use and merged tool_result blocks with x-api-key, and reads tool_use back', async () => {
    const model = await modelFor([{ body: loadFixture('anthropic-message-tool-use.json') }]);

    const response = await model.generate({ messages: conversation, tools });

    expect(model.provider).toBe('anthropic');
    const [request] = requestsOf();
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v1/messages');
    expect(request?.headers['x-api-key']).toBe('sk-ant-test');
    expect(request?.headers['anthropic-version']).toBe('2023-06-01');
    expect(request?.headers.authorization).toBeUndefined();
    expect(request?.body).toEqual({
      model: 'claude-sonnet-4-6',
      max_tokens: 4096,
      system: 'You are a support agent.',
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'Where are my orders A1001 and A9999?' }] },
        {
          role: 'assistant',
          content: [
            { type: 'text', text: 'Let me check both.' },
            { type: 'tool_use', id: 'toolu_1', name: 'get_order_status', input: { order_id: 'A1001' } },
            { type: 'tool_use', id: 'toolu_2', name: 'get_order_status', input: { order_id: 'A9999' } },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'toolu_1', content: '{"status":"shipped"}' },
            { type: 'tool_result', tool_use_id: 'toolu_2', content: 'Order A9999 not found.', is_error: true },
          ],
        },
      ],
      tools: [
        {
          name: 'get_order_status',
          description: 'Look up the status and tracking of one order.',
          input_schema: tools[0]?.parameters,
        },
      ],
    });
    expect(response).toEqual({
      content: "I'll look up the status of order A1001 for you.",
      toolCalls: [{ id: 'toolu_01A09q90qw90lq917835lq9', name: 'get_order_status', arguments: '{"order_id":"A1001"}' }],
      usage: { inputTokens: 472, outputTokens: 71 },
      finishReason: { unified: 'tool-calls', raw: 'tool_use' },
      warnings: [],
    });
  });

  it('reads a plain answer; cached input tokens count as input', async () => {
    const model = await modelFor([{ body: loadFixture('anthropic-message-answer.json') }]);

    const response = await model.generate({ messages: [{ role: 'user', content: 'Where is A1001?' }], tools: [] });

    expect(response.content).toBe('Order A1001 shipped yesterday; the tracking number is 1Z999AA10123456784.');
    expect(response.toolCalls).toEqual([]);
    expect(response.usage).toEqual({ inputTokens: 610 + 128, outputTokens: 24 });
    expect(response.finishReason).toEqual({ unified: 'stop', raw: 'end_turn' });
    expect(requestsOf()[0]?.body).not.toHaveProperty('tools');
    expect(requestsOf()[0]?.body).not.toHaveProperty('system');
  });

  it('waits as long as Retry-After says on a 429, then succeeds', async () => {
    const model = await modelFor([
      { status: 429, headers: { 'retry-after': '12' }, body: loadFixture('anthropic-error-rate-limit.json') },
      { body: loadFixture('anthropic-message-answer.json') },
    ]);

    await model.generate({ messages: [{ role: 'user', content: 'hi' }], tools: [] });

    expect(requestsOf()).toHaveLength(2);
    expect(delays).toEqual([12_000]);
  });

  it('honours Retry-After given as an HTTP date', async () => {
    const inTwentySeconds = new Date(Date.now() + 20_000).toUTCString();
    const model = await modelFor([
      { status: 529, headers: { 'retry-after': inTwentySeconds }, body: loadFixture('anthropic-error-overloaded.json') },
      { body: loadFixture('anthropic-message-answer.json') },
    ]);

    await model.generate({ messages: [{ role: 'user', content: 'hi' }], tools: [] });

    expect(delays).toHaveLength(1);
    // HTTP dates have whole seconds, and some time passes before the delay is computed.
    expect(delays[0]).toBeGreaterThan(15_000);
    expect(delays[0]).toBeLessThanOrEqual(20_000);
  });

  it('retries a 500, then succeeds', async () => {
    const model = await modelFor([
      { status: 500, body: loadFixture('anthropic-error-api.json') },
      { body: loadFixture('anthropic-message-answer.json') },
    ]);

    const response = await model.generate({ messages: [{ role: 'user', content: 'hi' }], tools: [] });

    expect(response.finishReason.unified).toBe('stop');
    expect(delays).toEqual([500]);
  });

  it('gives up on repeated 529 overloads after maxRetries with a clear, retryable ModelCallError', async () => {
    const overloaded: ScriptedReply = { status: 529, body: loadFixture('anthropic-error-overloaded.json') };
    const model = await modelFor([overloaded, overloaded, overloaded, overloaded], { maxRetries: 3 });

    const error = await failureOf(model.generate({ messages: [{ role: 'user', content: 'hi' }], tools: [] }));

    expect(requestsOf()).toHaveLength(4);
    expect(delays).toEqual([500, 1000, 2000]);
    expect(error.isRetryable).toBe(true);
    expect(error.statusCode).toBe(529);
    expect(error.message).toContain('anthropic model "claude-sonnet-4-6"');
    expect(error.message).toContain('HTTP 529');
    expect(error.message).toContain('overloaded_error: Overloaded');
    expect(error.message).toContain('gave up after 4 attempts');
  });

  it('does not retry a 401', async () => {
    const model = await modelFor([
      { status: 401, body: loadFixture('anthropic-error-authentication.json') },
      { body: loadFixture('anthropic-message-answer.json') },
    ]);

    const error = await failureOf(model.generate({ messages: [{ role: 'user', content: 'hi' }], tools: [] }));

    expect(requestsOf()).toHaveLength(1);
    expect(error.isRetryable).toBe(false);
    expect(error.statusCode).toBe(401);
    expect(error.message).toContain('authentication_error: invalid x-api-key');
  });

  it('shows a non-JSON error page as it is', async () => {
    const model = await modelFor([{ status: 403, body: 'Forbidden by corporate proxy' }]);

    const error = await failureOf(model.generate({ messages: [{ role: 'user', content: 'hi' }], tools: [] }));

    expect(error.statusCode).toBe(403);
    expect(error.message).toContain('HTTP 403: Forbidden by corporate proxy');
  });

  it('turns a garbage body into a ModelCallError without retrying', async () => {
    const model = await modelFor([{ body: 'upstream connect error or disconnect/reset before headers' }]);

    const error = await failureOf(model.generate({ messages: [{ role: 'user', content: 'hi' }], tools: [] }));

    expect(requestsOf()).toHaveLength(1);
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain('not JSON');
  });

  it('rejects a tool_use block of the wrong shape instead of dropping it', async () => {
    const message = loadFixture('anthropic-message-tool-use.json') as { content: unknown[] };
    message.content[1] = { type: 'tool_use', id: 'toolu_x', name: 'get_order_status', input: 'A1001' };
    const model = await modelFor([{ body: message }]);

    const error = await failureOf(model.generate({ messages: [{ role: 'user', content: 'hi' }], tools }));

    expect(error.message).toContain('not a message');
  });

  it('ignores content blocks it does not use, such as thinking', async () => {
    const message = loadFixture('anthropic-message-answer.json') as { content: unknown[] };
    message.content.unshift({ type: 'thinking', thinking: 'The user wants tracking.', signature: 'EqQBCgIYAhIM' });
    const model = await modelFor([{ body: message }]);

    const response = await model.generate({ messages: [{ role: 'user', content: 'hi' }], tools: [] });

    expect(response.content).toBe('Order A1001 shipped yesterday; the tracking number is 1Z999AA10123456784.');
  });

  it('retries a connection cut in the middle of the body, then gives up', async () => {
    const cut: ScriptedReply = { behaviour: 'cut', body: loadFixture('anthropic-message-answer.json') };
    const model = await modelFor([cut, cut], { maxRetries: 1 });

    const error = await failureOf(model.generate({ messages: [{ role: 'user', content: 'hi' }], tools: [] }));

    expect(requestsOf()).toHaveLength(2);
    expect(error.isRetryable).toBe(true);
    expect(error.message).toContain('lost the connection');
  });

  it('aborts at once when the caller aborts', async () => {
    const model = await modelFor([{ behaviour: 'hang' }, { body: loadFixture('anthropic-message-answer.json') }]);
    const controller = new AbortController();

    const pending = model.generate({ messages: [{ role: 'user', content: 'hi' }], tools: [], signal: controller.signal });
    await server?.waitForRequests(1);
    controller.abort();

    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(requestsOf()).toHaveLength(1);
  });

  it('maps settings and warns about those it cannot honour', async () => {
    const model = await modelFor([{ body: loadFixture('anthropic-message-answer.json') }], { maxTokens: 1024 });

    const response = await model.generate({
      messages: [
        { role: 'user', content: 'hi' },
        { role: 'system', content: 'Answer in French.' },
      ],
      tools: [],
      temperature: 1.5,
      maxOutputTokens: 200,
    });

    expect(requestsOf()[0]?.body).toMatchObject({ max_tokens: 200, temperature: 1, system: 'Answer in French.' });
    expect(response.warnings).toEqual([
      'A system message after the conversation started was moved into the top-level system prompt.',
      "temperature 1.5 is above Anthropic's maximum of 1; 1 was sent.",
    ]);
  });

  it('uses the default max_tokens of the model settings when the request sets none', async () => {
    const model = await modelFor([{ body: loadFixture('anthropic-message-answer.json') }], { maxTokens: 1024 });

    await model.generate({ messages: [{ role: 'user', content: 'hi' }], tools: [] });

    expect(requestsOf()[0]?.body).toMatchObject({ max_tokens: 1024 });
  });

  it('sends every request through the fetch it was given', async () => {
    const seen: string[] = [];
    const model = await modelFor([{ body: loadFixture('anthropic-message-answer.json') }], {
      fetch: async (input, init) => {
        seen.push(String(input instanceof Request ? input.url : input));
        return globalThis.fetch(input, init);
      },
    });

    await model.generate({ messages: [{ role: 'user', content: 'hi' }], tools: [] });

    expect(seen).toEqual([`${server?.baseURL}/v1/messages`]);
  });

  it('sends configured headers, but the key and the pinned version always as x-api-key and anthropic-version, and takes a trailing slash', async () => {
    server = await startFakeProviderServer([{ body: loadFixture('anthropic-message-answer.json') }]);
    const model = createAnthropicChatModel({
      baseURL: `${server.baseURL}/`,
      apiKey: 'sk-ant-test',
      model: 'claude-sonnet-4-6',
      headers: { 'X-Team': 'support', 'X-Api-Key': 'other', 'Anthropic-Version': '2099-01-01' },
    });

    await model.generate({ messages: [{ role: 'user', content: 'hi' }], tools: [] });

    const [request] = requestsOf();
    expect(request?.url).toBe('/v1/messages');
    expect(request?.headers['x-team']).toBe('support');
    expect(request?.headers['x-api-key']).toBe('sk-ant-test');
    expect(request?.headers['anthropic-version']).toBe('2023-06-01');
  });

  it('fails at once, without retrying, on a key that cannot be sent as a header, and does not show it', async () => {
    const model = await modelFor([{ body: loadFixture('anthropic-message-answer.json') }], { apiKey: 'sk-ant-secret-€' });

    const error = await failureOf(model.generate({ messages: [{ role: 'user', content: 'hi' }], tools: [] }));

    expect(requestsOf()).toHaveLength(0);
    expect(delays).toEqual([]);
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain('header "x-api-key" is not a valid HTTP header value');
    expect(error.message).not.toContain('sk-ant-secret');
  });
});
