/**
 * The tools one agent may call, by name. A name is registered once: silently replacing a tool
 * would change what an audited run could do, so it takes an explicit `replace: true`.
 */
import { ToolRegistryError } from './errors.js';
import type { ToolDefinition } from './models/chat-model.js';
import { toToolDefinition, type Tool } from './tool.js';

export interface RegisterToolOptions {
  /** Replace a tool already registered under the same name instead of throwing. */
  replace?: boolean;
}

export class ToolRegistry {
  readonly #tools = new Map<string, Tool>();

  constructor(tools: Iterable<Tool> = []) {
    for (const tool of tools) this.register(tool);
  }

  register(tool: Tool, options: RegisterToolOptions = {}): this {
    if (tool === null || typeof tool !== 'object' || typeof tool.name !== 'string' || typeof tool.execute !== 'function') {
      throw new ToolRegistryError('Only tools made with defineTool() can be registered.');
    }
    if (this.#tools.has(tool.name) && options.replace !== true) {
      throw new ToolRegistryError(
        `A tool named "${tool.name}" is already registered; pass { replace: true } to replace it.`,
      );
    }
    this.#tools.set(tool.name, tool);
    return this;
  }

  unregister(name: string): boolean {
    return this.#tools.delete(name);
  }

  get(name: string): Tool | undefined {
    return this.#tools.get(name);
  }

  has(name: string): boolean {
    return this.#tools.has(name);
  }

  list(): Tool[] {
    return [...this.#tools.values()];
  }

  names(): string[] {
    return [...this.#tools.keys()];
  }

  definitions(): ToolDefinition[] {
    return this.list().map(toToolDefinition);
  }
}
