/**
 * Runtime overhead per tool-loop step: our Agent with the OpenAI-compatible provider against the
 * OpenAI Agents SDK and the Vercel AI SDK, all talking to the same local Chat Completions server
 * that answers at once, and our Agent with the Anthropic provider against a Messages API route of
 * the same server. What is left is each runtime's own cost (request building, parsing,
 * validation, events) plus the same localhost HTTP round trip, shown alone as the floor (one
 * floor per wire format).
 *
 * Two clocks: wall time, and CPU time of the whole process (process.cpuUsage, user + system).
 * The server runs in this process, so its CPU is in every row, the floor's included: the CPU over
 * the floor is the runtime's own cost, and it moves less than wall time when the machine is busy.
 *
 * A chat is two steps: the model asks for the `echo` tool, then answers with the tool's result.
 * Frameworks run in rounds, in a different order each round, so drift on a shared machine spreads
 * over all of them; a full garbage collection before and at the end of each measured stretch
 * makes each runtime pay for its own garbage rather than for the one measured before it.
 *
 * Run: npx tsx bench/runtime-overhead.ts [--chats 300] [--warmup 30] [--rounds 5] [--json]
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createOpenAI } from '@ai-sdk/openai';
import {
  Agent as OpenAIAgentsAgent,
  OpenAIChatCompletionsModel,
  run as runOpenAIAgent,
  setTracingDisabled,
  tool as openAIAgentsTool,
} from '@openai/agents';
import { generateText, stepCountIs as aiStepCountIs, tool as aiTool } from 'ai';
import OpenAI from 'openai';
import { z } from 'zod';
import { Agent } from '../src/agentao/agent.js';
import { createAnthropicChatModel } from '../src/agentao/models/anthropic/index.js';
import type { ChatModel } from '../src/agentao/models/chat-model.js';
import { createOpenAIChatModel } from '../src/agentao/models/openai/index.js';
import { PermissionEngine } from '../src/agentao/permission-engine.js';
import { defineTool } from '../src/agentao/tool.js';
import { runAsScript } from './run-as-script.js';

export interface RuntimeOverheadOptions {
  /** Measured chats per runtime (two steps each). Default 300. */
  chats?: number;
  /** Unmeasured chats per runtime first, for the JIT and connection pools. Default 30. */
  warmup?: number;
  /** The measured chats are split over this many rounds. Default 5. */
  rounds?: number;
  log?: (line: string) => void;
}

export type WireFormat = 'chat-completions' | 'messages';

export interface RuntimeOverheadResult {
  name: string;
  wire: WireFormat;
  chats: number;
  /** Model calls the server answered while this runtime was measured. */
  steps: number;
  totalMs: number;
  msPerStep: number;
  stepsPerSecond: number;
  /** ms/step of each round: their spread shows how noisy the machine was. */
  msPerStepByRound: number[];
  /** CPU time of the process (user + system, server included) per step. */
  cpuMsPerStep: number;
  cpuMsPerStepByRound: number[];
  /** cpuMsPerStep minus that of the raw fetch floor of the same wire format: the runtime's own CPU. */
  cpuOverFloorMsPerStep: number;
  /** msPerStep of this runtime divided by ours: above 1 is slower than ours. */
  ratioToOurs: number;
}

export interface RuntimeOverheadReport {
  chatsPerRuntime: number;
  warmup: number;
  rounds: number;
  results: RuntimeOverheadResult[];
}

interface Runtime {
  name: string;
  wire: WireFormat;
  chat(message: string): Promise<string>;
}

const MODEL_ID = 'bench-model';
const OURS = 'agentao (ours)';
const FLOOR = 'raw fetch (HTTP floor)';
const OURS_ANTHROPIC = 'agentao (ours, Anthropic)';
const FLOOR_MESSAGES = 'raw fetch (Messages API floor)';

export async function runRuntimeOverheadBench(options: RuntimeOverheadOptions = {}): Promise<RuntimeOverheadReport> {
  const chats = options.chats ?? 300;
  const warmup = options.warmup ?? 30;
  const rounds = Math.max(1, Math.min(options.rounds ?? 5, chats));
  const log = options.log ?? (() => {});

  const server = await startChatCompletionsServer();
  try {
    const runtimes = createRuntimes(server.baseURL);
    for (const runtime of runtimes) {
      for (let index = 0; index < warmup; index += 1) await checkedChat(runtime, index);
    }
    log(`warm-up done: ${warmup} chats per runtime`);

    const totals = new Map(
      runtimes.map((runtime) => [
        runtime.name,
        { chats: 0, steps: 0, totalMs: 0, cpuMs: 0, msPerStepByRound: [] as number[], cpuMsPerStepByRound: [] as number[] },
      ]),
    );
    for (let round = 0; round < rounds; round += 1) {
      const chatsThisRound = Math.floor(chats / rounds) + (round < chats % rounds ? 1 : 0);
      const order = rotate(runtimes, round);
      for (const runtime of order) {
        // Each runtime starts on a clean heap and pays for collecting its own garbage: otherwise
        // the next one in the rotation pays for it (the same full collection is in every row,
        // the floors' included, so it cancels out of "over floor").
        collectGarbage();
        const stepsBefore = server.requestCount();
        const started = performance.now();
        const cpuBefore = process.cpuUsage();
        for (let index = 0; index < chatsThisRound; index += 1) await checkedChat(runtime, index);
        collectGarbage();
        const cpu = process.cpuUsage(cpuBefore);
        const elapsed = performance.now() - started;
        const cpuMs = (cpu.user + cpu.system) / 1000;
        const steps = server.requestCount() - stepsBefore;
        const total = totals.get(runtime.name)!;
        total.chats += chatsThisRound;
        total.steps += steps;
        total.totalMs += elapsed;
        total.cpuMs += cpuMs;
        total.msPerStepByRound.push(elapsed / steps);
        total.cpuMsPerStepByRound.push(cpuMs / steps);
      }
      log(`round ${round + 1}/${rounds} done`);
    }

    const results = runtimes.map((runtime): Omit<RuntimeOverheadResult, 'ratioToOurs' | 'cpuOverFloorMsPerStep'> => {
      const total = totals.get(runtime.name)!;
      return {
        name: runtime.name,
        wire: runtime.wire,
        chats: total.chats,
        steps: total.steps,
        totalMs: total.totalMs,
        msPerStep: total.totalMs / total.steps,
        stepsPerSecond: (total.steps / total.totalMs) * 1000,
        msPerStepByRound: total.msPerStepByRound,
        cpuMsPerStep: total.cpuMs / total.steps,
        cpuMsPerStepByRound: total.cpuMsPerStepByRound,
      };
    });
    const ours = results.find((result) => result.name === OURS)!;
    const floors = new Map<WireFormat, number>([
      ['chat-completions', results.find((result) => result.name === FLOOR)!.cpuMsPerStep],
      ['messages', results.find((result) => result.name === FLOOR_MESSAGES)!.cpuMsPerStep],
    ]);
    return {
      chatsPerRuntime: chats,
      warmup,
      rounds,
      results: results.map((result) => ({
        ...result,
        cpuOverFloorMsPerStep: result.cpuMsPerStep - floors.get(result.wire)!,
        ratioToOurs: result.msPerStep / ours.msPerStep,
      })),
    };
  } finally {
    await server.close();
  }
}

/** A runtime that silently did less work would look fast: every chat must end with the echo. */
async function checkedChat(runtime: Runtime, index: number): Promise<void> {
  const text = `ping ${index}`;
  const answer = await runtime.chat(text);
  if (!answer.includes(`echo: ${text}`)) {
    throw new Error(`${runtime.name} answered ${JSON.stringify(answer)} instead of the echo of "${text}".`);
  }
}

function createRuntimes(baseURL: string): Runtime[] {
  const instructions = 'Call echo with the user message, then answer with its result.';

  const ourModel = createOpenAIChatModel({ baseURL, apiKey: 'bench', model: MODEL_ID });
  const ourEcho = defineTool({
    name: 'echo',
    description: 'Echo the text back.',
    parameters: z.object({ text: z.string() }),
    isReadOnly: true,
    execute: ({ text }) => `echo: ${text}`,
  });
  // One agent per chat, as the worker creates one per ticket.
  const ourChat = (model: ChatModel) => async (message: string): Promise<string> => {
    const agent = new Agent({
      model,
      tools: [ourEcho],
      permissionEngine: new PermissionEngine({ mode: 'full-access' }),
      systemPrompt: instructions,
      closeModel: false,
    });
    try {
      const result = await agent.chat(message);
      return result.text;
    } finally {
      await agent.close();
    }
  };
  const ours: Runtime = { name: OURS, wire: 'chat-completions', chat: ourChat(ourModel) };
  const oursAnthropic: Runtime = {
    name: OURS_ANTHROPIC,
    wire: 'messages',
    // The Anthropic provider adds `/v1/messages` itself.
    chat: ourChat(createAnthropicChatModel({ baseURL: baseURL.replace(/\/v1$/, ''), apiKey: 'bench', model: MODEL_ID })),
  };

  setTracingDisabled(true);
  const openAIClient = new OpenAI({ baseURL, apiKey: 'bench', maxRetries: 0 });
  const agentsEcho = openAIAgentsTool({
    name: 'echo',
    description: 'Echo the text back.',
    parameters: z.object({ text: z.string() }),
    execute: async ({ text }) => `echo: ${text}`,
  });
  const agentsAgent = new OpenAIAgentsAgent({
    name: 'bench',
    instructions,
    model: new OpenAIChatCompletionsModel(openAIClient, MODEL_ID),
    tools: [agentsEcho],
  });
  const openAIAgents: Runtime = {
    name: 'OpenAI Agents SDK',
    wire: 'chat-completions',
    async chat(message) {
      const result = await runOpenAIAgent(agentsAgent, message);
      return String(result.finalOutput ?? '');
    },
  };

  const aiModel = createOpenAI({ baseURL, apiKey: 'bench' }).chat(MODEL_ID);
  const aiTools = {
    echo: aiTool({
      description: 'Echo the text back.',
      inputSchema: z.object({ text: z.string() }),
      execute: async ({ text }) => `echo: ${text}`,
    }),
  };
  const vercel: Runtime = {
    name: 'Vercel AI SDK',
    wire: 'chat-completions',
    async chat(message) {
      const result = await generateText({
        model: aiModel,
        system: instructions,
        prompt: message,
        tools: aiTools,
        stopWhen: aiStepCountIs(5),
        maxRetries: 0,
      });
      return result.text;
    },
  };

  // The same two HTTP exchanges with no runtime at all: what every row pays regardless.
  const floor: Runtime = {
    name: FLOOR,
    wire: 'chat-completions',
    async chat(message) {
      const url = `${baseURL}/chat/completions`;
      const headers = { 'content-type': 'application/json', authorization: 'Bearer bench' };
      const first = (await (
        await fetch(url, { method: 'POST', headers, body: JSON.stringify({ model: MODEL_ID, messages: [{ role: 'user', content: message }] }) })
      ).json()) as { choices: [{ message: { tool_calls: [{ id: string; function: { arguments: string } }] } }] };
      const call = first.choices[0].message.tool_calls[0];
      const { text } = JSON.parse(call.function.arguments) as { text: string };
      const second = (await (
        await fetch(url, {
          method: 'POST',
          headers,
          body: JSON.stringify({
            model: MODEL_ID,
            messages: [
              { role: 'user', content: message },
              { role: 'assistant', content: null, tool_calls: [{ id: call.id, type: 'function', function: { name: 'echo', arguments: call.function.arguments } }] },
              { role: 'tool', tool_call_id: call.id, content: `echo: ${text}` },
            ],
          }),
        })
      ).json()) as { choices: [{ message: { content: string } }] };
      return second.choices[0].message.content;
    },
  };

  const floorMessages: Runtime = {
    name: FLOOR_MESSAGES,
    wire: 'messages',
    async chat(message) {
      const url = `${baseURL}/messages`;
      const headers = { 'content-type': 'application/json', 'x-api-key': 'bench', 'anthropic-version': '2023-06-01' };
      const question = { role: 'user', content: [{ type: 'text', text: message }] };
      const first = (await (
        await fetch(url, { method: 'POST', headers, body: JSON.stringify({ model: MODEL_ID, max_tokens: 1024, messages: [question] }) })
      ).json()) as { content: [{ id: string; input: { text: string } }] };
      const call = first.content[0];
      const second = (await (
        await fetch(url, {
          method: 'POST',
          headers,
          body: JSON.stringify({
            model: MODEL_ID,
            max_tokens: 1024,
            messages: [
              question,
              { role: 'assistant', content: [{ type: 'tool_use', id: call.id, name: 'echo', input: call.input }] },
              { role: 'user', content: [{ type: 'tool_result', tool_use_id: call.id, content: `echo: ${call.input.text}` }] },
            ],
          }),
        })
      ).json()) as { content: [{ text: string }] };
      return second.content[0].text;
    },
  };

  return [ours, openAIAgents, vercel, floor, oursAnthropic, floorMessages];
}

let gc: (() => void) | undefined;

/** A full garbage collection, without asking the caller to start node with --expose-gc. */
function collectGarbage(): void {
  if (gc === undefined) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}

function rotate<T>(items: readonly T[], by: number): T[] {
  const shift = by % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

interface ChatCompletionsServer {
  baseURL: string;
  requestCount(): number;
  close(): Promise<void>;
}

/**
 * Stateless: a conversation whose last message is a tool result gets the final answer (the tool's
 * text); anything else gets a call to `echo` with the last user message.
 */
async function startChatCompletionsServer(): Promise<ChatCompletionsServer> {
  let requests = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests += 1;
      let reply: unknown;
      let status = 200;
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        reply = request.url?.endsWith('/messages') ? messageFor(body, requests) : completionFor(body, requests);
      } catch (error) {
        status = 400;
        reply = { error: { message: error instanceof Error ? error.message : String(error), type: 'invalid_request_error' } };
      }
      const text = JSON.stringify(reply);
      response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      response.end(text);
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requestCount: () => requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

interface WireMessage {
  role: string;
  content?: unknown;
}

function completionFor(body: { messages?: WireMessage[] }, sequence: number): unknown {
  const messages = body.messages ?? [];
  const last = messages.at(-1);
  const base = { id: `chatcmpl-bench-${sequence}`, object: 'chat.completion', created: 1_750_000_000, model: MODEL_ID };
  const usage = { prompt_tokens: 40, completion_tokens: 12, total_tokens: 52 };
  if (last?.role === 'tool') {
    return {
      ...base,
      choices: [{ index: 0, message: { role: 'assistant', content: textOf(last.content) }, finish_reason: 'stop' }],
      usage,
    };
  }
  const user = [...messages].reverse().find((message) => message.role === 'user');
  if (user === undefined) throw new Error('no user message to echo');
  return {
    ...base,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: `call_bench_${sequence}`,
              type: 'function',
              function: { name: 'echo', arguments: JSON.stringify({ text: textOf(user.content) }) },
            },
          ],
        },
        finish_reason: 'tool_calls',
      },
    ],
    usage,
  };
}

/** The Messages API twin of completionFor: a tool_result gets the answer, anything else a tool_use. */
function messageFor(body: { messages?: WireMessage[] }, sequence: number): unknown {
  const messages = body.messages ?? [];
  const last = messages.at(-1);
  const base = { id: `msg_bench_${sequence}`, type: 'message', role: 'assistant', model: MODEL_ID, stop_sequence: null };
  const usage = { input_tokens: 40, output_tokens: 12 };
  const result = Array.isArray(last?.content)
    ? (last.content as { type?: string; content?: unknown }[]).find((block) => block.type === 'tool_result')
    : undefined;
  if (result !== undefined) {
    return { ...base, content: [{ type: 'text', text: textOf(result.content) }], stop_reason: 'end_turn', usage };
  }
  const user = [...messages].reverse().find((message) => message.role === 'user');
  if (user === undefined) throw new Error('no user message to echo');
  return {
    ...base,
    content: [{ type: 'tool_use', id: `toolu_bench_${sequence}`, name: 'echo', input: { text: textOf(user.content) } }],
    stop_reason: 'tool_use',
    usage,
  };
}

/** Content is a string, or (AI SDK, Agents SDK, Messages API) an array of text parts. */
function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((part: { text?: unknown }) => (typeof part?.text === 'string' ? part.text : ''))
      .join('');
  }
  throw new Error(`unreadable message content: ${JSON.stringify(content)}`);
}

function formatTable(report: RuntimeOverheadReport): string {
  const header = ['runtime', 'steps', 'ms/step', 'rounds min..max', 'steps/s', 'vs ours', 'CPU ms/step', 'CPU rounds min..max', 'CPU over floor'];
  const range = (values: number[]): string => `${Math.min(...values).toFixed(3)}..${Math.max(...values).toFixed(3)}`;
  const rows = report.results.map((result) => [
    result.name,
    String(result.steps),
    result.msPerStep.toFixed(3),
    range(result.msPerStepByRound),
    result.stepsPerSecond.toFixed(0),
    `${result.ratioToOurs.toFixed(2)}x`,
    result.cpuMsPerStep.toFixed(3),
    range(result.cpuMsPerStepByRound),
    result.cpuOverFloorMsPerStep.toFixed(3),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]): string =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      chats: { type: 'string', default: '300' },
      warmup: { type: 'string', default: '30' },
      rounds: { type: 'string', default: '5' },
      json: { type: 'boolean', default: false },
    },
  });
  const report = await runRuntimeOverheadBench({
    chats: Number(values.chats),
    warmup: Number(values.warmup),
    rounds: Number(values.rounds),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  if (values.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  process.stdout.write(
    `Runtime overhead per tool-loop step (one model call plus its tool), ${report.chatsPerRuntime} chats x 2 steps per runtime, ` +
      `${report.warmup} warm-up chats, ${report.rounds} rounds, Node ${process.version}\n\n${formatTable(report)}\n`,
  );
}

runAsScript(import.meta.url, main);
