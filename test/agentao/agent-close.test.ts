import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  Agent,
  AgentClosedError,
  defineTool,
  PermissionEngine,
  ScriptedModel,
  toolCall,
  type ChatRequest,
  type ToolExecutionContext,
} from '../../src/agentao/index.js';
import { recordingTransport, toolMessagesOf } from './support/fixtures.js';

/** A tool that waits until its signal aborts, announcing when it started. */
function makeWaitingTool(options: { honoursSignal: boolean }) {
  let started!: (context: ToolExecutionContext) => void;
  const startedPromise = new Promise<ToolExecutionContext>((resolve) => (started = resolve));
  const seen: { aborted: boolean }[] = [];
  const tool = defineTool({
    name: 'long_job',
    description: 'Takes a while.',
    parameters: z.object({}),
    isReadOnly: true,
    execute: (_args, context) => {
      started(context);
      return new Promise<string>((resolve) => {
        context.signal.addEventListener('abort', () => {
          seen.push({ aborted: context.signal.aborted });
          if (options.honoursSignal) resolve('stopped early');
        });
      });
    },
  });
  return { tool, started: startedPromise, seen };
}

describe('close()', () => {
  it('aborts an in-flight tool: the tool sees signal.aborted and the chat ends as aborted', async () => {
    const waiting = makeWaitingTool({ honoursSignal: true });
    const model = new ScriptedModel([{ toolCalls: [toolCall('long_job', {}, 'call_long')] }, 'never']);
    const recorder = recordingTransport();
    const agent = new Agent({ model, tools: [waiting.tool], transport: recorder.transport });

    const chat = agent.chat('go');
    const context = await waiting.started;
    expect(context.signal.aborted).toBe(false);
    await agent.close();

    expect(context.signal.aborted).toBe(true);
    expect(waiting.seen).toEqual([{ aborted: true }]);
    const result = await chat;
    expect(result.stopReason).toBe('aborted');
    expect(result.toolCalls[0]).toMatchObject({ callId: 'call_long', status: 'cancelled', outcome: 'allow' });
    expect(model.calls).toHaveLength(1);
    expect(recorder.ofType('tool-call-end')[0]!.data).toMatchObject({ callId: 'call_long', status: 'cancelled' });
    expect(recorder.ofType('agent-end')[0]!.data.stopReason).toBe('aborted');
  });

  it('does not wait for a tool that ignores its signal', async () => {
    const waiting = makeWaitingTool({ honoursSignal: false });
    const model = new ScriptedModel([{ toolCalls: [toolCall('long_job', {})] }]);
    const agent = new Agent({ model, tools: [waiting.tool] });
    const chat = agent.chat('go');
    await waiting.started;
    await agent.close();
    expect((await chat).stopReason).toBe('aborted');
  });

  it('aborts an in-flight model call and closes the model', async () => {
    let requestSeen!: (request: ChatRequest) => void;
    const requested = new Promise<ChatRequest>((resolve) => (requestSeen = resolve));
    const model = new ScriptedModel([
      (request) => {
        requestSeen(request);
        return new Promise<string>(() => {});
      },
    ]);
    const agent = new Agent({ model });
    const chat = agent.chat('go');
    const request = await requested;
    await agent.close();
    expect(request.signal?.aborted).toBe(true);
    expect((await chat).stopReason).toBe('aborted');
    expect(model.closeCount).toBe(1);
  });

  it('leaves the agent refusing new chats and skill activations; close is idempotent', async () => {
    const model = new ScriptedModel(['hello']);
    const agent = new Agent({ model });
    await agent.chat('hi');
    expect(agent.closed).toBe(false);
    await agent.close();
    await agent.close();
    expect(agent.closed).toBe(true);
    expect(model.closeCount).toBe(1);
    await expect(agent.chat('again')).rejects.toBeInstanceOf(AgentClosedError);
    expect(() => agent.activateSkill('anything')).toThrow(AgentClosedError);
  });

  it('closeModel: false leaves a shared model open', async () => {
    const model = new ScriptedModel([]);
    await new Agent({ model, closeModel: false }).close();
    expect(model.closeCount).toBe(0);
  });
});

describe('the chat signal', () => {
  it('aborting it cancels the running tool, answers the remaining calls as cancelled, and keeps the agent usable', async () => {
    const waiting = makeWaitingTool({ honoursSignal: true });
    const model = new ScriptedModel([
      { toolCalls: [toolCall('long_job', {}, 'first'), toolCall('long_job', {}, 'second')] },
      'next chat answer',
    ]);
    const agent = new Agent({ model, tools: [waiting.tool], permissionEngine: new PermissionEngine({ mode: 'full-access' }) });
    const controller = new AbortController();
    const chat = agent.chat('go', { signal: controller.signal });
    const context = await waiting.started;
    controller.abort();
    const result = await chat;

    expect(context.signal.aborted).toBe(true);
    expect(result.stopReason).toBe('aborted');
    expect(result.toolCalls.map((call) => [call.callId, call.status])).toEqual([
      ['first', 'cancelled'],
      ['second', 'cancelled'],
    ]);
    expect(agent.closed).toBe(false);
    const next = await agent.chat('and now?');
    expect(next.text).toBe('next chat answer');
    // Every earlier tool call got a result, so the history stays valid for any provider.
    expect(toolMessagesOf(model.calls[1]).map((message) => message.toolCallId)).toEqual(['first', 'second']);
  });

  it('an already-aborted signal ends the chat before any model call', async () => {
    const model = new ScriptedModel(['unused']);
    const result = await new Agent({ model }).chat('x', { signal: AbortSignal.abort() });
    expect(result.stopReason).toBe('aborted');
    expect(result.iterations).toBe(0);
    expect(model.calls).toHaveLength(0);
  });
});
