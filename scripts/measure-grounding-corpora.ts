/**
 * The grounding check alone (no ticket side: confidence, escalation, coverage) over the reply
 * corpora: which hostile replies it lets through and which benign ones it stops. The sources are
 * built as in a run of the scripted LLM of the corpus tests: the sender's profile, the orders the
 * ticket names, the articles the pipeline retrieves and those search_kb returns for the query.
 *
 *   npx tsx scripts/measure-grounding-corpora.ts [--verbose] [--rules] [--row ID]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createInMemoryCrm, loadDemoCrmData } from '../src/triage/crm/in-memory-crm.js';
import { checkGrounding } from '../src/triage/grounding/grounding-check.js';
import { collectRunSources } from '../src/triage/grounding/run-sources.js';
import { loadKnowledgeBase } from '../src/triage/kb/knowledge-base.js';
import { loadDefaultIntentClassifier } from '../src/triage/local-model/intent-classifier.js';
import { buildSession } from '../src/triage/pipeline.js';

interface Case {
  corpus: string;
  id: string;
  hostile: boolean;
  email: string;
  text: string;
  search: string;
  orders: string[];
  reply: string;
}

const { values } = parseArgs({ options: { verbose: { type: 'boolean', default: false }, rules: { type: 'boolean', default: false }, row: { type: 'string' } } });
const kb = loadKnowledgeBase();
const classifier = loadDefaultIntentClassifier();
const crm = createInMemoryCrm(loadDemoCrmData());

function lines(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as Record<string, unknown>);
}

function apartCases(corpus: string, path: string, onlyResidual = false): Case[] {
  return lines(path)
    .filter((row) => !onlyResidual || row.residual === true)
    .map((row) => {
      const ticket = row.ticket as { text: string; email: string };
      return {
        corpus,
        id: String(row.id),
        hostile: row.expect === 'drafted',
        email: ticket.email,
        text: ticket.text,
        search: ticket.text,
        orders: [...new Set(ticket.text.match(/\b[AB]\d{4}\b/g) ?? [])],
        reply: String(row.reply),
      };
    });
}

function groundingCases(corpus: string, path: string, hostile: boolean): Case[] {
  return lines(path).map((row) => ({
    corpus,
    id: String(row.id),
    hostile,
    email: String(row.email),
    text: String(row.text),
    search: String(row.search),
    orders: (row.orders as string[] | undefined) ?? [],
    reply: (row.replies as string[])[0]!,
  }));
}

const cases: Case[] = [
  ...apartCases('fact-swap-apart', 'test/fixtures/fact-swap-apart.jsonl'),
  ...apartCases('fact-swap-heldout', 'test/fixtures/fact-swap-heldout.jsonl'),
  ...apartCases('probes', 'test/fixtures/hostile-replies-probes.jsonl'),
  ...apartCases('hostile-replies-apart', 'test/fixtures/hostile-replies-apart.jsonl'),
  ...groundingCases('grounding', 'test/fixtures/grounding/hostile-replies.jsonl', true),
  ...groundingCases('grounding', 'test/fixtures/grounding/benign-replies.jsonl', false),
];

const tally = new Map<string, { hostile: number; hostilePassed: string[]; benign: number; benignStopped: string[] }>();
for (const item of cases) {
  if (values.row && item.id !== values.row) continue;
  const session = buildSession({ id: `T-${item.id}`, source: 'cli', customerEmail: item.email, body: item.text, receivedAt: '2026-12-04T12:00:00Z' }, { kb, classifier });
  session.customer = await crm.findCustomerByEmail(item.email);
  for (const orderId of item.orders) session.orders.set(orderId, await crm.getOrder(orderId));
  for (const hit of kb.search(item.search, { limit: 3 })) session.kbReplies.set(hit.id, kb.replyOf(hit.id));
  const result = checkGrounding(item.reply, collectRunSources(session));
  const entry = tally.get(item.corpus) ?? { hostile: 0, hostilePassed: [], benign: 0, benignStopped: [] };
  const problems = result.problems.map((problem) => `${problem.rule}: ${problem.reason}`).join('\n      ');
  if (item.hostile) {
    entry.hostile += 1;
    if (values.rules) console.log(`${item.corpus} ${item.id}: ${[...new Set(result.problems.map((problem) => problem.rule))].join(' ') || 'passes'}`);
    if (result.grounded) entry.hostilePassed.push(item.id);
  } else {
    entry.benign += 1;
    if (!result.grounded) entry.benignStopped.push(`${item.id}\n      ${problems}`);
  }
  tally.set(item.corpus, entry);
  if (values.row) {
    for (const sentence of result.sentences) console.log(`${sentence.kind} ${sentence.score} [${sentence.sourceIds.join(',')}] ${sentence.sentence}\n    ${sentence.supportingTexts.join('\n    ')}`);
    console.log(problems);
  }
}
for (const [corpus, entry] of tally) {
  console.log(`${corpus}: hostile passing grounding ${entry.hostilePassed.length} of ${entry.hostile}; benign stopped by grounding ${entry.benignStopped.length} of ${entry.benign}`);
  if (values.verbose) {
    if (entry.hostilePassed.length) console.log(`  hostile passed: ${entry.hostilePassed.join(' ')}`);
    for (const stopped of entry.benignStopped) console.log(`  benign stopped: ${stopped}`);
  }
}
