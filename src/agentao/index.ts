/** The public API of the agentao runtime. */
export { Agent } from './agent.js';
export type { AgentOptions, ChatOptions, ChatResult, ToolCallRecord } from './agent.js';

export { AgentaoError, AgentClosedError, ModelCallError, SkillNotFoundError, ToolRegistryError } from './errors.js';
export type { AgentaoErrorOptions, ModelCallErrorOptions } from './errors.js';

export { createEvent, EVENT_SCHEMA_VERSION } from './events.js';
export type {
  AgentEvent,
  AgentEventDataMap,
  AgentEventType,
  PermissionAction,
  StopReason,
  ToolCallStatus,
} from './events.js';

export { defineTool, toToolDefinition } from './tool.js';
export type { Tool, ToolExecutionContext, ToolSpec } from './tool.js';
export { ToolRegistry } from './tool-registry.js';
export type { RegisterToolOptions } from './tool-registry.js';

export { isPermissionDecision, PermissionEngine, permissionDecisionSource } from './permission-engine.js';
export type {
  DenialDetails,
  PermissionDecision,
  PermissionDecisionSource,
  PermissionEngineOptions,
  PermissionMode,
  PermissionRequest,
  PermissionRule,
} from './permission-engine.js';

export { hashToolArgs, NullTransport, SdkTransport } from './transport.js';
export type { ConfirmationRequest, EventHandler, SdkTransportOptions, ToolConfirmer, Transport } from './transport.js';

export { parseSkillMarkdown, readSkillFile, SKILL_FILE_NAME, SkillFileCache, SkillManager, sharedSkillFileCache } from './skills.js';
export type { Skill, SkillFileCacheOptions, SkillInfo, SkillManagerOptions, SkillProblem } from './skills.js';

export { doomLoopDetected, isDoomLoop, stepCountIs } from './stop-conditions.js';
export type { StopCondition, StopConditionState, ToolCallSignature } from './stop-conditions.js';

export { canonicalJson } from './canonical-json.js';

export type {
  ChatMessage,
  ChatModel,
  ChatRequest,
  ChatResponse,
  JsonSchema,
  ModelToolCall,
  TokenUsage,
  ToolDefinition,
  UnifiedFinishReason,
} from './models/chat-model.js';
export { ScriptedModel, toolCall } from './models/scripted-model.js';
export { ModelTimeBudget, ModelTimeBudgetError } from './models/time-budget.js';
export type { TimeBudgetOptions } from './models/time-budget.js';
export type { ScriptedModelOptions, ScriptedResponse, ScriptedStep } from './models/scripted-model.js';

export { ApprovalLedger, ledgerConfirmer } from './approvals.js';
export type { ApprovalCheck, ApprovalGrant } from './approvals.js';
