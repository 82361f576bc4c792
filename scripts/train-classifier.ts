/**
 * Regenerates data/model/intent-classifier.json from the examples in data/training/.
 *
 *   npx tsx scripts/train-classifier.ts [--output FILE]
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { IntentClassifier, defaultIntentClassifierPath } from '../src/triage/local-model/intent-classifier.js';
import { readTrainingExamples } from '../src/triage/local-model/intent-training-data.js';

try {
  const { values } = parseArgs({ options: { output: { type: 'string', default: defaultIntentClassifierPath } } });
  const examples = readTrainingExamples();
  const started = performance.now();
  const classifier = IntentClassifier.train(examples);
  const seconds = (performance.now() - started) / 1000;
  const json = JSON.stringify(classifier.toJSON());
  writeFileSync(values.output!, `${json}\n`);
  console.log(
    `trained on ${examples.length} examples, ${classifier.intents.length} intents in ${seconds.toFixed(1)} s; ` +
      `${JSON.stringify(classifier.training.calibration)}; wrote ${(json.length / 1e6).toFixed(2)} MB to ${values.output}`,
  );
} catch (error) {
  console.error(`train-classifier: ${(error as Error).message.split('\n')[0]}`);
  process.exit(2);
}
