/**
 * The agent loop: ask the model, run the tool calls it asks for (each through the permission
 * engine), feed the results back, until it answers or a stop condition ends the chat.
 */
import { randomUUID } from 'node:crypto';
import { AgentaoError, AgentClosedError, ModelCallError } from './errors.js';
import { createEvent, type AgentEvent, type StopReason } from './events.js';
import type { ChatMessage, ChatModel, ChatResponse, ModelToolCall, TokenUsage } from './models/chat-model.js';
import { PermissionEngine } from './permission-engine.js';
import type { ModelTimeBudget } from './models/time-budget.js';
import { linkSignals, raceAbort } from './runner/abort.js';
import { callWithinBudget } from './runner/call-within-budget.js';
import { errorMessage } from './runner/json-value.js';
import { runToolCall, type ToolCallRecord } from './runner/run-tool-call.js';
import { SkillManager, type Skill } from './skills.js';
import { isDoomLoop, stepCountIs } from './stop-conditions.js';
import type { Tool } from './tool.js';
import { ToolRegistry } from './tool-registry.js';
import { NullTransport, type Transport } from './transport.js';

export type { ToolCallRecord } from './runner/run-tool-call.js';

export interface AgentOptions {
  model: ChatModel;
  /** An array is copied into a registry of this agent; a registry is used as it is (live). */
  tools?: Tool[] | ToolRegistry;
  /** Defaults to a read-only engine. */
  permissionEngine?: PermissionEngine;
  /** Defaults to a NullTransport: events dropped, every `ask` denied. */
  transport?: Transport;
  /** Skills are (re)read from disk when the agent is constructed. */
  skills?: SkillManager | { directories: string[] };
  systemPrompt?: string;
  /** Model calls per chat. Default 10. */
  maxIterations?: number;
  agentId?: string;
  temperature?: number;
  /** Identical consecutive tool calls that end a chat as a doom loop. Default 3. */
  doomLoopThreshold?: number;
  /** Whether close() also closes the model. Default true; false when the model is shared. */
  closeModel?: boolean;
  /**
   * Total model time this agent may use, over all its chats (models/time-budget.ts). Every model
   * call counts against it; when it runs out the call fails with ModelTimeBudgetError.
   */
  modelTimeBudget?: ModelTimeBudget;
}

export interface ChatOptions {
  signal?: AbortSignal;
}

export interface ChatResult {
  /** The model's answer, or a sentence saying why the chat stopped without one. */
  text: string;
  stopReason: StopReason;
  /** Model calls made in this chat. */
  iterations: number;
  /** Summed over this chat's model calls; a field is absent when the model never reported it. */
  usage: TokenUsage;
  toolCalls: ToolCallRecord[];
}

interface ActiveSkill {
  skill: Skill;
  taskDescription?: string;
}

const DEFAULT_MAX_ITERATIONS = 10;
const DEFAULT_DOOM_LOOP_THRESHOLD = 3;
const ABORTED_TEXT = 'The chat was aborted before the model gave a final answer.';

export class Agent {
  readonly id: string;
  readonly model: ChatModel;
  readonly tools: ToolRegistry;
  readonly permissionEngine: PermissionEngine;
  readonly transport: Transport;
  readonly skills: SkillManager;
  readonly maxIterations: number;
  readonly #basePrompt: string;
  readonly #temperature: number | undefined;
  readonly #doomLoopThreshold: number;
  readonly #closeModel: boolean;
  readonly #modelTimeBudget: ModelTimeBudget | undefined;
  readonly #activeSkills = new Map<string, ActiveSkill>();
  readonly #history: ChatMessage[] = [];
  // Aborted by close(): every chat's signal is linked to it.
  readonly #lifetime = new AbortController();
  #running: Promise<ChatResult> | undefined;
  #closing: Promise<void> | undefined;
  #started = false;
  #emitFailed = false;

  constructor(options: AgentOptions) {
    if (!options?.model || typeof options.model.generate !== 'function') {
      throw new TypeError('Agent needs a model implementing ChatModel.');
    }
    const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
    stepCountIs(maxIterations); // validates: a positive integer
    this.id = options.agentId ?? `agent-${randomUUID()}`;
    this.model = options.model;
    this.tools = options.tools instanceof ToolRegistry ? options.tools : new ToolRegistry(options.tools ?? []);
    this.permissionEngine = options.permissionEngine ?? new PermissionEngine();
    this.transport = options.transport ?? new NullTransport();
    this.skills = options.skills instanceof SkillManager ? options.skills : new SkillManager({ directories: options.skills?.directories ?? [] });
    // Read now, not at first use: an edited SKILL.md applies to the next agent without a restart.
    this.skills.load();
    this.maxIterations = maxIterations;
    this.#basePrompt = options.systemPrompt ?? '';
    this.#temperature = options.temperature;
    this.#doomLoopThreshold = options.doomLoopThreshold ?? DEFAULT_DOOM_LOOP_THRESHOLD;
    isDoomLoop([], this.#doomLoopThreshold); // validates the threshold
    this.#closeModel = options.closeModel ?? true;
    this.#modelTimeBudget = options.modelTimeBudget;
  }

  get closed(): boolean {
    return this.#lifetime.signal.aborted;
  }

  /** Adds the skill's body (and the task) to the system prompt of every following model call. */
  activateSkill(name: string, taskDescription?: string): Skill {
    if (this.closed) throw new AgentClosedError();
    const skill = this.skills.get(name);
    this.#activeSkills.set(skill.name, taskDescription === undefined ? { skill } : { skill, taskDescription });
    this.#emit(
      createEvent('skill-activation', {
        agentId: this.id,
        name: skill.name,
        ...(taskDescription !== undefined ? { taskDescription } : {}),
        path: skill.path,
      }),
    );
    return skill;
  }

  /** The base prompt followed by each active skill, in activation order. */
  systemPrompt(): string {
    const parts = this.#basePrompt.trim() ? [this.#basePrompt.trim()] : [];
    for (const { skill, taskDescription } of this.#activeSkills.values()) {
      const heading = [`## Skill: ${skill.name}`, skill.description];
      if (taskDescription) heading.push(`Task: ${taskDescription}`);
      parts.push(`${heading.join('\n')}\n\n${skill.body}`.trim());
    }
    return parts.join('\n\n');
  }

  /** The conversation as the model sees it next: system prompt first, then every turn so far. */
  messages(): readonly ChatMessage[] {
    const system = this.systemPrompt();
    const messages: ChatMessage[] = system ? [{ role: 'system', content: system }] : [];
    return Object.freeze([...messages, ...this.#history.map((message) => ({ ...message }))]);
  }

  chat(message: string, options: ChatOptions = {}): Promise<ChatResult> {
    if (this.closed) return Promise.reject(new AgentClosedError());
    if (typeof message !== 'string') return Promise.reject(new TypeError('chat() takes the user message as a string.'));
    if (this.#running) {
      // One conversation history: interleaved chats would corrupt it.
      return Promise.reject(new AgentaoError('This agent is already running a chat; await it before starting another.'));
    }
    const run = this.#run(message, options.signal);
    this.#running = run;
    const clear = (): void => {
      if (this.#running === run) this.#running = undefined;
    };
    run.then(clear, clear);
    return run;
  }

  /** Aborts the running chat (model call and tools), closes the model, and refuses further chats. */
  close(): Promise<void> {
    this.#closing ??= this.#close();
    return this.#closing;
  }

  async #close(): Promise<void> {
    this.#lifetime.abort(new AgentClosedError('The agent was closed during the chat.'));
    const running = this.#running;
    if (running) await running.then(ignore, ignore);
    if (this.#closeModel) await this.model.close?.();
  }

  async #run(message: string, externalSignal: AbortSignal | undefined): Promise<ChatResult> {
    const controller = new AbortController();
    const unlink = linkSignals(controller, [this.#lifetime.signal, externalSignal]);
    const signal = controller.signal;
    const startedAt = performance.now();
    const usage = new UsageTotal();
    const toolCalls: ToolCallRecord[] = [];
    const stopAfter = stepCountIs(this.maxIterations);
    let iterations = 0;
    let stopReason: StopReason = 'error';
    let text = '';
    let failure: unknown;

    if (!this.#started) {
      this.#started = true;
      this.#emit(
        createEvent('agent-start', {
          agentId: this.id,
          provider: this.model.provider,
          modelId: this.model.modelId,
          tools: this.tools.names(),
          skills: this.skills.list().map((skill) => skill.name),
        }),
      );
    }
    this.#history.push({ role: 'user', content: message });

    try {
      for (;;) {
        if (signal.aborted) {
          [stopReason, text] = ['aborted', ABORTED_TEXT];
          break;
        }
        if (stopAfter({ iterations, toolCalls })) {
          stopReason = 'max-iterations';
          text = `Stopped after ${iterations} model calls without a final answer (maxIterations is ${this.maxIterations}).`;
          break;
        }
        iterations += 1;
        const turn = iterations;
        this.#emit(createEvent('turn-start', { agentId: this.id, turn }));
        let turnToolCalls = 0;
        try {
          const response = await this.#callModel(turn, signal);
          if (response === undefined) {
            [stopReason, text] = ['aborted', ABORTED_TEXT];
            break;
          }
          usage.add(response.usage);
          const calls = withUniqueIds(response.toolCalls);
          this.#history.push(
            calls.length > 0
              ? { role: 'assistant', content: response.content, toolCalls: calls }
              : { role: 'assistant', content: response.content },
          );
          if (calls.length === 0) {
            [stopReason, text] = ['answer', response.content];
            break;
          }
          turnToolCalls = calls.length;
          const context = {
            agentId: this.id,
            tools: this.tools,
            permissionEngine: this.permissionEngine,
            transport: this.transport,
            emit: (event: AgentEvent) => this.#emit(event),
            signal,
          };
          // One at a time: a confirmation or a denial can depend on what the previous call did.
          for (const call of calls) {
            const outcome = await runToolCall(call, context);
            toolCalls.push(outcome.record);
            this.#history.push(outcome.message);
          }
        } finally {
          this.#emit(createEvent('turn-end', { agentId: this.id, turn, toolCalls: turnToolCalls }));
        }
        if (isDoomLoop(toolCalls, this.#doomLoopThreshold)) {
          const last = toolCalls[toolCalls.length - 1]!;
          stopReason = 'doom-loop';
          text = `Stopped: the model called "${last.toolName}" with the same arguments ${this.#doomLoopThreshold} times in a row.`;
          break;
        }
      }
    } catch (error) {
      failure = error;
      stopReason = 'error';
    } finally {
      unlink();
    }

    this.#emit(
      createEvent('agent-end', {
        agentId: this.id,
        stopReason,
        iterations,
        durationMs: performance.now() - startedAt,
        usage: usage.value(),
      }),
    );
    if (failure !== undefined) throw failure;
    return { text, stopReason, iterations, usage: usage.value(), toolCalls };
  }

  /** One model call with its events; undefined when aborted; a ModelCallError when it failed. */
  async #callModel(turn: number, signal: AbortSignal): Promise<ChatResponse | undefined> {
    const messages = [...this.messages()];
    this.#emit(createEvent('model-call-start', { agentId: this.id, turn, messages: messages.length }));
    const startedAt = performance.now();
    let response: ChatResponse;
    try {
      const budget = this.#modelTimeBudget;
      const generate = (callSignal: AbortSignal) =>
        this.model.generate({
          messages,
          tools: this.tools.definitions(),
          signal: callSignal,
          ...(budget !== undefined ? { budget } : {}),
          ...(this.#temperature !== undefined ? { temperature: this.#temperature } : {}),
        });
      const label = `${this.model.provider} model "${this.model.modelId}"`;
      response = normaliseResponse(
        await raceAbort(() => (budget ? callWithinBudget(budget, label, signal, generate) : generate(signal)), signal),
      );
    } catch (error) {
      if (signal.aborted) return undefined;
      const failure = toModelCallError(error, this.model);
      this.#emit(createEvent('error', { agentId: this.id, message: failure.message, name: failure.name, phase: 'model' }));
      throw failure;
    }
    this.#emit(
      createEvent('model-call-end', {
        agentId: this.id,
        turn,
        durationMs: performance.now() - startedAt,
        ...(response.usage ? { usage: { ...response.usage } } : {}),
        finishReason: response.finishReason.unified,
        content: response.content,
        toolCalls: response.toolCalls.map(({ id, name, arguments: args }) => ({ id, name, arguments: args })),
      }),
    );
    return response;
  }

  #emit(event: AgentEvent): void {
    try {
      this.transport.emit(event);
    } catch (error) {
      // Observers never break a run; say so once so a broken transport is noticed.
      if (this.#emitFailed) return;
      this.#emitFailed = true;
      console.warn(`agentao: the transport failed to emit a "${event.type}" event (${errorMessage(error)}); further failures are not reported.`);
    }
  }
}

function ignore(): void {}

class UsageTotal {
  #input: number | undefined;
  #output: number | undefined;

  add(usage: TokenUsage | undefined): void {
    if (typeof usage?.inputTokens === 'number') this.#input = (this.#input ?? 0) + usage.inputTokens;
    if (typeof usage?.outputTokens === 'number') this.#output = (this.#output ?? 0) + usage.outputTokens;
  }

  value(): TokenUsage {
    return {
      ...(this.#input !== undefined ? { inputTokens: this.#input } : {}),
      ...(this.#output !== undefined ? { outputTokens: this.#output } : {}),
    };
  }
}

/** Guards the loop against a provider that leaves out fields the interface promises. */
function normaliseResponse(response: ChatResponse): ChatResponse {
  if (response === null || typeof response !== 'object') {
    throw new ModelCallError('The model returned no response object.');
  }
  return {
    content: typeof response.content === 'string' ? response.content : '',
    toolCalls: Array.isArray(response.toolCalls) ? response.toolCalls : [],
    ...(response.usage ? { usage: response.usage } : {}),
    finishReason: response.finishReason ?? { unified: 'other' },
    warnings: Array.isArray(response.warnings) ? response.warnings : [],
  };
}

/** Tool results are matched to calls by id, so a missing or repeated id gets a fresh one. */
function withUniqueIds(calls: readonly ModelToolCall[]): ModelToolCall[] {
  const seen = new Set<string>();
  return calls.map((call) => {
    const id = call.id && !seen.has(call.id) ? call.id : `call_${randomUUID()}`;
    seen.add(id);
    return id === call.id ? call : { ...call, id };
  });
}

function toModelCallError(error: unknown, model: ChatModel): ModelCallError {
  if (error instanceof ModelCallError) return error;
  const fields = (error ?? {}) as { isRetryable?: unknown; statusCode?: unknown };
  return new ModelCallError(`${model.provider}/${model.modelId} call failed: ${errorMessage(error)}`, {
    cause: error,
    isRetryable: fields.isRetryable === true,
    ...(typeof fields.statusCode === 'number' ? { statusCode: fields.statusCode } : {}),
  });
}
