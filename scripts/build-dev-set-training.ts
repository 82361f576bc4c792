/**
 * Rewrites data/training/inbox-dev-sets.jsonl from the eval sets that are dev sets now
 * (src/triage/local-model/dev-set-training.ts lists them). Run after a dev set or the mail reader
 * changes, then `npm run train`; a test requires the committed file to equal a rebuild.
 *
 *   npx tsx scripts/build-dev-set-training.ts
 */
import { writeFileSync } from 'node:fs';
import { buildDevSetTraining, defaultDevSetTrainingPath } from '../src/triage/local-model/dev-set-training.js';

const content = buildDevSetTraining();
writeFileSync(defaultDevSetTrainingPath, content);
console.log(`wrote ${content.split('\n').length - 1} lines to ${defaultDevSetTrainingPath}`);
