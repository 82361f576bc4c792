import { describe, expect, it } from 'vitest';
import {
  PermissionEngine,
  permissionDecisionSource,
  type PermissionDecision,
  type PermissionRequest,
  type Tool,
} from '../../src/agentao/index.js';
import { makeLookupTool, makeSendTool } from './support/fixtures.js';

function requestFor(tool: Tool | undefined, toolName = tool?.name ?? 'unknown', args: unknown = {}): PermissionRequest {
  return { toolName, args, tool, callId: 'call_1', agentId: 'agent_1' };
}

async function decide(engine: PermissionEngine, tool: Tool | undefined, args: unknown = {}, toolName?: string): Promise<PermissionDecision> {
  const name = toolName ?? tool?.name ?? 'unknown';
  return engine.decide(name, args, requestFor(tool, name, args));
}

describe('PermissionEngine modes', () => {
  const lookup = makeLookupTool().tool;
  const send = makeSendTool().tool;
  const confirmedSend = makeSendTool({ requiresConfirmation: true }).tool;

  it('defaults to read-only: allows read-only tools, denies the others', async () => {
    const engine = new PermissionEngine();
    expect(engine.mode).toBe('read-only');
    expect((await decide(engine, lookup)).action).toBe('allow');
    const denied = await decide(engine, send);
    expect(denied.action).toBe('deny');
    expect(denied.reason).toContain('read-only');
  });

  it('workspace-write allows, but asks for tools that require confirmation', async () => {
    const engine = new PermissionEngine({ mode: 'workspace-write' });
    expect((await decide(engine, send)).action).toBe('allow');
    expect((await decide(engine, confirmedSend)).action).toBe('ask');
  });

  it('full-access allows everything, confirmation-requiring tools included', async () => {
    const engine = new PermissionEngine({ mode: 'full-access' });
    expect((await decide(engine, confirmedSend)).action).toBe('allow');
    expect((await decide(engine, undefined, {}, 'mystery')).action).toBe('allow');
  });

  it('asks about a tool it cannot see instead of guessing it is harmless', async () => {
    expect((await decide(new PermissionEngine({ mode: 'workspace-write' }), undefined, {}, 'mystery')).action).toBe('ask');
    expect((await new PermissionEngine({ mode: 'read-only' }).decide('mystery', {})).action).toBe('ask');
  });

  it('rejects an unknown mode', () => {
    expect(() => new PermissionEngine({ mode: 'yolo' as never })).toThrow(/Unknown permission mode/);
  });
});

describe('PermissionEngine rules', () => {
  const send = makeSendTool().tool;
  const lookup = makeLookupTool().tool;

  it('first matching rule wins, before the mode default', async () => {
    const engine = new PermissionEngine({
      mode: 'full-access',
      rules: [
        { tool: 'send_reply', action: 'deny', reason: 'first' },
        { tool: 'send_reply', action: 'allow', reason: 'second' },
      ],
    });
    expect(await decide(engine, send, { text: 'hi', confidence: 1 })).toEqual({ action: 'deny', reason: 'first' });
  });

  it('string tool patterns are anchored regexes; RegExp patterns are used as given', async () => {
    const engine = new PermissionEngine({
      mode: 'read-only',
      rules: [
        { tool: 'send', action: 'allow', reason: 'partial name must not match' },
        { tool: 'send_.*|draft_.*', action: 'ask', reason: 'alternation is anchored as a whole' },
      ],
    });
    expect(await decide(engine, send)).toEqual({ action: 'ask', reason: 'alternation is anchored as a whole' });
    expect((await decide(engine, undefined, {}, 'xsend_reply')).reason).not.toBe('alternation is anchored as a whole');
    const byRegExp = new PermissionEngine({ rules: [{ tool: /reply/g, action: 'deny', reason: 'regexp' }] });
    // A global regex would alternate true/false between calls if its lastIndex were kept.
    for (let index = 0; index < 3; index += 1) {
      expect((await decide(byRegExp, send)).reason).toBe('regexp');
    }
  });

  it('argument patterns match String(value) of top-level arguments in full; a missing argument never matches', async () => {
    const engine = new PermissionEngine({
      mode: 'read-only',
      rules: [
        { tool: 'send_reply', args: { confidence: '0\\.9\\d*|1' }, action: 'allow', reason: 'high confidence' },
        { tool: 'send_reply', args: { text: /refund/i }, action: 'deny', reason: 'mentions refunds' },
        { tool: 'lookup_order', args: { id: 'A\\d+' }, action: 'allow', reason: 'A orders' },
        { tool: '.*', action: 'deny', reason: 'fallback' },
      ],
    });
    expect((await decide(engine, send, { text: 'Hello', confidence: 0.95 })).reason).toBe('high confidence');
    expect((await decide(engine, send, { text: 'Hello', confidence: 1 })).reason).toBe('high confidence');
    expect((await decide(engine, send, { text: 'Hello', confidence: 0.5 })).reason).toBe('fallback');
    expect((await decide(engine, send, { text: 'Your REFUND is coming', confidence: 0.3 })).reason).toBe('mentions refunds');
    expect((await decide(engine, send, { text: 'no confidence given' })).reason).toBe('fallback');
    expect((await decide(engine, lookup, { id: 'A1001' })).reason).toBe('A orders');
    expect((await decide(engine, lookup, { id: 'XA1001' })).reason).toBe('fallback');
    expect((await decide(engine, lookup, 'not an object')).reason).toBe('fallback');
  });

  it('a rule without a reason gets a descriptive one', async () => {
    const engine = new PermissionEngine({ rules: [{ tool: 'send_reply', action: 'ask' }] });
    expect((await decide(engine, send)).reason).toMatch(/rule 1 \(send_reply\) says ask/);
  });

  it('an invalid pattern or action fails at construction', () => {
    expect(() => new PermissionEngine({ rules: [{ tool: '(', action: 'allow' }] })).toThrow(/rule 1 has an invalid pattern/);
    expect(() => new PermissionEngine({ rules: [{ tool: 'x', args: { a: '[' }, action: 'allow' }] })).toThrow(/invalid pattern/);
    expect(() => new PermissionEngine({ rules: [{ tool: 'x', action: 'maybe' as never }] })).toThrow(/unknown action/);
  });
});

describe('permissionDecisionSource', () => {
  const send = makeSendTool().tool;

  it('tells rule, mode and an override apart', async () => {
    const engine = new PermissionEngine({ rules: [{ tool: 'lookup_order', action: 'allow' }] });
    expect(permissionDecisionSource(await decide(engine, makeLookupTool().tool))).toBe('rule');
    expect(permissionDecisionSource(await decide(engine, send))).toBe('mode');

    class Override extends PermissionEngine {
      override decide(toolName: string, args: unknown, request?: PermissionRequest) {
        if (toolName === 'send_reply') return { action: 'deny' as const, reason: 'override' };
        return super.decide(toolName, args, request);
      }
    }
    const override = new Override({ rules: [{ tool: 'lookup_order', action: 'allow' }] });
    expect(permissionDecisionSource(await decide(override, send))).toBe('decide');
    expect(permissionDecisionSource(await decide(override, makeLookupTool().tool))).toBe('rule');
  });

  it('a subclass overriding decideByMode only is still honoured by the default decide()', async () => {
    class AlwaysAsk extends PermissionEngine {
      protected override decideByMode(): PermissionDecision {
        return { action: 'ask', reason: 'custom mode' };
      }
    }
    const decision = await decide(new AlwaysAsk({ mode: 'full-access' }), send);
    expect(decision).toEqual({ action: 'ask', reason: 'custom mode' });
    expect(permissionDecisionSource(decision)).toBe('mode');
  });
});
