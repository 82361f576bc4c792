/**
 * The local model read as a chat model, turn by turn: call ids per instance, tool results parsed
 * with each tool's result schema (another shape counts as no result), and a refused send read from
 * the gate's structured denial rather than from its text.
 */
import { describe, expect, it } from 'vitest';
import type { ChatMessage, ChatRequest, ModelToolCall, ToolDefinition } from '../../../src/agentao/index.js';
import { LocalChatModel } from '../../../src/triage/local-model/local-chat-model.js';
import { GENERIC_SEND_DENIAL } from '../../../src/triage/send-denial.js';
import { renderTicketPrompt } from '../../../src/triage/ticket-prompt.js';

const TOOL_NAMES = ['get_customer_profile', 'get_order_status', 'search_kb', 'draft_reply', 'send_reply'];
const tools: ToolDefinition[] = TOOL_NAMES.map((name) => ({ name, description: name, parameters: {} }));
// A fixed, sure classifier: what these tests vary is what the tools answered.
const classifier = {
  predict: () => ({ intent: 'recover_password', confidence: 0.99, ranked: [{ intent: 'recover_password', probability: 0.99 }] }),
};
const ARTICLE = { id: 'reset-password', title: 'Reset your password', score: 0.9, intents: ['recover_password'], answer: 'Use the reset link on the sign-in page.' };

// The classifier's certainty as given: the open-question model's lift is tested in open-question-lift.test.ts.
function model(): LocalChatModel {
  return new LocalChatModel({ classifier, autoSendThreshold: 0.9, openQuestions: null });
}

function prompt(body = 'I forgot my password, how do I get back in?'): ChatMessage {
  return { role: 'user', content: renderTicketPrompt({ id: 'T-1', customerEmail: 'ada@example.com', subject: 'Password', body }) };
}

function request(messages: ChatMessage[]): ChatRequest {
  return { messages, tools };
}

/** One assistant turn of calls and the tool messages that answered them. */
function turn(answers: { call: ModelToolCall; content: unknown; isError?: boolean; details?: Record<string, unknown> }[]): ChatMessage[] {
  return [
    { role: 'assistant', content: '', toolCalls: answers.map((answer) => answer.call) },
    ...answers.map(
      ({ call, content, isError, details }): ChatMessage => ({
        role: 'tool',
        toolCallId: call.id,
        toolName: call.name,
        content: typeof content === 'string' ? content : JSON.stringify(content),
        ...(isError ? { isError } : {}),
        ...(details ? { details } : {}),
      }),
    ),
  ];
}

function call(name: string, args: Record<string, unknown>, id = `c_${name}`): ModelToolCall {
  return { id, name, arguments: JSON.stringify(args) };
}

const found = { found: true, name: 'Ada Lovelace', plan: 'pro', orders: ['A1001'] };

async function decideWith(profile: unknown, kb: unknown) {
  const messages = [
    prompt(),
    ...turn([
      { call: call('get_customer_profile', { email: 'ada@example.com' }), content: profile },
      { call: call('search_kb', { query: 'password' }), content: kb },
    ]),
  ];
  const [next] = (await model().generate(request(messages))).toolCalls;
  return { name: next!.name, args: JSON.parse(next!.arguments) as Record<string, unknown> };
}

describe('LocalChatModel call ids', () => {
  it('are counted per instance: two models start alike, one model never repeats an id', async () => {
    const first = model();
    const second = model();
    const a = await first.generate(request([prompt()]));
    const b = await second.generate(request([prompt()]));
    expect(a.toolCalls[0]!.id).toBe('local_1');
    expect(b.toolCalls[0]!.id).toBe('local_1');
    const again = await first.generate(request([prompt()]));
    const ids = [...a.toolCalls, ...again.toolCalls].map((toolCall) => toolCall.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('LocalChatModel reads tool results with the tools own schemas', () => {
  it('sends when the profile and an article of the intent came back well-formed', async () => {
    const next = await decideWith(found, { results: [ARTICLE] });
    expect(next.name).toBe('send_reply');
    expect(next.args).toMatchObject({ confidence: 0.99, intent: 'recover_password' });
    expect(String(next.args.text)).toContain('Hi Ada,');
  });

  it('a profile of another shape (a plan the CRM does not have) counts as no verified profile', async () => {
    const next = await decideWith({ ...found, plan: 'platinum' }, { results: [ARTICLE] });
    expect(next.name).toBe('draft_reply');
    expect(next.args.reason).toContain('no verified customer profile');
    expect(String(next.args.text)).toContain('Hi there,');
  });

  it('a search result of another shape counts as no article, and does not throw', async () => {
    const next = await decideWith(found, { results: [{ id: 'reset-password', title: 'Reset' }] });
    expect(next.name).toBe('draft_reply');
    expect(next.args.reason).toContain('no knowledge-base article answers this intent');
  });

  it('a result that is not JSON counts as no result', async () => {
    const next = await decideWith('the CRM is having a bad day', { results: [ARTICLE] });
    expect(next.name).toBe('draft_reply');
    expect(next.args.reason).toContain('no verified customer profile');
  });
});

describe('LocalChatModel after a refused send', () => {
  const sendCall = call('send_reply', { text: 'Hi Ada,\n\nUse the reset link.', confidence: 0.99, intent: 'recover_password' }, 'c_send');
  async function afterRefusal(details?: Record<string, unknown>) {
    const messages = [
      prompt(),
      ...turn([{ call: call('get_customer_profile', { email: 'ada@example.com' }), content: found }]),
      ...turn([{ call: sendCall, content: `Permission denied: ${GENERIC_SEND_DENIAL}`, isError: true, ...(details ? { details } : {}) }]),
    ];
    const [next] = (await model().generate(request(messages))).toolCalls;
    return { name: next!.name, args: JSON.parse(next!.arguments) as Record<string, unknown> };
  }

  it("drafts the same reply with the gate's tags, read from the denial's details", async () => {
    const next = await afterRefusal({ refusedBy: 'send-guard', tags: ['enterprise', 'refund'] });
    expect(next).toEqual({
      name: 'draft_reply',
      args: {
        text: 'Hi Ada,\n\nUse the reset link.',
        confidence: 0.99,
        reason: 'the send guard refused to send this reply on its own',
        tags: ['enterprise', 'refund'],
        intent: 'recover_password',
      },
    });
  });

  it('says which step refused when it was not the guard itself', async () => {
    expect((await afterRefusal({ refusedBy: 'latched', tags: [] })).args.reason).toMatch(/earlier send/);
    expect((await afterRefusal({ refusedBy: 'cpu-budget', tags: [] })).args.reason).toMatch(/CPU budget/);
  });

  it("without details (another permission engine) falls back to its own escalation reading; the text is never parsed", async () => {
    const next = await afterRefusal();
    expect(next.name).toBe('draft_reply');
    expect(next.args.tags).toEqual([]);
    expect(next.args.reason).toBe('the send guard refused to send this reply on its own');
  });
});
