/**
 * A chat model that replays a script: for tests and demos of the loop without any network. Every
 * request is recorded so a test can check what the model was shown.
 */
import { ModelCallError } from '../errors.js';
import type { ChatModel, ChatRequest, ChatResponse, ModelToolCall, TokenUsage, UnifiedFinishReason } from './chat-model.js';

/** A response with every field optional; a plain string is an answer with that text. */
export type ScriptedResponse =
  | string
  | {
      content?: string;
      toolCalls?: ModelToolCall[];
      usage?: TokenUsage;
      finishReason?: UnifiedFinishReason | { unified: UnifiedFinishReason; raw?: string };
      warnings?: string[];
    };

/** One step of the script: a response, an error to throw, or a function of the request. */
export type ScriptedStep =
  | ScriptedResponse
  | Error
  | ((request: ChatRequest, callIndex: number) => ScriptedResponse | Promise<ScriptedResponse>);

export interface ScriptedModelOptions {
  modelId?: string;
  provider?: string;
}

export class ScriptedModel implements ChatModel {
  readonly provider: string;
  readonly modelId: string;
  /** Every request, in order, with a copy of its messages as they were at the call. */
  readonly calls: ChatRequest[] = [];
  closeCount = 0;
  readonly #steps: ScriptedStep[];

  constructor(steps: ScriptedStep[], options: ScriptedModelOptions = {}) {
    this.#steps = [...steps];
    this.provider = options.provider ?? 'scripted';
    this.modelId = options.modelId ?? 'scripted-model';
  }

  /** Steps not replayed yet. */
  get remaining(): number {
    return this.#steps.length - this.calls.length;
  }

  get closed(): boolean {
    return this.closeCount > 0;
  }

  async generate(request: ChatRequest): Promise<ChatResponse> {
    const callIndex = this.calls.length;
    this.calls.push({ ...request, messages: request.messages.map((message) => ({ ...message })), tools: [...request.tools] });
    if (callIndex >= this.#steps.length) {
      throw new ModelCallError(`ScriptedModel: the script ran out after ${this.#steps.length} responses (call ${callIndex + 1}).`);
    }
    const step = this.#steps[callIndex]!;
    if (step instanceof Error) throw step;
    const response = typeof step === 'function' ? await step(request, callIndex) : step;
    return toChatResponse(response);
  }

  async close(): Promise<void> {
    this.closeCount += 1;
  }
}

let nextCallNumber = 1;

/** A tool call as a model would send it; a string `args` is used verbatim (e.g. broken JSON). */
export function toolCall(name: string, args: unknown = {}, id?: string): ModelToolCall {
  return {
    id: id ?? `call_scripted_${nextCallNumber++}`,
    name,
    arguments: typeof args === 'string' ? args : JSON.stringify(args),
  };
}

function toChatResponse(response: ScriptedResponse): ChatResponse {
  if (typeof response === 'string') {
    return { content: response, toolCalls: [], finishReason: { unified: 'stop' }, warnings: [] };
  }
  const toolCalls = response.toolCalls ?? [];
  const finishReason =
    typeof response.finishReason === 'string'
      ? { unified: response.finishReason }
      : (response.finishReason ?? { unified: toolCalls.length > 0 ? 'tool-calls' : 'stop' });
  return {
    content: response.content ?? '',
    toolCalls,
    ...(response.usage ? { usage: response.usage } : {}),
    finishReason,
    warnings: response.warnings ?? [],
  };
}
