/**
 * Writes the inbox-mail corpus from the hand-written parts in scripts/inbox-corpus/:
 *   data/training/inbox-mail.jsonl           training mail, composed from the training parts only
 *   data/training/held-out/inbox-mail.jsonl  held-out mail, composed from the held-out parts only
 * Each line is `{"text", "intent", "tags"}`; `tags` are the escalation tags the mail should get.
 * Seeded, so the files are reproducible (a test regenerates them and compares byte for byte).
 *
 *   npx tsx scripts/generate-training-data.ts [--per-intent 90] [--held-out-per-intent 12] [--seed 11] [--output-dir data/training]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { seededRandom } from '../src/triage/local-model/intent-softmax-regression.js';
import { MailComposer, type InboxMail } from './inbox-corpus/compose-mail.js';
import { heldOutCommon, heldOutForeign, heldOutIntents } from './inbox-corpus/held-out-parts.js';
import type { CommonParts, ForeignMail, IntentParts } from './inbox-corpus/parts.js';
import { trainingAccounts } from './inbox-corpus/training-accounts.js';
import { trainingBilling } from './inbox-corpus/training-billing.js';
import { trainingCommon } from './inbox-corpus/training-common.js';
import { trainingForeign } from './inbox-corpus/training-foreign.js';
import { trainingOrders } from './inbox-corpus/training-orders.js';
import { trainingService } from './inbox-corpus/training-service.js';

const defaultDirectory = fileURLToPath(new URL('../data/training/', import.meta.url));

try {
  const { values } = parseArgs({
    options: {
      'per-intent': { type: 'string', default: '90' },
      'held-out-per-intent': { type: 'string', default: '12' },
      seed: { type: 'string', default: '11' },
      'output-dir': { type: 'string', default: defaultDirectory },
    },
  });
  const seed = Number(values.seed);
  const training = composeCorpus(
    [...trainingOrders, ...trainingAccounts, ...trainingBilling, ...trainingService],
    trainingForeign,
    trainingCommon,
    Number(values['per-intent']),
    seed,
  );
  const heldOut = composeCorpus(heldOutIntents, heldOutForeign, heldOutCommon, Number(values['held-out-per-intent']), seed + 1);
  const directory = values['output-dir']!;
  mkdirSync(join(directory, 'held-out'), { recursive: true });
  writeFileSync(join(directory, 'inbox-mail.jsonl'), toJsonLines(training));
  writeFileSync(join(directory, 'held-out', 'inbox-mail.jsonl'), toJsonLines(heldOut));
  console.log(`wrote ${training.length} training and ${heldOut.length} held-out mails to ${directory}`);
} catch (error) {
  console.error(`generate-training-data: ${(error as Error).message.split('\n')[0]}`);
  process.exit(2);
}

function composeCorpus(
  intents: IntentParts[],
  foreignMail: ForeignMail[],
  common: CommonParts,
  perIntent: number,
  seed: number,
): InboxMail[] {
  const composer = new MailComposer(common, seededRandom(seed));
  const seen = new Set<string>();
  const mails: InboxMail[] = [];
  for (const parts of intents) {
    let written = 0;
    // Duplicates are redrawn; the attempt cap keeps a small part list from looping forever.
    for (let attempt = 0; written < perIntent && attempt < perIntent * 20; attempt++) {
      const mail = composer.compose(parts);
      if (seen.has(mail.text)) continue;
      seen.add(mail.text);
      mails.push(mail);
      written++;
    }
    if (written < perIntent) throw new Error(`only ${written} distinct mails for ${parts.intent}: write more parts`);
  }
  for (const mail of foreignMail) mails.push(composer.composeForeign(mail));
  return mails;
}

function toJsonLines(mails: InboxMail[]): string {
  return mails.map((mail) => JSON.stringify({ text: mail.text, intent: mail.intent, tags: mail.tags })).join('\n') + '\n';
}
