import { afterEach, describe, expect, it } from 'vitest';
import { ModelCallError } from '../../../src/agentao/errors.js';
import type { ChatMessage, ChatModel, ToolDefinition } from '../../../src/agentao/models/chat-model.js';
import { createOpenAIChatModel, type OpenAIChatModelSettings } from '../../../src/agentao/models/openai/index.js';
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
  { role: 'user', content: 'Where is my order A1001?' },
  {
    role: 'assistant',
    content: '',
    toolCalls: [
      { id: 'call_1', name: 'get_order_status', arguments: '{"order_id":"A1001"}' },
      { id: 'call_2', name: 'get_order_status', arguments: '{"order_id":"A9999"}' },
    ],
  },
  { role: 'tool', toolCallId: 'call_1', toolName: 'get_order_status', content: '{"status":"shipped"}' },
  { role: 'tool', toolCallId: 'call_2', toolName: 'get_order_status', content: 'Order A9999 not found.', isError: true },
];

let server: FakeProviderServer | undefined;
let delays: number[] = [];

afterEach(async () => {
  await server?.close();
  server = undefined;
  delays = [];
});

async function modelFor(replies: ScriptedReply[], overrides: Partial<OpenAIChatModelSettings> = {}): Promise<ChatModel> {
  server = await startFakeProviderServer(replies);
  return createOpenAIChatModel({
    baseURL: `${server.baseURL}/v1`,
    apiKey: 'sk-test',
    model: 'gpt-4o-mini',
    retry: {
      sleep: async (delayMs) => {
        delays.push(delayMs);
      },
      random: () => 0,
    },
    ...overrides,
  });
}

function requestsOf(): NonNullable<typeof server>['requests'] {
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

describe('createOpenAIChatModel', () => {
  it('sends the conversation, tool results and tools, and reads the tool calls back', async () => {
    const model = await modelFor([{ body: loadFixture('openai-chat-completion-tool-calls.json') }]);

    const response = await model.generate({ messages: conversation, tools });

    expect(model.provider).toBe('openai');
    expect(model.modelId).toBe('gpt-4o-mini');
    const [request] = requestsOf();
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v1/chat/completions');
    expect(request?.headers.authorization).toBe('Bearer sk-test');
    expect(request?.body).toEqual({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'You are a support agent.' },
        { role: 'user', content: 'Where is my order A1001?' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'call_1', type: 'function', function: { name: 'get_order_status', arguments: '{"order_id":"A1001"}' } },
            { id: 'call_2', type: 'function', function: { name: 'get_order_status', arguments: '{"order_id":"A9999"}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'call_1', content: '{"status":"shipped"}' },
        { role: 'tool', tool_call_id: 'call_2', content: 'Order A9999 not found.' },
      ],
      tools: [{ type: 'function', function: tools[0] }],
    });
    expect(response).toEqual({
      content: '',
      toolCalls: [
        { id: 'call_Qm2Zp8sWbV4nL1xR7tYc9kHd', name: 'get_order_status', arguments: '{"order_id":"A1001"}' },
        { id: 'call_8fJkD3sL0aPq5WvXz2mNcB7e', name: 'search_kb', arguments: '{"query":"shipping delay tracking"}' },
      ],
      usage: { inputTokens: 412, outputTokens: 52 },
      finishReason: { unified: 'tool-calls', raw: 'tool_calls' },
      warnings: [],
    });
  });

  it('reads a plain answer with its usage, and sends no tools when there are none', async () => {
    const model = await modelFor([{ body: loadFixture('openai-chat-completion-answer.json') }]);

    const response = await model.generate({ messages: [{ role: 'user', content: 'Where is A1001?' }], tools: [] });

    expect(response.content).toMatch(/^Your order A1001 shipped yesterday/);
    expect(response.toolCalls).toEqual([]);
    expect(response.usage).toEqual({ inputTokens: 538, outputTokens: 27 });
    expect(response.finishReason).toEqual({ unified: 'stop', raw: 'stop' });
    expect(requestsOf()[0]?.body).not.toHaveProperty('tools');
  });

  it('tolerates an OpenAI-compatible server: no ids, content null, no usage, malformed arguments verbatim', async () => {
    const model = await modelFor([{ body: loadFixture('openai-compatible-tool-call-minimal.json') }]);

    const response = await model.generate({ messages: [{ role: 'user', content: 'Where is A1001?' }], tools });

    expect(response.content).toBe('');
    expect(response.usage).toBeUndefined();
    expect(response.toolCalls).toHaveLength(1);
    const [call] = response.toolCalls;
    expect(call?.name).toBe('get_order_status');
    expect(call?.arguments).toBe('{"order_id": "A1001"');
    expect(call?.id).toMatch(/^call_[0-9a-f]{32}$/);
    // The server said `stop`, but the calls are what the loop must act on.
    expect(response.finishReason).toEqual({ unified: 'tool-calls', raw: 'stop' });
  });

  it('waits as long as Retry-After says on a 429, then succeeds', async () => {
    const model = await modelFor([
      { status: 429, headers: { 'retry-after': '7' }, body: loadFixture('openai-error-rate-limit.json') },
      { body: loadFixture('openai-chat-completion-answer.json') },
    ]);

    const response = await model.generate({ messages: [{ role: 'user', content: 'hi' }], tools: [] });

    expect(response.finishReason.unified).toBe('stop');
    expect(requestsOf()).toHaveLength(2);
    expect(delays).toEqual([7000]);
  });

  it('prefers retry-after-ms, and caps a long Retry-After at the maximum delay', async () => {
    const model = await modelFor(
      [
        { status: 429, headers: { 'retry-after-ms': '1250', 'retry-after': '2' }, body: loadFixture('openai-error-rate-limit.json') },
        { status: 429, headers: { 'retry-after': '3600' }, body: loadFixture('openai-error-rate-limit.json') },
        { body: loadFixture('openai-chat-completion-answer.json') },
      ],
      { retry: { sleep: async (delayMs) => void delays.push(delayMs), maxDelayMs: 10_000 } },
    );

    await model.generate({ messages: [{ role: 'user', content: 'hi' }], tools: [] });

    expect(delays).toEqual([1250, 10_000]);
  });

  it('retries a 500 with exponential backoff, then succeeds', async () => {
    const model = await modelFor([
      { status: 500, body: loadFixture('openai-error-server.json') },
      { status: 502, body: '<html><body>502 Bad Gateway</body></html>' },
      { body: loadFixture('openai-chat-completion-answer.json') },
    ]);

    const response = await model.generate({ messages: [{ role: 'user', content: 'hi' }], tools: [] });

    expect(response.content).toMatch(/A1001/);
    expect(requestsOf()).toHaveLength(3);
    expect(delays).toEqual([500, 1000]);
  });

  it('gives up on repeated 503s after maxRetries with a clear, retryable ModelCallError', async () => {
    const overloaded: ScriptedReply = { status: 503, body: loadFixture('openai-error-overloaded.json') };
    const model = await modelFor([overloaded, overloaded, overloaded, overloaded], { maxRetries: 2 });

    const error = await failureOf(model.generate({ messages: [{ role: 'user', content: 'hi' }], tools: [] }));

    expect(requestsOf()).toHaveLength(3);
    expect(delays).toEqual([500, 1000]);
    expect(error.isRetryable).toBe(true);
    expect(error.statusCode).toBe(503);
    expect(error.message).toContain('openai model "gpt-4o-mini"');
    expect(error.message).toContain('HTTP 503');
    expect(error.message).toContain('The engine is currently overloaded, please try again later');
    expect(error.message).toContain('gave up after 3 attempts');
  });

  it('does not retry a 401 and reports the server message', async () => {
    const model = await modelFor([
      { status: 401, body: loadFixture('openai-error-invalid-api-key.json') },
      { body: loadFixture('openai-chat-completion-answer.json') },
    ]);

    const error = await failureOf(model.generate({ messages: [{ role: 'user', content: 'hi' }], tools: [] }));

    expect(requestsOf()).toHaveLength(1);
    expect(delays).toEqual([]);
    expect(error.isRetryable).toBe(false);
    expect(error.statusCode).toBe(401);
    expect(error.message).toContain('HTTP 401');
    expect(error.message).toContain('Incorrect API key provided');
  });

  it('keeps the message of an error body in the older vLLM shape', async () => {
    const model = await modelFor([{ status: 400, body: loadFixture('vllm-error-legacy.json') }]);

    const error = await failureOf(model.generate({ messages: [{ role: 'user', content: 'hi' }], tools: [] }));

    expect(error.statusCode).toBe(400);
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain("This model's maximum context length is 8192 tokens");
  });

  it('turns a body that is not JSON into a ModelCallError, not a TypeError, without retrying', async () => {
    const model = await modelFor([{ body: '<!doctype html><title>Ollama is running</title>' }]);

    const error = await failureOf(model.generate({ messages: [{ role: 'user', content: 'hi' }], tools: [] }));

    expect(requestsOf()).toHaveLength(1);
    expect(error.isRetryable).toBe(false);
    expect(error.statusCode).toBe(200);
    expect(error.message).toContain('not JSON');
    expect(error.message).toContain('Ollama is running');
  });

  it('turns JSON of the wrong shape into a ModelCallError naming what is wrong', async () => {
    const model = await modelFor([{ body: { id: 'x', choices: [{ message: { content: 42 } }] } }]);

    const error = await failureOf(model.generate({ messages: [{ role: 'user', content: 'hi' }], tools: [] }));

    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain('not a chat completion');
    expect(error.message).toContain('content');
  });

  it('reports an error body sent with status 200', async () => {
    const model = await modelFor([{ body: { error: { message: 'model "llama9" not found, try pulling it first' } } }]);

    const error = await failureOf(model.generate({ messages: [{ role: 'user', content: 'hi' }], tools: [] }));

    expect(error.message).toContain('model "llama9" not found, try pulling it first');
  });

  it('retries a connection cut in the middle of the body, then gives up with a retryable error', async () => {
    const cut: ScriptedReply = { behaviour: 'cut', body: loadFixture('openai-chat-completion-answer.json') };
    const model = await modelFor([cut, cut, cut], { maxRetries: 2 });

    const error = await failureOf(model.generate({ messages: [{ role: 'user', content: 'hi' }], tools: [] }));

    expect(requestsOf()).toHaveLength(3);
    expect(error.isRetryable).toBe(true);
    expect(error.message).toContain('lost the connection');
    expect(error.message).toContain('gave up after 3 attempts');
  });

  it('recovers when a cut connection is followed by a good answer', async () => {
    const model = await modelFor([
      { behaviour: 'cut', body: loadFixture('openai-chat-completion-answer.json') },
      { body: loadFixture('openai-chat-completion-answer.json') },
    ]);

    const response = await model.generate({ messages: [{ role: 'user', content: 'hi' }], tools: [] });

    expect(response.usage).toEqual({ inputTokens: 538, outputTokens: 27 });
    expect(delays).toHaveLength(1);
  });

  it('retries when the server cannot be reached at all', async () => {
    const closed = await startFakeProviderServer([]);
    const baseURL = `${closed.baseURL}/v1`;
    await closed.close();
    const model = createOpenAIChatModel({
      baseURL,
      apiKey: 'sk-test',
      model: 'gpt-4o-mini',
      maxRetries: 1,
      retry: { sleep: async (delayMs) => void delays.push(delayMs) },
    });

    const error = await failureOf(model.generate({ messages: [{ role: 'user', content: 'hi' }], tools: [] }));

    expect(delays).toHaveLength(1);
    expect(error.isRetryable).toBe(true);
    expect(error.message).toContain('could not be reached');
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('times out an attempt that never answers, and retries it', async () => {
    const model = await modelFor([{ behaviour: 'hang' }, { behaviour: 'hang' }], { timeoutMs: 50, maxRetries: 1 });

    const error = await failureOf(model.generate({ messages: [{ role: 'user', content: 'hi' }], tools: [] }));

    expect(requestsOf()).toHaveLength(2);
    expect(error.isRetryable).toBe(true);
    expect(error.message).toContain('timed out');
  });

  it('aborts at once when the caller aborts, with the signal reason and no retry', async () => {
    const model = await modelFor([{ behaviour: 'hang' }, { body: loadFixture('openai-chat-completion-answer.json') }]);
    const controller = new AbortController();

    const pending = model.generate({ messages: [{ role: 'user', content: 'hi' }], tools: [], signal: controller.signal });
    await server?.waitForRequests(1);
    controller.abort();

    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(requestsOf()).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('stops waiting between retries when the caller aborts', async () => {
    const controller = new AbortController();
    const model = await modelFor(
      [{ status: 503, body: loadFixture('openai-error-overloaded.json') }, { body: loadFixture('openai-chat-completion-answer.json') }],
      {
        retry: {
          sleep: (delayMs, signal) =>
            new Promise<void>((_resolve, reject) => {
              delays.push(delayMs);
              signal?.addEventListener('abort', () => reject(new Error('sleep interrupted')), { once: true });
              controller.abort(new Error('ticket cancelled'));
            }),
        },
      },
    );

    await expect(
      model.generate({ messages: [{ role: 'user', content: 'hi' }], tools: [], signal: controller.signal }),
    ).rejects.toThrow('ticket cancelled');
    expect(requestsOf()).toHaveLength(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const model = await modelFor([{ body: loadFixture('openai-chat-completion-answer.json') }]);

    await expect(
      model.generate({ messages: [{ role: 'user', content: 'hi' }], tools: [], signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(requestsOf()).toHaveLength(0);
  });

  it('sends extra headers, no Authorization for a keyless server, and maps the settings', async () => {
    const model = await modelFor([{ body: loadFixture('openai-chat-completion-answer.json') }], {
      apiKey: '',
      headers: { 'x-team': 'support' },
    });

    const response = await model.generate({
      messages: [{ role: 'user', content: 'hi' }],
      tools: [],
      temperature: 0.2,
      maxOutputTokens: 300,
    });

    const [request] = requestsOf();
    expect(request?.headers.authorization).toBeUndefined();
    expect(request?.headers['x-team']).toBe('support');
    expect(request?.body).toMatchObject({ temperature: 0.2, max_tokens: 300 });
    expect(response.warnings).toEqual([]);
  });

  it('warns about settings it cannot send instead of failing', async () => {
    const model = await modelFor([{ body: loadFixture('openai-chat-completion-answer.json') }], {
      maxTokensParameter: 'max_completion_tokens',
    });

    const response = await model.generate({
      messages: [{ role: 'user', content: 'hi' }],
      tools: [],
      temperature: 3,
      maxOutputTokens: 256,
    });

    const body = requestsOf()[0]?.body;
    expect(body).not.toHaveProperty('temperature');
    expect(body).toMatchObject({ max_completion_tokens: 256 });
    expect(response.warnings).toEqual(['temperature 3 is outside 0..2 and was not sent.']);
  });

  it('sends every request through the fetch it was given', async () => {
    const seen: string[] = [];
    const model = await modelFor([{ body: loadFixture('openai-chat-completion-answer.json') }], {
      fetch: async (input, init) => {
        seen.push(String(input instanceof Request ? input.url : input));
        return globalThis.fetch(input, { ...init, headers: { ...Object.fromEntries(new Headers(init?.headers)), 'x-via': 'custom-fetch' } });
      },
    });

    await model.generate({ messages: [{ role: 'user', content: 'hi' }], tools: [] });

    expect(seen).toEqual([`${server?.baseURL}/v1/chat/completions`]);
    expect(requestsOf()[0]?.headers['x-via']).toBe('custom-fetch');
  });

  it('lets a configured Authorization header replace the key instead of sending both, and takes a trailing slash', async () => {
    server = await startFakeProviderServer([{ body: loadFixture('openai-chat-completion-answer.json') }]);
    const model = createOpenAIChatModel({
      baseURL: `${server.baseURL}/v1/`,
      apiKey: 'sk-test',
      model: 'gpt-4o-mini',
      headers: { Authorization: 'Bearer gateway-token' },
    });

    await model.generate({ messages: [{ role: 'user', content: 'hi' }], tools: [] });

    const [request] = requestsOf();
    expect(request?.url).toBe('/v1/chat/completions');
    expect(request?.headers.authorization).toBe('Bearer gateway-token');
    expect(request?.headers['content-type']).toBe('application/json');
  });

  it('sends the same request body again on a retry', async () => {
    const model = await modelFor([
      { status: 500, body: loadFixture('openai-error-server.json') },
      { body: loadFixture('openai-chat-completion-answer.json') },
    ]);

    await model.generate({ messages: conversation, tools });

    const [first, second] = requestsOf();
    expect(second?.rawBody).toBe(first?.rawBody);
  });

  it('fails at once, without retrying, on a key that cannot be sent as a header, and does not show it', async () => {
    const model = await modelFor([{ body: loadFixture('openai-chat-completion-answer.json') }], { apiKey: 'sk-sec\nret' });

    const error = await failureOf(model.generate({ messages: [{ role: 'user', content: 'hi' }], tools: [] }));

    expect(requestsOf()).toHaveLength(0);
    expect(delays).toEqual([]);
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain('header "authorization" is not a valid HTTP header value');
    expect(error.message).not.toContain('sk-sec');
  });
});
