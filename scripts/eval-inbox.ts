/**
 * Runs a labelled inbox set through the real triage path (the composition `triage eval` uses, on an
 * in-memory SQLite store so nothing reaches the main store) and scores it: intent and decision
 * accuracy, easy mail sent, unsafe sends, per-tag precision and recall, by class, form and language.
 *
 *   npx tsx scripts/eval-inbox.ts [--set data/eval/inbox-heldout.jsonl] [--group class,form,lang] [--json]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
// Same settings as the `triage` command, so a configured LLM is measured the same way.
import 'dotenv/config';
import { loadConfig } from '../src/service/config.js';
import { evaluateInbox, formatInboxReport, parseLabelledEvalSet } from '../src/service/inbox-evaluation.js';
import { createTriageRuntime } from '../src/service/triage-runtime.js';

try {
  const { values } = parseArgs({
    options: {
      set: { type: 'string', default: 'data/eval/inbox-heldout.jsonl' },
      group: { type: 'string', default: 'class,form,lang' },
      json: { type: 'boolean', default: false },
    },
  });
  const lines = parseLabelledEvalSet(readFileSync(values.set!, 'utf8'), values.set);
  const runtime = await createTriageRuntime(loadConfig(process.env), { databaseUrl: 'sqlite::memory:' });
  const groupFields = values.group!.split(',').map((field) => field.trim()).filter(Boolean);
  const { report, results } = await evaluateInbox(runtime, lines, groupFields).finally(() => runtime.close());
  if (values.json) {
    console.log(JSON.stringify({ set: values.set, report, results }, null, 2));
  } else {
    console.log(`set ${values.set}  model ${runtime.config.TRIAGE_MODEL}  threshold ${runtime.config.AUTO_SEND_THRESHOLD}\n`);
    console.log(formatInboxReport(report));
  }
} catch (error) {
  console.error(`eval-inbox: ${(error as Error).message.split('\n')[0]}`);
  process.exit(2);
}
