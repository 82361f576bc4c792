/**
 * How many easy requests the whole triage path sends on its own, and which sends should not happen.
 *
 * Two kinds of set:
 * - held-out training files (`{text, intent, tags?}`, default: data/training/held-out/inbox-mail.jsonl
 *   and one-liners.jsonl): each line as a ticket from a known customer (ada@example.com, plan pro).
 *   "Easy" = labelled with an intent that has a KB article and that policy does not always draft
 *   (complaint, contact_human_agent, get_refund, data_protection), and (for the mail) no escalation tag.
 *   Reports the share sent, sends with a wrong intent, and why the rest were drafted.
 * - eval sets with `expect.decision` (e.g. data/eval/sends-apart.jsonl), each line from its own
 *   sender: easy sent (of the lines expected `sent`), unsafe sends (sent although `drafted` was
 *   expected, by id), both per `class` when the lines have one, and why easy lines were drafted.
 *
 * Local model, demo CRM, the KB, threshold 0.9.
 *
 *   npx tsx scripts/eval-request-sends.ts [--set FILE]... [--limit N] [--errors]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createInMemoryCrm, loadDemoCrmData } from '../src/triage/crm/in-memory-crm.js';
import { loadKnowledgeBase } from '../src/triage/kb/knowledge-base.js';
import { loadDefaultIntentClassifier } from '../src/triage/local-model/intent-classifier.js';
import { LocalChatModel } from '../src/triage/local-model/local-chat-model.js';
import { defaultHeldOutPath, defaultOneLinersPath, readHeldOutExamples } from '../src/triage/local-model/intent-training-data.js';
import { triageTicket } from '../src/triage/pipeline.js';
import { DEFAULT_ALLOWED_LINK_HOSTS } from '../src/triage/send-guard.js';
import type { TriageOutcome } from '../src/triage/types.js';
import { SKILLS_DIRECTORY } from '../src/service/paths.js';

const { values } = parseArgs({
  options: {
    set: { type: 'string', multiple: true },
    limit: { type: 'string', default: '100000' },
    errors: { type: 'boolean', default: false },
  },
});
const kb = loadKnowledgeBase();
const classifier = loadDefaultIntentClassifier();
const crmData = loadDemoCrmData();
const hasArticle = (intent: string) => kb.search(intent.replace(/_/g, ' '), { limit: 50 }).some((hit) => hit.intents.includes(intent));
// Drafted by policy whatever the wording (the matrix tags these intents: complaint, human-requested,
// refund, legal-review), so never "easy"; the one-liners have no tags to say so.
const POLICY_DRAFTED_INTENTS = new Set(['other', 'complaint', 'contact_human_agent', 'get_refund', 'data_protection']);
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

interface Case {
  id: string;
  text: string;
  email: string;
  subject?: string;
  intent?: string;
  expected: 'sent' | 'drafted';
  group: string;
}

function readCases(path: string): Case[] {
  const lines = readFileSync(path, 'utf8').split('\n').filter((line) => line.trim());
  const first = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
  if (first.expect === undefined) {
    return readHeldOutExamples(path)
      .filter((row) => !POLICY_DRAFTED_INTENTS.has(row.intent) && (row.tags === undefined || row.tags.length === 0) && hasArticle(row.intent))
      .map((row, index) => ({ id: String(index), text: row.text, email: 'ada@example.com', intent: row.intent, expected: 'sent', group: 'easy' }));
  }
  return lines.map((raw) => {
    const line = JSON.parse(raw) as { id: string; text: string; email?: string; subject?: string; class?: string; expect: { intent?: string; decision: 'sent' | 'drafted' } };
    return {
      id: String(line.id),
      text: line.text,
      email: line.email ?? 'ada@example.com',
      subject: line.subject,
      intent: line.expect.intent,
      expected: line.expect.decision,
      group: line.class ?? line.expect.decision,
    };
  });
}

/** A reason with its numbers, ids and quotes folded, so alike reasons count together. */
function reasonKind(reason: string): string {
  return reason
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\d+(\.\d+)?/g, 'N')
    .replace(/intent [a-z_]+/g, 'intent X')
    .slice(0, 80);
}

for (const path of values.set ?? [defaultHeldOutPath, defaultOneLinersPath]) {
  const cases = readCases(path).slice(0, Number(values.limit));
  const results: { item: Case; outcome: TriageOutcome }[] = [];
  for (const item of cases) {
    const { outcome } = await triageTicket(
      { id: `T-eval-${item.id}`, source: 'cli', customerEmail: item.email, subject: item.subject, body: item.text, receivedAt: '2026-12-03T10:00:00.000Z' },
      {
        model: new LocalChatModel({ classifier, autoSendThreshold: 0.9 }),
        crm: createInMemoryCrm(crmData),
        kb,
        classifier,
        skillDirectories: [SKILLS_DIRECTORY],
        threshold: 0.9,
        allowedLinkHosts: DEFAULT_ALLOWED_LINK_HOSTS,
      },
    );
    results.push({ item, outcome });
  }
  const easy = results.filter(({ item }) => item.expected === 'sent');
  const sent = easy.filter(({ outcome }) => outcome.decision === 'sent');
  const wrongIntent = sent.filter(({ item, outcome }) => item.intent !== undefined && outcome.intent !== item.intent);
  const unsafe = results.filter(({ item, outcome }) => item.expected === 'drafted' && outcome.decision === 'sent');
  console.log(
    `${path.split('/').slice(-2).join('/')}: ${easy.length} easy, sent ${sent.length} (${percent(sent.length / Math.max(1, easy.length))}), ` +
      `sent with a wrong intent ${wrongIntent.length}` +
      (results.length > easy.length ? `; ${results.length - easy.length} to draft, unsafe sends ${unsafe.length}${unsafe.length ? `: ${unsafe.map(({ item }) => item.id).join(', ')}` : ''}` : ''),
  );
  const groups = [...new Set(results.map(({ item }) => item.group))];
  if (groups.length > 1) {
    for (const group of groups) {
      const members = results.filter(({ item }) => item.group === group);
      const right = members.filter(({ item, outcome }) => outcome.decision === item.expected).length;
      console.log(`  ${group.padEnd(16)} ${String(members.length).padStart(4)}  as expected ${right} (${percent(right / members.length)})`);
    }
  }
  const reasons = new Map<string, number>();
  for (const { outcome } of easy.filter(({ outcome }) => outcome.decision !== 'sent')) {
    for (const kind of new Set(outcome.reasons.map(reasonKind))) reasons.set(kind, (reasons.get(kind) ?? 0) + 1);
  }
  console.log('  why easy requests were drafted (a request can have several reasons):');
  for (const [kind, count] of [...reasons].sort((left, right) => right[1] - left[1]).slice(0, 10)) console.log(`  ${String(count).padStart(4)}  ${kind}`);
  if (values.errors) {
    for (const { item, outcome } of wrongIntent) {
      console.log(`\n[${item.id}] sent with a wrong intent: expected ${item.intent}, got ${outcome.intent} ${outcome.confidence}`);
      console.log(`  ${item.text.replace(/\s+/g, ' ').slice(0, 160)}`);
    }
    for (const { item, outcome } of results.filter(({ item, outcome }) => outcome.decision !== item.expected)) {
      console.log(`\n[${item.id}] expected ${item.expected} (${item.intent ?? '-'}), got ${outcome.decision} ${outcome.intent} ${outcome.confidence}`);
      console.log(`  ${item.text.replace(/\s+/g, ' ').slice(0, 160)}`);
      for (const reason of outcome.reasons.slice(0, 4)) console.log(`  - ${reason.slice(0, 200)}`);
    }
  }
}
