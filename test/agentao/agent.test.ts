import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  Agent,
  AgentaoError,
  defineTool,
  EVENT_SCHEMA_VERSION,
  ModelCallError,
  PermissionEngine,
  ScriptedModel,
  SdkTransport,
  toolCall,
  ToolRegistry,
  type AgentEvent,
} from '../../src/agentao/index.js';
import { makeLookupTool, makeSendTool, recordingTransport, toolMessagesOf } from './support/fixtures.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the model's mistakes go back to the model and the loop continues", () => {
  it('invalid JSON, unknown tool and schema-invalid arguments become tool errors; nothing runs', async () => {
    const { tool, execute } = makeLookupTool();
    const model = new ScriptedModel([
      {
        toolCalls: [
          toolCall('lookup_order', '{"id": "A1"', 'call_json'),
          toolCall('refund_everything', { amount: 100 }, 'call_unknown'),
          toolCall('lookup_order', { id: 42 }, 'call_schema'),
          toolCall('lookup_order', {}, 'call_missing'),
        ],
      },
      { toolCalls: [toolCall('lookup_order', { id: 'A1' }, 'call_good')] },
      'The order shipped.',
    ]);
    const result = await new Agent({ model, tools: [tool] }).chat('where is my order?');

    expect(result.stopReason).toBe('answer');
    expect(result.text).toBe('The order shipped.');
    expect(result.iterations).toBe(3);
    expect(execute).toHaveBeenCalledOnce();
    expect(execute.mock.calls[0]![0]).toEqual({ id: 'A1' });
    expect(result.toolCalls.map((call) => [call.callId, call.status])).toEqual([
      ['call_json', 'error'],
      ['call_unknown', 'error'],
      ['call_schema', 'error'],
      ['call_missing', 'error'],
      ['call_good', 'ok'],
    ]);
    const errors = toolMessagesOf(model.calls[1]);
    expect(errors.map((message) => message.toolCallId)).toEqual(['call_json', 'call_unknown', 'call_schema', 'call_missing']);
    expect(errors.every((message) => message.isError === true)).toBe(true);
    expect(errors[0]!.content).toMatch(/^Error: the arguments of tool "lookup_order" are not valid JSON/);
    expect(errors[1]!.content).toBe('Error: unknown tool "refund_everything". Available tools: lookup_order.');
    expect(errors[2]!.content).toMatch(/^Error: invalid arguments for tool "lookup_order": id: .*expected string/i);
    expect(errors[3]!.content).toMatch(/id: /);
    expect(result.toolCalls[0]!.args).toBe('{"id": "A1"');
  });

  it('a tool that throws becomes a plain error message, never a crash', async () => {
    const failing = defineTool({
      name: 'flaky',
      description: 'Fails.',
      parameters: z.object({}),
      isReadOnly: true,
      execute: () => {
        throw new Error('database is locked');
      },
    });
    const model = new ScriptedModel([{ toolCalls: [toolCall('flaky', {}, 'call_flaky')] }, 'sorry']);
    const result = await new Agent({ model, tools: [failing] }).chat('x');
    expect(result.toolCalls[0]).toMatchObject({ status: 'error', error: 'tool "flaky" failed: database is locked', outcome: 'allow' });
    const [message] = toolMessagesOf(model.calls[1]);
    expect(message!.content).toBe('Error: tool "flaky" failed: database is locked');
    expect(message!.content).not.toContain(' at ');
  });

  it('an empty arguments string is an empty object (some providers send it for no-argument tools)', async () => {
    const noArgs = defineTool({ name: 'now', description: 'Time.', parameters: z.object({}), isReadOnly: true, execute: () => 'noon' });
    const model = new ScriptedModel([{ toolCalls: [toolCall('now', '')] }, 'ok']);
    const result = await new Agent({ model, tools: [noArgs] }).chat('x');
    expect(result.toolCalls[0]!.status).toBe('ok');
    expect(toolMessagesOf(model.calls[1])[0]!.content).toBe('noon');
  });

  it('missing and repeated call ids get fresh ones so every tool result matches its call', async () => {
    const { tool } = makeLookupTool();
    const model = new ScriptedModel([
      { toolCalls: [toolCall('lookup_order', { id: 'A1' }, ''), toolCall('lookup_order', { id: 'A2' }, 'same'), toolCall('lookup_order', { id: 'A3' }, 'same')] },
      'ok',
    ]);
    await new Agent({ model, tools: [tool] }).chat('x');
    const assistant = model.calls[1]!.messages.find((message) => message.role === 'assistant');
    const ids = assistant && assistant.role === 'assistant' ? assistant.toolCalls!.map((call) => call.id) : [];
    expect(new Set(ids).size).toBe(3);
    expect(ids[1]).toBe('same');
    expect(toolMessagesOf(model.calls[1]).map((message) => message.toolCallId)).toEqual(ids);
  });
});

describe('stopping', () => {
  it('stops a doom loop after 3 identical calls (argument key order ignored)', async () => {
    const { tool, execute } = makeLookupTool();
    const same = (index: number) => ({ toolCalls: [toolCall('lookup_order', index % 2 ? { id: 'A1' } : JSON.parse('{"id":"A1"}'))] });
    const model = new ScriptedModel([same(0), same(1), same(2), same(3), 'never reached']);
    const result = await new Agent({ model, tools: [tool] }).chat('x');
    expect(result.stopReason).toBe('doom-loop');
    expect(result.text).toMatch(/"lookup_order" with the same arguments 3 times in a row/);
    expect(execute).toHaveBeenCalledTimes(3);
    expect(model.calls).toHaveLength(3);
  });

  it('does not call different arguments a doom loop', async () => {
    const { tool } = makeLookupTool();
    const model = new ScriptedModel([
      { toolCalls: [toolCall('lookup_order', { id: 'A1' })] },
      { toolCalls: [toolCall('lookup_order', { id: 'A1' })] },
      { toolCalls: [toolCall('lookup_order', { id: 'A2' })] },
      'done',
    ]);
    expect((await new Agent({ model, tools: [tool] }).chat('x')).stopReason).toBe('answer');
  });

  it('stops at maxIterations with a clear reason and text', async () => {
    const { tool } = makeLookupTool();
    const model = new ScriptedModel(Array.from({ length: 10 }, (_, index) => ({ toolCalls: [toolCall('lookup_order', { id: `A${index}` })] })));
    const recorder = recordingTransport();
    const result = await new Agent({ model, tools: [tool], maxIterations: 4, transport: recorder.transport }).chat('x');
    expect(result.stopReason).toBe('max-iterations');
    expect(result.iterations).toBe(4);
    expect(model.calls).toHaveLength(4);
    expect(result.toolCalls).toHaveLength(4);
    expect(result.text).toBe('Stopped after 4 model calls without a final answer (maxIterations is 4).');
    expect(recorder.ofType('agent-end')[0]!.data).toMatchObject({ stopReason: 'max-iterations', iterations: 4 });
  });

  it('defaults to 10 iterations and rejects a bad maxIterations', async () => {
    const { tool } = makeLookupTool();
    const model = new ScriptedModel(Array.from({ length: 12 }, (_, index) => ({ toolCalls: [toolCall('lookup_order', { id: `A${index}` })] })));
    expect((await new Agent({ model, tools: [tool] }).chat('x')).iterations).toBe(10);
    expect(() => new Agent({ model, maxIterations: 0 })).toThrow(RangeError);
  });

  it('a model error emits error, then agent-end, then rejects with a ModelCallError', async () => {
    const recorder = recordingTransport();
    const model = new ScriptedModel([new Error('socket hang up')]);
    const agent = new Agent({ model, transport: recorder.transport });
    const failure = await agent.chat('x').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ModelCallError);
    expect((failure as ModelCallError).message).toBe('scripted/scripted-model call failed: socket hang up');
    expect((failure as ModelCallError).cause).toBeInstanceOf(Error);
    const types = recorder.events.map((event) => event.type);
    expect(types.slice(-3)).toEqual(['error', 'turn-end', 'agent-end']);
    expect(recorder.ofType('error')[0]!.data).toMatchObject({ phase: 'model', name: 'ModelCallError' });
    expect(recorder.ofType('agent-end')[0]!.data.stopReason).toBe('error');
    // The agent stays usable after a failed model call.
    expect(agent.closed).toBe(false);
  });

  it('a provider ModelCallError is rethrown as it is, keeping isRetryable and statusCode', async () => {
    const original = new ModelCallError('openai: 429 rate limited', { isRetryable: true, statusCode: 429 });
    const failure = await new Agent({ model: new ScriptedModel([original]) }).chat('x').catch((error: unknown) => error);
    expect(failure).toBe(original);
  });

  it('running out of script is a ModelCallError too', async () => {
    await expect(new Agent({ model: new ScriptedModel([]) }).chat('x')).rejects.toThrow(/script ran out/);
  });
});

describe('conversation', () => {
  it('keeps history across chats, sums usage, and sends tool definitions and temperature', async () => {
    const { tool } = makeLookupTool();
    const model = new ScriptedModel([
      { toolCalls: [toolCall('lookup_order', { id: 'A1' }, 'c1')], usage: { inputTokens: 10, outputTokens: 5 } },
      { content: 'Shipped.', usage: { inputTokens: 20, outputTokens: 7 } },
      'You are welcome.',
    ]);
    const agent = new Agent({ model, tools: new ToolRegistry([tool]), systemPrompt: 'Be brief.', temperature: 0.2 });
    const first = await agent.chat('Where is A1?');
    expect(first.usage).toEqual({ inputTokens: 30, outputTokens: 12 });
    const second = await agent.chat('Thanks');
    expect(second.usage).toEqual({});
    expect(second.toolCalls).toEqual([]);

    const lastRequest = model.calls[2]!;
    expect(lastRequest.temperature).toBe(0.2);
    expect(lastRequest.tools).toEqual([{ name: 'lookup_order', description: 'Look up one order.', parameters: tool.jsonSchema }]);
    expect(lastRequest.messages.map((message) => message.role)).toEqual(['system', 'user', 'assistant', 'tool', 'assistant', 'user']);
    expect(lastRequest.messages[0]).toEqual({ role: 'system', content: 'Be brief.' });
    expect(lastRequest.messages[3]).toMatchObject({ role: 'tool', toolCallId: 'c1', content: '{"id":"A1","status":"shipped"}' });
    expect(agent.messages()).toHaveLength(7);
    expect(Object.isFrozen(agent.messages())).toBe(true);
  });

  it('refuses a second chat while one is running', async () => {
    let release!: () => void;
    const model = new ScriptedModel([() => new Promise<string>((resolve) => (release = () => resolve('ok')))]);
    const agent = new Agent({ model });
    const first = agent.chat('one');
    await expect(agent.chat('two')).rejects.toBeInstanceOf(AgentaoError);
    release();
    expect((await first).text).toBe('ok');
  });

  it('a live ToolRegistry passed in is used as it is', async () => {
    const registry = new ToolRegistry();
    const model = new ScriptedModel([{ toolCalls: [toolCall('lookup_order', { id: 'A1' })] }, 'ok']);
    const agent = new Agent({ model, tools: registry });
    registry.register(makeLookupTool().tool);
    expect((await agent.chat('x')).toolCalls[0]!.status).toBe('ok');
  });
});

describe('events', () => {
  it('follow the contract: schemaVersion 1, ts, matching call ids, usage on model-call-end, JSON-safe data', async () => {
    const { tool } = makeLookupTool();
    const send = makeSendTool();
    const odd = defineTool({
      name: 'odd_result',
      description: 'Returns something JSON cannot hold as is.',
      parameters: z.object({}),
      isReadOnly: true,
      execute: () => ({ big: 10n, when: new Date('2024-01-01T00:00:00Z'), skip: undefined }),
    });
    const model = new ScriptedModel([
      {
        toolCalls: [toolCall('lookup_order', { id: 'A1' }, 'c1'), toolCall('send_reply', { text: 'x', confidence: 1 }, 'c2')],
        usage: { inputTokens: 3, outputTokens: 4 },
      },
      { toolCalls: [toolCall('odd_result', {}, 'c3')] },
      { content: 'done', usage: { inputTokens: 1 } },
    ]);
    const recorder = recordingTransport();
    const agent = new Agent({ model, tools: [tool, send.tool, odd], transport: recorder.transport, agentId: 'agent-test' });
    await agent.chat('x');

    for (const event of recorder.events) {
      expect(event.schemaVersion).toBe(EVENT_SCHEMA_VERSION);
      expect(event.schemaVersion).toBe(1);
      expect(new Date(event.ts).toISOString()).toBe(event.ts);
      expect(event.data.agentId).toBe('agent-test');
      expect(JSON.parse(JSON.stringify(event))).toEqual(event);
    }
    expect(recorder.events.map((event) => event.type)).toEqual([
      'agent-start',
      'turn-start',
      'model-call-start',
      'model-call-end',
      'tool-call-start',
      'permission-decision',
      'tool-call-end',
      'tool-call-start',
      'permission-decision',
      'tool-call-end',
      'turn-end',
      'turn-start',
      'model-call-start',
      'model-call-end',
      'tool-call-start',
      'permission-decision',
      'tool-call-end',
      'turn-end',
      'turn-start',
      'model-call-start',
      'model-call-end',
      'turn-end',
      'agent-end',
    ]);
    const ids = (type: 'tool-call-start' | 'tool-call-end' | 'permission-decision') =>
      recorder.ofType(type).map((event) => event.data.callId);
    expect(ids('tool-call-start')).toEqual(['c1', 'c2', 'c3']);
    expect(ids('tool-call-end')).toEqual(['c1', 'c2', 'c3']);
    expect(ids('permission-decision')).toEqual(['c1', 'c2', 'c3']);
    expect(recorder.ofType('tool-call-end').map((event) => event.data.status)).toEqual(['ok', 'denied', 'ok']);
    expect(recorder.ofType('tool-call-end').every((event) => typeof event.data.durationMs === 'number' && event.data.durationMs >= 0)).toBe(true);
    expect(recorder.ofType('tool-call-end')[2]!.data.result).toEqual({ big: '10', when: '2024-01-01T00:00:00.000Z' });
    const modelEnds = recorder.ofType('model-call-end');
    expect(modelEnds[0]!.data.usage).toEqual({ inputTokens: 3, outputTokens: 4 });
    expect(modelEnds[0]!.data.toolCalls.map((call) => call.id)).toEqual(['c1', 'c2']);
    expect(modelEnds[1]!.data.usage).toBeUndefined();
    expect(modelEnds[2]!.data).toMatchObject({ usage: { inputTokens: 1 }, finishReason: 'stop', content: 'done' });
    expect(recorder.ofType('agent-end')[0]!.data.usage).toEqual({ inputTokens: 4, outputTokens: 4 });
    expect(recorder.ofType('agent-start')[0]!.data).toMatchObject({
      provider: 'scripted',
      modelId: 'scripted-model',
      tools: ['lookup_order', 'send_reply', 'odd_result'],
    });
  });

  it('reads a tool result once: the model and the tool-call-end event get the same serialisation', async () => {
    let reads = 0;
    const counted = defineTool({
      name: 'counted',
      description: 'A result that changes each time it is serialised.',
      parameters: z.object({}),
      isReadOnly: true,
      execute: () => ({ toJSON: () => ({ read: ++reads }) }),
    });
    const words = defineTool({ name: 'words', description: 'Text.', parameters: z.object({}), isReadOnly: true, execute: () => 'plain "text"' });
    const nothing = defineTool({ name: 'nothing', description: 'Nothing.', parameters: z.object({}), isReadOnly: true, execute: () => undefined });
    const model = new ScriptedModel([
      { toolCalls: [toolCall('counted', {}, 'c1'), toolCall('words', {}, 'c2'), toolCall('nothing', {}, 'c3')] },
      'done',
    ]);
    const recorder = recordingTransport();
    await new Agent({ model, tools: [counted, words, nothing], transport: recorder.transport }).chat('x');
    expect(reads).toBe(1);
    expect(toolMessagesOf(model.calls[1]).map((message) => message.content)).toEqual(['{"read":1}', 'plain "text"', 'null']);
    expect(recorder.ofType('tool-call-end').map((event) => event.data.result)).toEqual([{ read: 1 }, 'plain "text"', null]);
  });

  it('agent-start once per agent, agent-end on every chat', async () => {
    const recorder = recordingTransport();
    const agent = new Agent({ model: new ScriptedModel(['a', 'b']), transport: recorder.transport });
    await agent.chat('1');
    await agent.chat('2');
    expect(recorder.ofType('agent-start')).toHaveLength(1);
    expect(recorder.ofType('agent-end')).toHaveLength(2);
  });

  it('a throwing onEvent is reported once and the run completes', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const received: AgentEvent[] = [];
    const transport = new SdkTransport({
      onEvent: (event) => {
        received.push(event);
        throw new Error('dashboard down');
      },
    });
    const { tool, execute } = makeLookupTool();
    const model = new ScriptedModel([{ toolCalls: [toolCall('lookup_order', { id: 'A1' })] }, 'all good']);
    const result = await new Agent({ model, tools: [tool], transport }).chat('x');

    expect(result).toMatchObject({ stopReason: 'answer', text: 'all good' });
    expect(execute).toHaveBeenCalledOnce();
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]![0])).toMatch(/onEvent handler failed.*dashboard down/);
    expect(transport.handlerFailures).toBe(received.length);
    // No `error` event about its own failure was sent back to the broken handler.
    expect(received.filter((event) => event.type === 'error')).toEqual([]);
    expect(received.map((event) => event.type).at(-1)).toBe('agent-end');
  });

  it('a transport whose emit throws (not an SdkTransport) never breaks the run either', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const transport = {
      emit: () => {
        throw new Error('broken pipe');
      },
    };
    const result = await new Agent({ model: new ScriptedModel(['fine']), transport }).chat('x');
    expect(result.text).toBe('fine');
    expect(warn).toHaveBeenCalledOnce();
  });
});

describe('construction', () => {
  it('duplicate tool names in the array throw', () => {
    const { tool } = makeLookupTool();
    expect(() => new Agent({ model: new ScriptedModel([]), tools: [tool, tool] })).toThrow(/already registered/);
  });

  it('defaults: an id, a read-only engine', () => {
    const agent = new Agent({ model: new ScriptedModel([]) });
    expect(agent.id).toMatch(/^agent-/);
    expect(agent.permissionEngine).toBeInstanceOf(PermissionEngine);
    expect(agent.permissionEngine.mode).toBe('read-only');
  });
});
