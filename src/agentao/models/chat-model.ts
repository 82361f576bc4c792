/**
 * The one interface every chat model implements. Wire formats (OpenAI, Anthropic, ...) stay inside
 * their provider folders; the agent loop only sees these types.
 */

import type { ModelTimeBudget } from './time-budget.js';

export type JsonSchema = Record<string, unknown>;

/** A tool call as the model asked for it. `arguments` is the raw JSON text: it may be invalid. */
export interface ModelToolCall {
  id: string;
  name: string;
  arguments: string;
}

export type ChatMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string; toolCalls?: ModelToolCall[] }
  | {
      role: 'tool';
      toolCallId: string;
      toolName: string;
      content: string;
      isError?: boolean;
      /** A denial's structured details (permission-engine.ts `DenialDetails`); never sent over the wire. */
      details?: Readonly<Record<string, unknown>>;
    };

/** What the model is told about one tool. */
export interface ToolDefinition {
  name: string;
  description: string;
  parameters: JsonSchema;
}

export interface ChatRequest {
  messages: ChatMessage[];
  tools: ToolDefinition[];
  signal?: AbortSignal;
  /** The task's model time (time-budget.ts); HTTP providers fit their attempts and retries into it. */
  budget?: ModelTimeBudget;
  temperature?: number;
  maxOutputTokens?: number;
}

export interface TokenUsage {
  inputTokens?: number;
  outputTokens?: number;
}

export type UnifiedFinishReason = 'stop' | 'tool-calls' | 'length' | 'content-filter' | 'error' | 'other';

export interface ChatResponse {
  content: string;
  toolCalls: ModelToolCall[];
  usage?: TokenUsage;
  finishReason: { unified: UnifiedFinishReason; raw?: string };
  /** Settings the provider could not honour: a warning, never an error. */
  warnings: string[];
}

export interface ChatModel {
  readonly provider: string;
  readonly modelId: string;
  generate(request: ChatRequest): Promise<ChatResponse>;
  /** Releases sockets or other resources; optional. */
  close?(): Promise<void>;
}
