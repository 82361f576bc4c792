/**
 * Typed events of an agent run. Every event is `{type, schemaVersion, ts, data}` so that an audit
 * store can keep them as rows and readers can evolve with `schemaVersion`.
 */
import type { TokenUsage, UnifiedFinishReason } from './models/chat-model.js';

export const EVENT_SCHEMA_VERSION = 1 as const;

export type ToolCallStatus = 'ok' | 'error' | 'denied' | 'cancelled';
export type PermissionAction = 'allow' | 'deny' | 'ask';
export type StopReason = 'answer' | 'max-iterations' | 'doom-loop' | 'aborted' | 'error';

export interface AgentEventDataMap {
  'agent-start': { agentId: string; provider: string; modelId: string; tools: string[]; skills: string[] };
  'agent-end': { agentId: string; stopReason: StopReason; iterations: number; durationMs: number; usage: TokenUsage };
  'turn-start': { agentId: string; turn: number };
  'turn-end': { agentId: string; turn: number; toolCalls: number };
  'model-call-start': { agentId: string; turn: number; messages: number };
  'model-call-end': {
    agentId: string;
    turn: number;
    durationMs: number;
    usage?: TokenUsage;
    finishReason: UnifiedFinishReason;
    content: string;
    toolCalls: { id: string; name: string; arguments: string }[];
  };
  'tool-call-start': { agentId: string; callId: string; toolName: string; args: unknown };
  'tool-call-end': {
    agentId: string;
    callId: string;
    toolName: string;
    status: ToolCallStatus;
    durationMs: number;
    result?: unknown;
    error?: string;
  };
  'permission-decision': {
    agentId: string;
    callId: string;
    toolName: string;
    args: unknown;
    /** What the engine decided. */
    decision: PermissionAction;
    /** What finally happened after an `ask` went to the transport (allow or deny). */
    outcome: 'allow' | 'deny';
    reason: string;
    /** Which step decided: a rule, the mode default, an overriding decide(), the confirmer. */
    source: 'rule' | 'mode' | 'decide' | 'confirm';
  };
  'skill-activation': { agentId: string; name: string; taskDescription?: string; path: string };
  error: { agentId: string; message: string; name?: string; phase: string };
}

export type AgentEventType = keyof AgentEventDataMap;

export type AgentEvent<T extends AgentEventType = AgentEventType> = {
  [K in T]: { type: K; schemaVersion: typeof EVENT_SCHEMA_VERSION; ts: string; data: AgentEventDataMap[K] };
}[T];

export function createEvent<T extends AgentEventType>(type: T, data: AgentEventDataMap[T]): AgentEvent<T> {
  return { type, schemaVersion: EVENT_SCHEMA_VERSION, ts: new Date().toISOString(), data } as AgentEvent<T>;
}
