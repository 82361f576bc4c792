/**
 * Regenerates the local model's weights from the examples in data/training/ (never its held-out/):
 *   data/model/intent-classifier.json  the intent classifier, from every example
 *   data/model/escalation-tags.json    the escalation tag model, from the examples that carry `tags`
 *
 *   npx tsx scripts/train-classifier.ts [--output FILE] [--tags-output FILE]
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { EscalationTagModel, defaultEscalationModelPath } from '../src/triage/escalation-model.js';
import { IntentClassifier, defaultIntentClassifierPath } from '../src/triage/local-model/intent-classifier.js';
import { readTrainingExamples } from '../src/triage/local-model/intent-training-data.js';

try {
  const { values } = parseArgs({
    options: {
      output: { type: 'string', default: defaultIntentClassifierPath },
      'tags-output': { type: 'string', default: defaultEscalationModelPath },
    },
  });
  const examples = readTrainingExamples();
  let started = performance.now();
  const classifier = IntentClassifier.train(examples);
  const json = JSON.stringify(classifier.toJSON());
  writeFileSync(values.output!, `${json}\n`);
  console.log(
    `intents: trained on ${examples.length} examples, ${classifier.intents.length} intents in ${seconds(started)} s; ` +
      `${JSON.stringify(classifier.training.calibration)}; wrote ${(json.length / 1e6).toFixed(2)} MB to ${values.output}`,
  );

  const tagged = examples.flatMap((example) => (example.tags ? [{ text: example.text, tags: example.tags }] : []));
  started = performance.now();
  const tagModel = EscalationTagModel.train(tagged);
  const tagJson = JSON.stringify(tagModel.toJSON());
  writeFileSync(values['tags-output']!, `${tagJson}\n`);
  const thresholds = Object.fromEntries(tagModel.tags.map((tag, index) => [tag, tagModel.thresholds[index]]));
  console.log(
    `tags: trained on ${tagged.length} tag-labelled examples in ${seconds(started)} s; thresholds ${JSON.stringify(thresholds)}; ` +
      `wrote ${(tagJson.length / 1e6).toFixed(2)} MB to ${values['tags-output']}`,
  );
} catch (error) {
  console.error(`train-classifier: ${(error as Error).message.split('\n')[0]}`);
  process.exit(2);
}

function seconds(started: number): string {
  return ((performance.now() - started) / 1000).toFixed(1);
}
