/**
 * The runtime honours the permission engine on every tool call. The first test is the regression
 * for the Python original's bug: a confidence gate that overrides decide() must stop a send at 0.3.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  Agent,
  hashToolArgs,
  NullTransport,
  PermissionEngine,
  ScriptedModel,
  toolCall,
  type ConfirmationRequest,
  type PermissionDecision,
  type PermissionRequest,
} from '../../src/agentao/index.js';
import { makeLookupTool, makeSendTool, recordingTransport, toolMessagesOf } from './support/fixtures.js';

class ConfidenceGate extends PermissionEngine {
  readonly seen: PermissionRequest[] = [];

  override async decide(toolName: string, args: unknown, request?: PermissionRequest): Promise<PermissionDecision> {
    if (request) this.seen.push(request);
    if (toolName === 'send_reply') {
      const confidence = (args as { confidence: number }).confidence;
      if (confidence < 0.9) return { action: 'deny', reason: `confidence ${confidence} is below 0.9` };
      return { action: 'allow', reason: `confidence ${confidence} passes` };
    }
    return super.decide(toolName, args, request);
  }
}

function sendScript(confidence: number) {
  return new ScriptedModel([{ toolCalls: [toolCall('send_reply', { text: 'Hello', confidence }, 'call_send')] }, 'done']);
}

describe('a PermissionEngine subclass decides every tool call', () => {
  it('a denying decide() stops the tool: execute never runs and the model reads the denial as the tool result', async () => {
    const { tool, execute } = makeSendTool();
    const model = sendScript(0.3);
    const recorder = recordingTransport(() => true);
    // full-access and an approving confirmer: only the override can stop this send.
    const gate = new ConfidenceGate({ mode: 'full-access' });
    const agent = new Agent({ model, tools: [tool], permissionEngine: gate, transport: recorder.transport });

    const result = await agent.chat('reply to the customer');

    expect(execute).not.toHaveBeenCalled();
    expect(result.stopReason).toBe('answer');
    expect(result.toolCalls).toEqual([
      expect.objectContaining({ callId: 'call_send', status: 'denied', permission: 'deny', outcome: 'deny' }),
    ]);
    const [toolMessage] = toolMessagesOf(model.calls[1]);
    expect(toolMessage).toMatchObject({ toolCallId: 'call_send', isError: true });
    expect(toolMessage!.content).toBe('Permission denied: confidence 0.3 is below 0.9');
    expect(recorder.ofType('permission-decision')[0]!.data).toMatchObject({ decision: 'deny', outcome: 'deny', source: 'decide' });
    expect(gate.seen[0]).toMatchObject({ toolName: 'send_reply', callId: 'call_send', agentId: agent.id, tool });
  });

  it('an allowing decide() lets a non-read-only tool run in read-only mode', async () => {
    const { tool, execute } = makeSendTool();
    const agent = new Agent({ model: sendScript(0.95), tools: [tool], permissionEngine: new ConfidenceGate({ mode: 'read-only' }) });

    const result = await agent.chat('reply');

    expect(execute).toHaveBeenCalledOnce();
    expect(execute.mock.calls[0]![0]).toEqual({ text: 'Hello', confidence: 0.95 });
    expect(result.toolCalls[0]).toMatchObject({ status: 'ok', permission: 'allow', outcome: 'allow', result: { sent: true } });
  });

  it('a synchronous override is honoured too', async () => {
    class DenyAll extends PermissionEngine {
      override decide(): PermissionDecision {
        return { action: 'deny', reason: 'nothing today' };
      }
    }
    const { tool, execute } = makeLookupTool();
    const model = new ScriptedModel([{ toolCalls: [toolCall('lookup_order', { id: 'A1' })] }, 'ok']);
    await new Agent({ model, tools: [tool], permissionEngine: new DenyAll({ mode: 'full-access' }) }).chat('x');
    expect(execute).not.toHaveBeenCalled();
    expect(toolMessagesOf(model.calls[1])[0]!.content).toBe('Permission denied: nothing today');
  });

  it("a denial's details reach the tool message as structured data; its text is unchanged", async () => {
    class DenyWithDetails extends PermissionEngine {
      override decide(toolName: string): PermissionDecision {
        if (toolName === 'send_reply') return { action: 'deny', reason: 'not today', details: { tags: ['refund'] } };
        return { action: 'deny', reason: 'no details here', details: ['not', 'an', 'object'] as unknown as Record<string, unknown> };
      }
    }
    const send = makeSendTool();
    const lookup = makeLookupTool();
    const model = new ScriptedModel([
      { toolCalls: [toolCall('send_reply', { text: 'Hello', confidence: 0.95 }), toolCall('lookup_order', { id: 'A1' })] },
      'ok',
    ]);
    await new Agent({ model, tools: [send.tool, lookup.tool], permissionEngine: new DenyWithDetails() }).chat('x');
    const [sendMessage, lookupMessage] = toolMessagesOf(model.calls[1]);
    expect(sendMessage).toMatchObject({ content: 'Permission denied: not today', isError: true, details: { tags: ['refund'] } });
    // An override may return anything at run time: only a plain object is passed on.
    expect(lookupMessage!.content).toBe('Permission denied: no details here');
    expect(lookupMessage).not.toHaveProperty('details');
  });

  it('a throwing decide() or a malformed decision denies (fail closed)', async () => {
    class Broken extends PermissionEngine {
      calls = 0;
      override decide(): PermissionDecision {
        this.calls += 1;
        if (this.calls === 1) throw new Error('policy store offline');
        return { action: 'yes' } as unknown as PermissionDecision;
      }
    }
    const { tool, execute } = makeLookupTool();
    const model = new ScriptedModel([
      { toolCalls: [toolCall('lookup_order', { id: 'A1' }), toolCall('lookup_order', { id: 'A2' })] },
      'ok',
    ]);
    const result = await new Agent({ model, tools: [tool], permissionEngine: new Broken({ mode: 'full-access' }) }).chat('x');
    expect(execute).not.toHaveBeenCalled();
    expect(result.toolCalls.map((call) => call.status)).toEqual(['denied', 'denied']);
    const [first, second] = toolMessagesOf(model.calls[1]);
    expect(first!.content).toBe('Permission denied: the permission engine failed: policy store offline');
    expect(second!.content).toBe('Permission denied: the permission engine returned an invalid decision');
  });
});

describe('modes and confirmation through the agent', () => {
  it('read-only mode (the default) blocks a non-read-only tool and allows a read-only one', async () => {
    const send = makeSendTool();
    const lookup = makeLookupTool();
    const model = new ScriptedModel([
      { toolCalls: [toolCall('lookup_order', { id: 'A1' }), toolCall('send_reply', { text: 'Hi', confidence: 1 })] },
      'done',
    ]);
    const recorder = recordingTransport();
    const result = await new Agent({ model, tools: [lookup.tool, send.tool], transport: recorder.transport }).chat('x');

    expect(lookup.execute).toHaveBeenCalledOnce();
    expect(send.execute).not.toHaveBeenCalled();
    expect(result.toolCalls.map((call) => [call.status, call.permission])).toEqual([
      ['ok', 'allow'],
      ['denied', 'deny'],
    ]);
    expect(recorder.ofType('permission-decision').map((event) => event.data.source)).toEqual(['mode', 'mode']);
    expect(toolMessagesOf(model.calls[1])[1]!.content).toMatch(/^Permission denied: tool "send_reply" is not read-only/);
  });

  it('ask without a confirmer denies: a headless run never auto-approves', async () => {
    for (const transport of [new NullTransport(), recordingTransport().transport]) {
      const { tool, execute } = makeSendTool({ requiresConfirmation: true });
      const model = sendScript(1);
      const result = await new Agent({
        model,
        tools: [tool],
        permissionEngine: new PermissionEngine({ mode: 'workspace-write' }),
        transport,
      }).chat('x');
      expect(execute).not.toHaveBeenCalled();
      expect(result.toolCalls[0]).toMatchObject({ status: 'denied', permission: 'ask', outcome: 'deny' });
      expect(toolMessagesOf(model.calls[1])[0]!.content).toMatch(/^Permission denied: .*no confirmer is attached/);
    }
  });

  it('a confirmer answering true runs the tool, and it receives the call id and the args hash', async () => {
    const { tool, execute } = makeSendTool({ requiresConfirmation: true });
    const requests: ConfirmationRequest[] = [];
    const recorder = recordingTransport((request) => {
      requests.push(request);
      return true;
    });
    const agent = new Agent({
      model: sendScript(0.5),
      tools: [tool],
      permissionEngine: new PermissionEngine({ mode: 'workspace-write' }),
      transport: recorder.transport,
    });
    const result = await agent.chat('x');

    expect(execute).toHaveBeenCalledOnce();
    expect(result.toolCalls[0]).toMatchObject({ status: 'ok', permission: 'ask', outcome: 'allow' });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      agentId: agent.id,
      callId: 'call_send',
      toolName: 'send_reply',
      args: { text: 'Hello', confidence: 0.5 },
      // Key order must not matter for the hash.
      argsHash: hashToolArgs({ confidence: 0.5, text: 'Hello' }),
    });
    expect(requests[0]!.argsHash).toMatch(/^[0-9a-f]{64}$/);
    expect(requests[0]!.reason).toMatch(/requires confirmation/);
    expect(recorder.ofType('permission-decision')[0]!.data).toMatchObject({
      callId: 'call_send',
      decision: 'ask',
      outcome: 'allow',
      source: 'confirm',
    });
  });

  it('a confirmer that throws, rejects, declines or answers a truthy non-boolean denies', async () => {
    const confirmers = [
      () => {
        throw new Error('console unreachable');
      },
      () => Promise.reject(new Error('timeout')),
      () => false,
      () => 'yes' as unknown as boolean,
    ];
    const reasons: string[] = [];
    for (const confirmTool of confirmers) {
      const { tool, execute } = makeSendTool({ requiresConfirmation: true });
      const model = sendScript(1);
      const result = await new Agent({
        model,
        tools: [tool],
        permissionEngine: new PermissionEngine({ mode: 'workspace-write' }),
        transport: recordingTransport(confirmTool).transport,
      }).chat('x');
      expect(execute).not.toHaveBeenCalled();
      expect(result.toolCalls[0]).toMatchObject({ status: 'denied', permission: 'ask', outcome: 'deny' });
      reasons.push(toolMessagesOf(model.calls[1])[0]!.content);
    }
    expect(reasons[0]).toMatch(/the confirmer failed: console unreachable/);
    expect(reasons[1]).toMatch(/the confirmer failed: timeout/);
    expect(reasons[2]).toMatch(/declined by the confirmer/);
    expect(reasons[3]).toMatch(/declined by the confirmer/);
  });

  it('a custom transport whose confirmTool throws synchronously also denies', async () => {
    const { tool, execute } = makeSendTool({ requiresConfirmation: true });
    const transport = {
      emit: vi.fn(),
      confirmTool: (): Promise<boolean> => {
        throw new Error('boom');
      },
    };
    const result = await new Agent({
      model: sendScript(1),
      tools: [tool],
      permissionEngine: new PermissionEngine({ mode: 'workspace-write' }),
      transport,
    }).chat('x');
    expect(execute).not.toHaveBeenCalled();
    expect(result.toolCalls[0]!.outcome).toBe('deny');
  });

  it('the engine sees the validated arguments (defaults applied), not the raw JSON', async () => {
    const { z } = await import('zod');
    const { defineTool } = await import('../../src/agentao/index.js');
    const tool = defineTool({
      name: 'tag',
      description: 'Tag.',
      parameters: z.object({ label: z.string().default('general') }),
      execute: ({ label }) => label,
    });
    const gate = new ConfidenceGate({ mode: 'full-access' });
    const model = new ScriptedModel([{ toolCalls: [toolCall('tag', {})] }, 'ok']);
    await new Agent({ model, tools: [tool], permissionEngine: gate }).chat('x');
    expect(gate.seen[0]!.args).toEqual({ label: 'general' });
  });
});
