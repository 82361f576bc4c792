import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { Agent, ApprovalLedger, defineTool, hashToolArgs, ledgerConfirmer, PermissionEngine, ScriptedModel, SdkTransport, toolCall } from '../../src/agentao/index.js';

function refundTool(execute: (args: { order_id: string; amount: number }) => unknown) {
  return defineTool({
    name: 'issue_refund',
    description: 'Refund an order',
    parameters: z.object({ order_id: z.string(), amount: z.number() }),
    requiresConfirmation: true,
    execute,
  });
}

describe('approvals bound to one call', () => {
  it('a grant approves exactly its call id and argument hash, once', () => {
    const ledger = new ApprovalLedger();
    const argsHash = hashToolArgs({ order_id: 'A1', amount: 10 });
    ledger.grant({ callId: 'c1', argsHash, approver: 'sam' });
    expect(ledger.consume({ callId: 'c2', argsHash })).toEqual({ approved: false, reason: 'no-approval' });
    expect(ledger.consume({ callId: 'c1', argsHash: hashToolArgs({ order_id: 'A1', amount: 999 }) })).toEqual({ approved: false, reason: 'arguments-changed' });
    expect(ledger.consume({ callId: 'c1', argsHash }).approved).toBe(true);
    expect(ledger.consume({ callId: 'c1', argsHash })).toEqual({ approved: false, reason: 'already-used' });
    expect(() => ledger.grant({ callId: 'c1', argsHash, approver: 'sam' })).toThrow(/already approved/);
  });

  it('in a run, an approval for one call cannot be reused for another call with other arguments', async () => {
    const ledger = new ApprovalLedger();
    const executed = vi.fn((args: { order_id: string; amount: number }) => ({ ok: true, ...args }));
    const model = new ScriptedModel([
      { toolCalls: [toolCall('issue_refund', { order_id: 'A1', amount: 10 }, 'call-1')] },
      { toolCalls: [toolCall('issue_refund', { order_id: 'A1', amount: 500 }, 'call-2')] },
      'done',
    ]);
    const agent = new Agent({
      model,
      tools: [refundTool(executed)],
      permissionEngine: new PermissionEngine({ mode: 'workspace-write' }),
      transport: new SdkTransport({
        confirmTool: ledgerConfirmer(ledger, {
          // A person approves the first question only, for exactly what it showed them.
          requestApproval: (request) => {
            if (request.callId === 'call-1') ledger.grant({ callId: request.callId, argsHash: request.argsHash, approver: 'sam' });
          },
        }),
      }),
    });
    const result = await agent.chat('refund please');
    await agent.close();
    expect(executed).toHaveBeenCalledTimes(1);
    expect(executed.mock.calls[0]?.[0]).toEqual({ order_id: 'A1', amount: 10 });
    expect(result.toolCalls.map((call) => [call.callId, call.outcome])).toEqual([
      ['call-1', 'allow'],
      ['call-2', 'deny'],
    ]);
  });
});
