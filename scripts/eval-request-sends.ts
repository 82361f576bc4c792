/**
 * How many easy requests the whole triage path sends on its own, on this project's held-out text:
 * the held-out inbox mail with no escalation tag and the held-out one-line requests, each sent as a
 * ticket from a known customer (ada@example.com, plan pro) through `triageTicket` with the local
 * model, the demo CRM and the KB. "Easy" = labelled with an intent that has a KB article and (for
 * the mail) no escalation tag. Reports the share sent, sends with a wrong intent, and why the rest
 * were drafted.
 *
 *   npx tsx scripts/eval-request-sends.ts [--set FILE]... [--limit N]
 */
import { parseArgs } from 'node:util';
import { createInMemoryCrm, loadDemoCrmData } from '../src/triage/crm/in-memory-crm.js';
import { loadKnowledgeBase } from '../src/triage/kb/knowledge-base.js';
import { loadDefaultIntentClassifier } from '../src/triage/local-model/intent-classifier.js';
import { LocalChatModel } from '../src/triage/local-model/local-chat-model.js';
import { defaultHeldOutPath, defaultOneLinersPath, readHeldOutExamples } from '../src/triage/local-model/intent-training-data.js';
import { triageTicket } from '../src/triage/pipeline.js';
import { DEFAULT_ALLOWED_LINK_HOSTS } from '../src/triage/send-guard.js';
import { SKILLS_DIRECTORY } from '../src/service/paths.js';

const { values } = parseArgs({ options: { set: { type: 'string', multiple: true }, limit: { type: 'string', default: '100000' } } });
const kb = loadKnowledgeBase();
const classifier = loadDefaultIntentClassifier();
const crmData = loadDemoCrmData();
const hasArticle = (intent: string) => kb.search(intent.replace(/_/g, ' '), { limit: 50 }).some((hit) => hit.intents.includes(intent));

for (const path of values.set ?? [defaultHeldOutPath, defaultOneLinersPath]) {
  const rows = readHeldOutExamples(path)
    .filter((row) => row.intent !== 'other' && (row.tags === undefined || row.tags.length === 0) && hasArticle(row.intent))
    .slice(0, Number(values.limit));
  let sent = 0;
  let wrongSent = 0;
  const reasons = new Map<string, number>();
  for (const [index, row] of rows.entries()) {
    const { outcome } = await triageTicket(
      { id: `T-eval-${index}`, source: 'cli', customerEmail: 'ada@example.com', body: row.text, receivedAt: '2026-12-03T10:00:00.000Z' },
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
    if (outcome.decision === 'sent') {
      sent++;
      if (outcome.intent !== row.intent) wrongSent++;
      continue;
    }
    for (const reason of outcome.reasons) {
      const kind = reason
        .replace(/"[^"]*"/g, '"…"')
        .replace(/\d+(\.\d+)?/g, 'N')
        .replace(/intent [a-z_]+/g, 'intent X')
        .slice(0, 70);
      reasons.set(kind, (reasons.get(kind) ?? 0) + 1);
    }
  }
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  console.log(`${path.split('/').slice(-2).join('/')}: ${rows.length} easy requests, sent ${sent} (${percent(sent / Math.max(1, rows.length))}), sent with a wrong intent ${wrongSent}`);
  for (const [kind, count] of [...reasons].sort((left, right) => right[1] - left[1]).slice(0, 8)) console.log(`  ${String(count).padStart(4)}  ${kind}`);
}
