import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { canonicalJson, createEvent, hashToolArgs, NullTransport, SdkTransport } from '../../src/agentao/index.js';

afterEach(() => {
  vi.restoreAllMocks();
});

const event = () => createEvent('turn-start', { agentId: 'a', turn: 1 });

describe('canonicalJson and hashToolArgs', () => {
  it('sorts keys at every depth and drops undefined like JSON', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: undefined }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"z":1}]},"b":1}');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson([undefined, Number.NaN, 10n])).toBe('[null,null,"10"]');
    expect(canonicalJson(new Date('2024-01-01T00:00:00Z'))).toBe('"2024-01-01T00:00:00.000Z"');
  });

  it('rejects circular structures', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => canonicalJson(loop)).toThrow(/circular/);
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });

  it('hashes the canonical text with sha256, independent of key order', () => {
    const expected = createHash('sha256').update('{"confidence":0.5,"text":"Hi"}').digest('hex');
    expect(hashToolArgs({ text: 'Hi', confidence: 0.5 })).toBe(expected);
    expect(hashToolArgs({ confidence: 0.5, text: 'Hi' })).toBe(expected);
    expect(hashToolArgs({ confidence: 0.6, text: 'Hi' })).not.toBe(expected);
  });
});

describe('SdkTransport', () => {
  it('delivers events to onEvent', () => {
    const onEvent = vi.fn();
    const transport = new SdkTransport({ onEvent });
    const sent = event();
    transport.emit(sent);
    expect(onEvent).toHaveBeenCalledWith(sent);
  });

  it('reports a throwing handler once, keeps delivering, and never throws', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const onEvent = vi.fn(() => {
      throw new Error('nope');
    });
    const transport = new SdkTransport({ onEvent });
    expect(() => {
      transport.emit(event());
      transport.emit(event());
      transport.emit(event());
    }).not.toThrow();
    expect(onEvent).toHaveBeenCalledTimes(3);
    expect(transport.handlerFailures).toBe(3);
    expect(warn).toHaveBeenCalledOnce();
  });

  it('reports a rejecting async handler once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    let rejections = 0;
    const settled: Promise<void>[] = [];
    const transport = new SdkTransport({
      onEvent: () => {
        rejections += 1;
        const promise = Promise.reject(new Error('async nope'));
        settled.push(promise.catch(() => {}));
        return promise;
      },
    });
    transport.emit(event());
    transport.emit(event());
    await Promise.all(settled);
    // The transport's own rejection handler runs after ours; one more turn of the queue.
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(rejections).toBe(2);
    expect(transport.handlerFailures).toBe(2);
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]![0])).toContain('async nope');
  });

  it('has a confirmTool only when one was given, and only a real true approves', async () => {
    expect(new SdkTransport().confirmTool).toBeUndefined();
    expect(new NullTransport()).not.toHaveProperty('confirmTool');
    const request = { agentId: 'a', callId: 'c', toolName: 't', args: {}, argsHash: hashToolArgs({}), reason: 'r' };
    expect(await new SdkTransport({ confirmTool: () => true }).confirmTool!(request)).toBe(true);
    expect(await new SdkTransport({ confirmTool: async () => 1 as unknown as boolean }).confirmTool!(request)).toBe(false);
  });
});
