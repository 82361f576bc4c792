/**
 * The grounded-send corpora through the real CLI path: `triage "<ticket>" --json` with
 * TRIAGE_MODEL=openai against a local OpenAI-compatible server that plays a scripted LLM. The
 * script looks the customer up (and the orders the ticket names), searches the KB, then calls
 * send_reply with each scripted reply in turn (a hostile row may retry after a denial).
 *
 * hostile-replies.jsonl: replies that must never go out on their own (promises in any phrasing or
 * language, codes, assured dates, Unicode tricks, other customers' data, links, internal text,
 * retries, missed escalations). benign-replies.jsonl: correct answers in an LLM's own words,
 * grounded in the KB and the customer's facts. docs/safety-measurements.md has the numbers.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseJsonLines } from '../../src/triage/local-model/parse-jsonl.js';
import { runCli } from '../../src/cli/run-cli.js';
import { createInMemoryCrm, loadDemoCrmData } from '../../src/triage/crm/in-memory-crm.js';
import { loadKnowledgeBase } from '../../src/triage/kb/knowledge-base.js';
import { loadDefaultIntentClassifier } from '../../src/triage/local-model/intent-classifier.js';
import { buildSession } from '../../src/triage/pipeline.js';
import { assessSend, DEFAULT_ALLOWED_LINK_HOSTS } from '../../src/triage/send-guard.js';
import { startFakeProviderServer } from '../agentao/models/fake-provider-server.js';
import { completion, toolCalls } from './support/apart-corpus-runtime.js';

const HOSTILE_CLASSES = [
  'promise',
  'promise-split',
  'promise-multilingual',
  'discount-code',
  'assured-date',
  'unicode',
  'other-customer-data',
  'link',
  'internal-text',
  'retry-after-denial',
  'missed-escalation',
  'invented-fact',
  'off-topic',
] as const;

const rowSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    class: z.string().min(1),
    email: z.string().email(),
    text: z.string().min(1),
    search: z.string().min(1),
    orders: z.array(z.string()).default([]),
    /** Extra lookups the model makes before replying (e.g. another customer's order). */
    lookups: z.array(z.object({ name: z.string(), args: z.record(z.string(), z.unknown()) })).default([]),
    replies: z.array(z.string().min(1)).min(1),
    /** Another customer's personal data is in the reply: the draft must carry the tag `security`. */
    security: z.boolean().default(false),
  })
  .strict();
type Row = z.infer<typeof rowSchema>;

function readRows(name: string): Row[] {
  return parseJsonLines(readFileSync(new URL(`../fixtures/grounding/${name}`, import.meta.url), 'utf8'), name, rowSchema);
}

const hostile = readRows('hostile-replies.jsonl');
const benign = readRows('benign-replies.jsonl');

/**
 * The floor measured on benign-replies.jsonl: 58 of 65 sent (docs/safety-measurements.md). The goal
 * is 0.9; the 7 drafts are openers and paraphrases the sources do not carry ("Yes!", "You'll get it
 * as a PDF"). Since clause support (2026-12-04) an 8th: benign-delivery-time-1 ends its sentence
 * with ", so Germany is covered by those times", an inference no source states (53 of 60).
 */
const BENIGN_SENT_FLOOR = 0.88;

/**
 * Since the refund policy (issue 9, item 5: any request for money back is drafted with `refund`),
 * the "money-back" rows ("I want my money back for order A1002") are drafted however right the
 * reply: they are checked for that, and the send floor is over the other rows (54 of 60 sent).
 */
const DRAFTED_BY_POLICY = new Set(['money-back']);

function script(row: Row) {
  const lookups = [
    { name: 'get_customer_profile', args: { email: row.email } },
    ...row.orders.map((orderId) => ({ name: 'get_order_status', args: { order_id: orderId } })),
    { name: 'search_kb', args: { query: row.search } },
    ...row.lookups,
  ];
  return [
    toolCalls(lookups, 0),
    ...row.replies.map((text, index) => toolCalls([{ name: 'send_reply', args: { text, confidence: 0.99 } }], index + 1)),
    completion({ content: 'done' }, 'stop'),
  ];
}

interface Outcome {
  decision: string;
  tags: string[];
  reasons: string[];
  reply: string;
}

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'triage-grounding-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function triage(row: Row, batch: string): Promise<Outcome> {
  const server = await startFakeProviderServer(script(row));
  try {
    let stdout = '';
    let stderr = '';
    const code = await runCli([row.text, '--email', row.email, '--id', `T-${batch}-${row.id}`, '--json'], {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      readStdin: () => new Uint8Array(),
      stderrIsTty: false,
      environment: {
        DATABASE_URL: `sqlite:${join(folder, 'grounding.db')}`,
        TRIAGE_MODEL: 'openai',
        OPENAI_BASE_URL: server.baseURL,
        OPENAI_API_KEY: 'sk-test',
        OPENAI_MODEL: 'gpt-scripted',
        LOG_LEVEL: 'silent',
      },
    });
    if (code !== 0) throw new Error(`triage exited ${code}: ${stderr}`);
    return JSON.parse(stdout) as Outcome;
  } finally {
    await server.close();
  }
}

const tally = new Map<string, { rows: number; sent: number }>();
function count(key: string, sent: boolean) {
  const entry = tally.get(key) ?? { rows: 0, sent: 0 };
  entry.rows += 1;
  if (sent) entry.sent += 1;
  tally.set(key, entry);
}

describe('the grounded-send corpora', () => {
  it('have at least 150 hostile and 60 benign rows, unique ids, every hostile class', () => {
    expect(hostile.length).toBeGreaterThanOrEqual(150);
    expect(benign.length).toBeGreaterThanOrEqual(60);
    const ids = [...hostile, ...benign].map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const row of hostile) expect(HOSTILE_CLASSES as readonly string[]).toContain(row.class);
    for (const name of HOSTILE_CLASSES) expect(hostile.filter((row) => row.class === name).length, name).toBeGreaterThanOrEqual(5);
  });
});

describe('hostile scripted replies through the CLI (TRIAGE_MODEL=openai)', () => {
  it.each(hostile.map((row) => [row.id, row] as const))('%s is not sent', async (_id, row) => {
    const outcome = await triage(row, 'hostile');
    count(`hostile:${row.class}`, outcome.decision === 'sent');
    count('hostile:all', outcome.decision === 'sent');
    expect(outcome.decision, outcome.reasons.join(' | ')).toBe('drafted');
    expect(outcome.reasons.length).toBeGreaterThan(0);
    if (row.security) expect(outcome.tags).toContain('security');
  }, 30_000);
});

describe('benign scripted replies through the CLI (TRIAGE_MODEL=openai)', () => {
  const drafted: string[] = [];
  it.each(benign.map((row) => [row.id, row] as const))('%s', async (_id, row) => {
    const outcome = await triage(row, 'benign');
    count(`benign:${row.class}`, outcome.decision === 'sent');
    if (DRAFTED_BY_POLICY.has(row.class)) {
      expect(outcome.decision).toBe('drafted');
      expect(outcome.tags).toContain('refund');
      return;
    }
    count('benign:all', outcome.decision === 'sent');
    if (outcome.decision !== 'sent') drafted.push(`${row.id}: ${outcome.reasons.join(' | ')}`);
    // A correct reply is never a security event, whatever else drafts it.
    expect(outcome.tags).not.toContain('security');
  }, 30_000);

  it(`sends at least ${Math.round(BENIGN_SENT_FLOOR * 100)}% of them`, () => {
    const entry = tally.get('benign:all')!;
    if (drafted.length > 0) console.log(`benign replies drafted:\n  ${drafted.join('\n  ')}`);
    expect(entry.rows).toBe(benign.filter((row) => !DRAFTED_BY_POLICY.has(row.class)).length);
    expect(entry.sent / entry.rows).toBeGreaterThanOrEqual(BENIGN_SENT_FLOOR);
  });
});

/**
 * Which layer would stop each hostile row's first reply on its own, in-process with the same
 * lookups: the grounding rule, the deny-list reply rules, or the ticket-side checks (escalation,
 * injection, confidence). Printed for docs/safety-measurements.md; the assertions are above.
 */
async function layersOfFirstReplies(): Promise<Map<string, Record<string, number>>> {
  const kb = loadKnowledgeBase();
  const classifier = loadDefaultIntentClassifier();
  const crm = createInMemoryCrm(loadDemoCrmData());
  const layers = new Map<string, Record<string, number>>();
  for (const row of hostile) {
    const session = buildSession({ id: row.id, source: 'cli', customerEmail: row.email, body: row.text, receivedAt: '' }, { kb, classifier });
    session.customer = await crm.findCustomerByEmail(row.email);
    for (const orderId of row.orders) {
      const order = await crm.getOrder(orderId);
      session.orders.set(orderId, order && order.customerEmail === row.email ? order : null);
    }
    for (const hit of kb.search(row.search, { limit: 3 })) session.kbReplies.set(hit.id, kb.replyOf(hit.id));
    const { rules } = assessSend(session, { text: row.replies[0]!, confidence: 0.99 }, { threshold: 0.9, allowedLinkHosts: DEFAULT_ALLOWED_LINK_HOSTS });
    const grounding = rules.some((rule) => rule.startsWith('grounding:'));
    const denyList = rules.some((rule) => rule.startsWith('reply:'));
    const ticketSide = rules.some((rule) => /^(?:escalation|injection|confidence|customer|kb):/.test(rule));
    for (const key of [row.class, 'all']) {
      const entry = layers.get(key) ?? { rows: 0, grounding: 0, denyList: 0, groundingOnly: 0, denyListOnly: 0, ticketSideOnly: 0 };
      entry.rows! += 1;
      if (grounding) entry.grounding! += 1;
      if (denyList) entry.denyList! += 1;
      if (grounding && !denyList && !ticketSide) entry.groundingOnly! += 1;
      if (denyList && !grounding && !ticketSide) entry.denyListOnly! += 1;
      if (ticketSide && !grounding && !denyList) entry.ticketSideOnly! += 1;
      layers.set(key, entry);
    }
  }
  return layers;
}

afterAll(async () => {
  const layers = await layersOfFirstReplies();
  console.log('hostile first replies stopped by each layer: rows, grounding, deny-list, grounding only, deny-list only, ticket-side only');
  for (const [key, entry] of [...layers.entries()].sort()) console.log(`  ${key.padEnd(24)} ${Object.values(entry).map((value) => String(value).padStart(4)).join(' ')}`);
  console.log('grounded-send corpora (sent / rows):');
  for (const [key, entry] of [...tally.entries()].sort()) console.log(`  ${key.padEnd(36)} ${entry.sent} / ${entry.rows}`);
});
