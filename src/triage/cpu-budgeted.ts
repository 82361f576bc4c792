/**
 * The agent's parts with the ticket's CPU budget in front: every tool call and every model call is
 * a checkpoint, and the CPU each uses synchronously is counted (cpu-budget.ts).
 */
import type { ChatModel, Tool } from '../agentao/index.js';
import type { CpuBudget } from './cpu-budget.js';

export function cpuBudgetedTools(tools: readonly Tool[], budget: CpuBudget): Tool[] {
  return tools.map((tool) => ({
    ...tool,
    execute: (args, context) => budget.measure(`tool call ${tool.name}`, () => tool.execute(args, context)),
  }));
}

export function cpuBudgetedModel(model: ChatModel, budget: CpuBudget): ChatModel {
  return {
    provider: model.provider,
    modelId: model.modelId,
    generate: (request) => budget.measure('model call', () => model.generate(request)),
  };
}
