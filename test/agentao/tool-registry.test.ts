import { describe, expect, it } from 'vitest';
import { ToolRegistry, ToolRegistryError } from '../../src/agentao/index.js';
import { makeLookupTool, makeSendTool } from './support/fixtures.js';

describe('ToolRegistry', () => {
  it('registers, lists, looks up and unregisters tools', () => {
    const lookup = makeLookupTool().tool;
    const send = makeSendTool().tool;
    const registry = new ToolRegistry().register(lookup).register(send);
    expect(registry.has('lookup_order')).toBe(true);
    expect(registry.get('send_reply')).toBe(send);
    expect(registry.get('missing')).toBeUndefined();
    expect(registry.list()).toEqual([lookup, send]);
    expect(registry.definitions()).toEqual([
      { name: 'lookup_order', description: 'Look up one order.', parameters: lookup.jsonSchema },
      { name: 'send_reply', description: 'Send a reply to the customer.', parameters: send.jsonSchema },
    ]);
    expect(registry.definitions()[0]!.parameters).toMatchObject({ type: 'object', required: ['id'] });
    expect(registry.unregister('lookup_order')).toBe(true);
    expect(registry.unregister('lookup_order')).toBe(false);
    expect(registry.names()).toEqual(['send_reply']);
  });

  it('throws ToolRegistryError on a duplicate name unless replace is true', () => {
    const first = makeLookupTool().tool;
    const second = makeLookupTool().tool;
    const registry = new ToolRegistry([first]);
    expect(() => registry.register(second)).toThrow(ToolRegistryError);
    expect(() => registry.register(second)).toThrow(/already registered.*replace: true/);
    expect(registry.get('lookup_order')).toBe(first);
    registry.register(second, { replace: true });
    expect(registry.get('lookup_order')).toBe(second);
  });

  it('refuses something that is not a tool', () => {
    expect(() => new ToolRegistry().register({ name: 'x' } as never)).toThrow(ToolRegistryError);
  });
});
