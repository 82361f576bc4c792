/**
 * Rewrites data/training/inbox-dev-sets.jsonl from the eval sets that are dev sets now
 * (src/triage/local-model/dev-set-training.ts lists them). Run after a dev set or the mail reader
 * changes, then `npm run train`; a test requires the committed file to equal a rebuild.
 *
 *   npx tsx scripts/build-dev-set-training.ts
 *
 * A malformed or missing set stops it with the file and line, before anything is written: the
 * committed file is left as it was.
 */
import { writeFileSync } from 'node:fs';
import { buildDevSetTraining, defaultDevSetTrainingPath } from '../src/triage/local-model/dev-set-training.js';

let content: string;
try {
  content = buildDevSetTraining();
} catch (error) {
  console.error(`build-dev-set-training: ${(error as Error).message.split('\n')[0]}`);
  process.exit(2);
}
writeFileSync(defaultDevSetTrainingPath, content);
console.log(`wrote ${content.split('\n').length - 1} lines to ${defaultDevSetTrainingPath}`);
