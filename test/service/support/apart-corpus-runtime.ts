/**
 * The real triage runtime on an in-memory SQLite store, for corpora written apart from the rules.
 * The chat model is the real OpenAI-compatible provider; which 127.0.0.1 fake server it talks to
 * changes per case, so one runtime (one store, one classifier load) serves a whole corpus.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { ChatModel } from '../../../src/agentao/index.js';
import { createOpenAIChatModel } from '../../../src/agentao/models/openai/index.js';
import { loadConfig } from '../../../src/service/config.js';
import { processTicket } from '../../../src/service/process-ticket.js';
import { createTriageRuntime, type TriageRuntime } from '../../../src/service/triage-runtime.js';
import type { TriageOutcome } from '../../../src/triage/types.js';
import { startFakeProviderServer, type FakeProviderServer, type ScriptedReply } from '../../agentao/models/fake-provider-server.js';

export interface ApartRuntime {
  runtime: TriageRuntime;
  /** Points the provider at a fresh fake server replaying `script` for the next ticket. */
  useScript(script: ScriptedReply[]): Promise<FakeProviderServer>;
  close(): Promise<void>;
}

export async function createApartRuntime(options: { llm: boolean }): Promise<ApartRuntime> {
  let current: ChatModel | undefined;
  let server: FakeProviderServer | undefined;
  const switchable: ChatModel = {
    provider: 'openai',
    modelId: 'gpt-apart',
    generate(request) {
      if (!current) throw new Error('no script for this ticket');
      return current.generate(request);
    },
  };
  const config = loadConfig({
    DATABASE_URL: 'sqlite::memory:',
    TRIAGE_MODEL: options.llm ? 'openai' : 'local',
    ...(options.llm ? { OPENAI_BASE_URL: 'http://127.0.0.1:9/v1', OPENAI_MODEL: 'gpt-apart' } : {}),
    // A busy shared machine must not turn a decision into a budget draft.
    TRIAGE_CPU_BUDGET_MS: '600000',
    LOG_LEVEL: 'silent',
  });
  const runtime = await createTriageRuntime(config, {
    outboxKey: randomBytes(32),
    ...(options.llm ? { model: switchable } : {}),
    warn: () => undefined,
  });
  return {
    runtime,
    async useScript(script) {
      await server?.close();
      server = await startFakeProviderServer(script);
      current = createOpenAIChatModel({ baseURL: server.baseURL, apiKey: 'sk-test', model: 'gpt-apart' });
      return server;
    },
    async close() {
      await server?.close();
      await runtime.close();
    },
  };
}

export function completion(message: Record<string, unknown>, finishReason: string): ScriptedReply {
  return {
    body: {
      id: 'chatcmpl-apart',
      object: 'chat.completion',
      created: 1764331200,
      model: 'gpt-apart',
      choices: [{ index: 0, finish_reason: finishReason, message: { role: 'assistant', ...message } }],
      usage: { prompt_tokens: 900, completion_tokens: 40, total_tokens: 940 },
    },
  };
}

export function toolCalls(calls: { name: string; args: unknown }[], turn: number): ScriptedReply {
  return completion(
    {
      content: null,
      tool_calls: calls.map((call, index) => ({ id: `call_${turn}_${index}`, type: 'function', function: { name: call.name, arguments: JSON.stringify(call.args) } })),
    },
    'tool_calls',
  );
}

/**
 * The scripted LLM of a reply corpus row: it looks the sender up, reads the orders the ticket names,
 * searches the KB with the ticket, then sends the row's reply.
 */
export function sendReplyScript(row: { ticket: { text: string; email: string }; reply: string }): ScriptedReply[] {
  const orderIds = [...new Set(row.ticket.text.match(/\b[AB]\d{4}\b/g) ?? [])];
  return [
    toolCalls(
      [
        { name: 'get_customer_profile', args: { email: row.ticket.email } },
        ...orderIds.map((orderId) => ({ name: 'get_order_status', args: { order_id: orderId } })),
        { name: 'search_kb', args: { query: row.ticket.text } },
      ],
      0,
    ),
    toolCalls([{ name: 'send_reply', args: { text: row.reply, confidence: 0.99 } }], 1),
    completion({ content: 'done' }, 'stop'),
  ];
}

/**
 * Triages a reply corpus row with its scripted LLM; when it is sent, what the customer receives is
 * exactly the reply that passed the guard.
 */
export async function triageReplyRow(
  apart: ApartRuntime,
  row: { id: string; ticket: { text: string; email: string }; reply: string },
  idPrefix: string,
): Promise<TriageOutcome> {
  await apart.useScript(sendReplyScript(row));
  const ticketId = `${idPrefix}-${row.id}`;
  const { outcome } = await processTicket(apart.runtime, {
    id: ticketId,
    source: 'cli',
    customerEmail: row.ticket.email,
    body: row.ticket.text,
    receivedAt: '2026-12-04T12:00:00Z',
  });
  if (outcome.decision === 'sent') expect(await deliveredText(apart.runtime, ticketId, 'send')).toBe(row.reply);
  return outcome;
}

/** The exact text the outbox would deliver for a ticket (sealed at rest), or null. */
export async function deliveredText(runtime: TriageRuntime, ticketId: string, kind: 'send' | 'draft'): Promise<string | null> {
  const row = await runtime.store.db
    .selectFrom('outbox')
    .select(['sealed_text', 'text'])
    .where('ticket_id', '=', ticketId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  if (!row) return null;
  return row.sealed_text ? runtime.outboxCipher.open(row.sealed_text, ticketId) : row.text;
}

/** Every stored text cell of every table (sealed outbox text aside), for "never stored raw" checks. */
export async function storedTexts(runtime: TriageRuntime): Promise<string[]> {
  const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(runtime.store.db);
  const texts: string[] = [];
  for (const { name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(runtime.store.db);
    for (const row of rows.rows) {
      for (const [column, value] of Object.entries(row)) {
        if (column !== 'sealed_text' && typeof value === 'string') texts.push(value);
      }
    }
  }
  return texts;
}

/** A secret is found raw when it appears as written or as JSON escapes it (newlines in a JSON cell). */
export function containsRaw(haystack: string, secret: string): boolean {
  return haystack.includes(secret) || haystack.includes(JSON.stringify(secret).slice(1, -1));
}
