/**
 * Regenerates data/model/intent-classifier.json from the examples in data/training/.
 *
 *   npx tsx scripts/train-classifier.ts [--output FILE]
 *   npx tsx scripts/train-classifier.ts --include-reviewed reviewed.jsonl [--output FILE] [--adopt]
 *
 * With --include-reviewed (the output of `triage export-training`) the model is a candidate: it is
 * written to data/model/candidate.json, not over the adopted model, unless --adopt is given; see
 * what it changes first with `triage eval --model data/model/candidate.json --baseline BASE.json`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { IntentClassifier, defaultIntentClassifierPath } from '../src/triage/local-model/intent-classifier.js';
import { readTrainingExamples } from '../src/triage/local-model/intent-training-data.js';
import { parseReviewedExamples, reviewedTrainingExamples } from '../src/triage/local-model/reviewed-examples.js';

const candidatePath = fileURLToPath(new URL('../data/model/candidate.json', import.meta.url));

try {
  const { values } = parseArgs({
    options: { output: { type: 'string' }, 'include-reviewed': { type: 'string', multiple: true }, adopt: { type: 'boolean', default: false } },
  });
  const reviewedFiles = values['include-reviewed'] ?? [];
  const reviewed = reviewedFiles.flatMap((file) => reviewedTrainingExamples(parseReviewedExamples(readFileSync(file, 'utf8'), file)));
  const output = values.output ?? (reviewedFiles.length > 0 && !values.adopt ? candidatePath : defaultIntentClassifierPath);
  const examples = [...readTrainingExamples(), ...reviewed];
  const started = performance.now();
  const classifier = IntentClassifier.train(examples);
  const seconds = (performance.now() - started) / 1000;
  const json = JSON.stringify(classifier.toJSON());
  writeFileSync(output, `${json}\n`);
  console.log(
    `trained on ${examples.length} examples (${reviewed.length} from reviewers), ${classifier.intents.length} intents in ${seconds.toFixed(1)} s; ` +
      `${JSON.stringify(classifier.training.calibration)}; wrote ${(json.length / 1e6).toFixed(2)} MB to ${output}`,
  );
} catch (error) {
  console.error(`train-classifier: ${(error as Error).message.split('\n')[0]}`);
  process.exit(2);
}
