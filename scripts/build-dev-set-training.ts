/**
 * Rewrites data/training/inbox-dev-sets.jsonl (and the reviewers' decisions on calm mail,
 * data/training/decisions/inbox-dev-decisions.jsonl) from the eval sets that are dev sets now
 * (src/triage/local-model/dev-set-training.ts lists them). Run after a dev set or the mail reader
 * changes, then `npm run train`; a test requires the committed file to equal a rebuild.
 *
 *   npx tsx scripts/build-dev-set-training.ts
 *
 * A malformed or missing set stops it with the file and line, before anything is written: the
 * committed file is left as it was.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildDevSetDecisions, defaultDevSetDecisionsPath } from '../src/triage/local-model/dev-set-decisions.js';
import { buildDevSetTraining, defaultDevSetTrainingPath } from '../src/triage/local-model/dev-set-training.js';

let content: string;
let decisions: string;
try {
  content = buildDevSetTraining();
  decisions = buildDevSetDecisions();
} catch (error) {
  console.error(`build-dev-set-training: ${(error as Error).message.split('\n')[0]}`);
  process.exit(2);
}
writeFileSync(defaultDevSetTrainingPath, content);
console.log(`wrote ${content.split('\n').length - 1} lines to ${defaultDevSetTrainingPath}`);
mkdirSync(dirname(defaultDevSetDecisionsPath), { recursive: true });
writeFileSync(defaultDevSetDecisionsPath, decisions);
console.log(`wrote ${decisions.split('\n').length - 1} lines to ${defaultDevSetDecisionsPath}`);
