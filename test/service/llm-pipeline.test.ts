/**
 * The same pipeline on an LLM: `triage` with TRIAGE_MODEL=openai / anthropic against local servers
 * that speak those wire formats, playing an LLM that follows the skill.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { startFakeProviderServer, type FakeProviderServer } from '../agentao/models/fake-provider-server.js';
import { openaiToolCallsResponse } from './support/openai-tool-calls.js';

const REPLY = 'Hi Ada,\n\nYou can reset your password from the sign-in page: press Forgot password and follow the link we email you.\n\nBest regards,\nThe Northwind Support Team';

function openaiAnswer(text: string) {
  return {
    body: {
      id: 'chatcmpl-final',
      object: 'chat.completion',
      created: 1764331201,
      model: 'gpt-test',
      choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: text } }],
      usage: { prompt_tokens: 1000, completion_tokens: 8, total_tokens: 1008 },
    },
  };
}

function anthropicMessage(content: unknown[], stopReason: string) {
  return {
    body: {
      id: 'msg_test',
      type: 'message',
      role: 'assistant',
      model: 'claude-test',
      content,
      stop_reason: stopReason,
      stop_sequence: null,
      usage: { input_tokens: 900, output_tokens: 40 },
    },
  };
}

let folder: string;
let server: FakeProviderServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
  if (folder) rmSync(folder, { recursive: true, force: true });
});

async function triage(environment: NodeJS.ProcessEnv, args: string[]) {
  folder = mkdtempSync(join(tmpdir(), 'triage-llm-'));
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readStdin: () => new Uint8Array(),
    stderrIsTty: false,
    environment: { DATABASE_URL: `sqlite:${join(folder, 'llm.db')}`, ...environment },
  });
  return { code, stdout, stderr };
}

describe('TRIAGE_MODEL=openai (any OpenAI-compatible server)', () => {
  it('runs the same tools, skill and gate on the LLM, and retries a 429', async () => {
    server = await startFakeProviderServer([
      { status: 429, headers: { 'retry-after': '0' }, body: { error: { message: 'Rate limit reached', type: 'rate_limit_error' } } },
      openaiToolCallsResponse([
        { id: 'call_1', name: 'get_customer_profile', args: { email: 'ada@example.com' } },
        { id: 'call_2', name: 'search_kb', args: { query: 'reset forgotten password' } },
      ]),
      openaiToolCallsResponse([{ id: 'call_3', name: 'send_reply', args: { text: REPLY, confidence: 0.96, intent: 'recover_password' } }]),
      openaiAnswer('recover_password: sent'),
    ]);
    const { code, stdout, stderr } = await triage(
      { TRIAGE_MODEL: 'openai', OPENAI_BASE_URL: server.baseURL, OPENAI_API_KEY: 'sk-test', OPENAI_MODEL: 'gpt-test' },
      ['I forgot my password', '--json'],
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const outcome = JSON.parse(stdout);
    expect(outcome).toMatchObject({ decision: 'sent', intent: 'recover_password', reply: REPLY });
    expect(outcome.confidence).toBeCloseTo(0.96);
    expect(server.requests).toHaveLength(4);
    const first = server.requests[1]!.body;
    expect(first.model).toBe('gpt-test');
    expect(first.messages[0].content).toContain('# Support triage');
    expect(first.messages[1].content).toContain('<untrusted_ticket_text>\nI forgot my password\n</untrusted_ticket_text>');
    expect(first.tools.map((tool: { function: { name: string } }) => tool.function.name).sort()).toEqual([
      'draft_reply',
      'get_customer_profile',
      'get_order_status',
      'search_kb',
      'send_reply',
    ]);
    const toolResults = server.requests[2]!.body.messages.filter((message: { role: string }) => message.role === 'tool');
    expect(toolResults.map((message: { tool_call_id: string }) => message.tool_call_id)).toEqual(['call_1', 'call_2']);
  });

  it('an LLM that claims 0.99 for an answer the independent check does not back is drafted', async () => {
    server = await startFakeProviderServer([
      openaiToolCallsResponse([{ id: 'call_1', name: 'get_customer_profile', args: { email: 'ada@example.com' } }]),
      openaiToolCallsResponse([{ id: 'call_2', name: 'send_reply', args: { text: 'Hi Ada, it will be sunny on Mars.', confidence: 0.99 } }]),
      openaiAnswer('done'),
    ]);
    const { stdout } = await triage(
      { TRIAGE_MODEL: 'openai', OPENAI_BASE_URL: server.baseURL, OPENAI_MODEL: 'gpt-test' },
      ['What will the weather be on Mars?', '--json'],
    );
    const outcome = JSON.parse(stdout);
    expect(outcome.decision).toBe('drafted');
    expect(outcome.steps.find((step: { tool: string }) => step.tool === 'send_reply')).toMatchObject({ permission: 'deny' });
  });

  it('an LLM that keeps failing leaves a draft with the reason', async () => {
    server = await startFakeProviderServer(Array.from({ length: 4 }, () => ({ status: 500, headers: { 'retry-after': '0' }, body: { error: { message: 'boom' } } })));
    const { code, stdout } = await triage(
      { TRIAGE_MODEL: 'openai', OPENAI_BASE_URL: server.baseURL, OPENAI_MODEL: 'gpt-test' },
      ['I forgot my password', '--json'],
    );
    expect(code).toBe(0);
    const outcome = JSON.parse(stdout);
    expect(outcome.decision).toBe('drafted');
    expect(outcome.tags).toContain('needs-human');
    expect(outcome.reasons.join(' ')).toMatch(/model failed/);
  });
});

describe('TRIAGE_JUDGE=on', () => {
  const CITED = '"support": [{"sentence": "R1", "source": "kb:recover-password#1"}]';
  function sendingScript(judgeAnswer?: string) {
    return [
      openaiToolCallsResponse([{ id: 'call_1', name: 'get_customer_profile', args: { email: 'ada@example.com' } }]),
      openaiToolCallsResponse([{ id: 'call_2', name: 'send_reply', args: { text: REPLY, confidence: 0.97 } }]),
      openaiAnswer('sent'),
      ...(judgeAnswer ? [openaiAnswer(judgeAnswer)] : []),
    ];
  }
  // The writer judging itself needs the explicit setting (and warns at start-up).
  const sameModel = () => ({
    TRIAGE_MODEL: 'openai',
    TRIAGE_JUDGE: 'on',
    TRIAGE_JUDGE_SAME_MODEL: 'allow',
    OPENAI_BASE_URL: server!.baseURL,
    OPENAI_MODEL: 'gpt-test',
  });

  it('a second, tool-less pass grades the reply before it is sent; a fail makes a draft', async () => {
    server = await startFakeProviderServer(sendingScript('{"verdict": "fail", "confidence": 0.2, "reason": "does not mention two-step verification"}'));
    const { stdout } = await triage(sameModel(), ['I forgot my password', '--json']);
    const outcome = JSON.parse(stdout);
    expect(outcome.decision).toBe('drafted');
    expect(outcome.reasons.join(' ')).toMatch(/judge/);
    const judgeRequest = server.requests[3]!.body;
    expect(judgeRequest.tools ?? []).toEqual([]);
  });

  it('a pass that cites a source for every sentence lets the send through with the judge capping the confidence', async () => {
    server = await startFakeProviderServer(sendingScript(`{"verdict": "pass", "confidence": 0.93, "reason": "answers the question", ${CITED}}`));
    const { stdout, stderr } = await triage(sameModel(), ['I forgot my password', '--json']);
    const outcome = JSON.parse(stdout);
    expect(outcome.decision).toBe('sent');
    expect(outcome.confidence).toBeCloseTo(0.93);
    expect(stderr).toMatch(/warning: the judge is the writer's own model \(gpt-test\)/);
  });

  it('a pass without a source per sentence is a draft', async () => {
    server = await startFakeProviderServer(sendingScript('{"verdict": "pass", "confidence": 0.99, "reason": "answers the question"}'));
    const outcome = JSON.parse((await triage(sameModel(), ['I forgot my password', '--json'])).stdout);
    expect(outcome.decision).toBe('drafted');
    expect(outcome.reasons.join(' ')).toMatch(/named no valid source for reply sentence R1/);
  });

  it('TRIAGE_JUDGE_MODEL selects another model on its own server; no warning', async () => {
    server = await startFakeProviderServer(sendingScript());
    const judgeServer = await startFakeProviderServer([openaiAnswer(`{"verdict": "pass", "confidence": 0.95, "reason": "grounded", ${CITED}}`)]);
    try {
      const { stdout, stderr } = await triage(
        {
          TRIAGE_MODEL: 'openai',
          TRIAGE_JUDGE: 'on',
          OPENAI_BASE_URL: server.baseURL,
          OPENAI_MODEL: 'gpt-test',
          TRIAGE_JUDGE_MODEL: 'judge-test',
          TRIAGE_JUDGE_BASE_URL: judgeServer.baseURL,
          TRIAGE_JUDGE_API_KEY: 'sk-judge',
        },
        ['I forgot my password', '--json'],
      );
      expect(JSON.parse(stdout).decision).toBe('sent');
      expect(stderr).toBe('');
      expect(server.requests).toHaveLength(3);
      expect(judgeServer.requests).toHaveLength(1);
      const judged = judgeServer.requests[0]!;
      expect(judged.body.model).toBe('judge-test');
      expect(judged.headers.authorization).toBe('Bearer sk-judge');
      const input = JSON.parse(judged.body.messages[1].content);
      expect(input.sources.some((source: { id: string }) => source.id === 'kb:recover-password#1')).toBe(true);
      expect(input.reply_sentences).toHaveLength(1);
    } finally {
      await judgeServer.close();
    }
  });

  it("the writer's own model as judge is refused without TRIAGE_JUDGE_SAME_MODEL=allow", async () => {
    const { code, stderr } = await triage(
      { TRIAGE_MODEL: 'openai', TRIAGE_JUDGE: 'on', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1', OPENAI_MODEL: 'gpt-test' },
      ['hello'],
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(/writer's own model judge its replies/);
  });

  it('is refused with the local model and no judge model', async () => {
    const { code, stderr } = await triage({ TRIAGE_JUDGE: 'on' }, ['hello']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/TRIAGE_JUDGE=on needs an LLM/);
  });
});

describe('TRIAGE_MODEL=anthropic', () => {
  it('runs the pipeline over the Messages API with tool use', async () => {
    server = await startFakeProviderServer([
      anthropicMessage(
        [
          { type: 'text', text: 'Looking up the customer.' },
          { type: 'tool_use', id: 'toolu_1', name: 'get_customer_profile', input: { email: 'ada@example.com' } },
          { type: 'tool_use', id: 'toolu_2', name: 'search_kb', input: { query: 'reset password' } },
        ],
        'tool_use',
      ),
      anthropicMessage([{ type: 'tool_use', id: 'toolu_3', name: 'send_reply', input: { text: REPLY, confidence: 0.95 } }], 'tool_use'),
      anthropicMessage([{ type: 'text', text: 'Sent.' }], 'end_turn'),
    ]);
    const { code, stdout } = await triage(
      { TRIAGE_MODEL: 'anthropic', ANTHROPIC_BASE_URL: server.baseURL, ANTHROPIC_API_KEY: 'sk-ant-test', ANTHROPIC_MODEL: 'claude-test' },
      ['I forgot my password', '--json'],
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ decision: 'sent', reply: REPLY });
    const second = server.requests[1]!.body;
    expect(second.system).toContain('# Support triage');
    const toolResults = second.messages.at(-1).content;
    expect(toolResults.map((block: { tool_use_id: string }) => block.tool_use_id)).toEqual(['toolu_1', 'toolu_2']);
    expect(server.requests[0]!.headers['x-api-key']).toBe('sk-ant-test');
  });

  it('a missing key is a clear settings error, exit 2', async () => {
    const { code, stderr } = await triage({ TRIAGE_MODEL: 'anthropic', ANTHROPIC_MODEL: 'claude-test' }, ['hello']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/ANTHROPIC_API_KEY/);
  });
});
