/**
 * Regenerates the local model's weights from the examples in data/training/ (never its held-out/):
 *   data/model/intent-classifier.json  the intent classifier, from every example
 *   data/model/escalation-tags.json    the escalation tag model, from the examples that carry `tags` and
 *                                      the tag sentences of data/training/escalation/ (thresholds fitted
 *                                      on those sentences, held back fold by fold)
 *
 *   npx tsx scripts/train-classifier.ts [--output FILE] [--tags-output FILE] [--training-dir DIR]
 *   npx tsx scripts/train-classifier.ts --include-reviewed reviewed.jsonl [--output FILE] [--adopt]
 *
 * --training-dir reads another corpus laid out like data/training/ (its *.jsonl files, and the tag
 * sentences under escalation/): a team's own corpus, or a small one to try the script on.
 *
 * With --include-reviewed (the output of `triage export-training`) the intent model is a candidate:
 * it is written to data/model/candidate.json, not over the adopted model, unless --adopt is given;
 * see what it changes first with `triage eval --model data/model/candidate.json --baseline BASE.json`.
 * Reviewed examples carry intents, not tags, so a candidate run leaves the tag model as it is.
 *
 * Each model records `training.fingerprint` (training-fingerprint.ts): the test of the committed
 * weights compares it with the committed data and code instead of refitting the corpus.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { EscalationTagModel, defaultEscalationModelPath } from '../src/triage/escalation-model.js';
import { fitTagThresholds } from '../src/triage/escalation-thresholds.js';
import { tagTrainingFingerprint } from '../src/triage/escalation-training-fingerprint.js';
import { readTagModelExamples } from '../src/triage/escalation-training-data.js';
import { IntentClassifier, defaultIntentClassifierPath } from '../src/triage/local-model/intent-classifier.js';
import { readTrainingExamples } from '../src/triage/local-model/intent-training-data.js';
import { parseReviewedExamples, reviewedTrainingExamples } from '../src/triage/local-model/reviewed-examples.js';

const candidatePath = fileURLToPath(new URL('../data/model/candidate.json', import.meta.url));

try {
  const { values } = parseArgs({
    options: {
      output: { type: 'string' },
      'tags-output': { type: 'string', default: defaultEscalationModelPath },
      'include-reviewed': { type: 'string', multiple: true },
      adopt: { type: 'boolean', default: false },
      'training-dir': { type: 'string' },
    },
  });
  const trainingDirectory = values['training-dir'];
  const reviewedFiles = values['include-reviewed'] ?? [];
  const reviewed = reviewedFiles.flatMap((file) => reviewedTrainingExamples(parseReviewedExamples(readFileSync(file, 'utf8'), file)));
  const candidate = reviewedFiles.length > 0 && !values.adopt;
  const output = values.output ?? (candidate ? candidatePath : defaultIntentClassifierPath);
  const corpus = readTrainingExamples(trainingDirectory);
  const examples = [...corpus, ...reviewed];
  let started = performance.now();
  const classifier = IntentClassifier.train(examples);
  const serialised = classifier.toJSON();
  const json = JSON.stringify({ ...serialised, training: { ...serialised.training, fingerprint: IntentClassifier.fingerprint(examples) } });
  writeFileSync(output, `${json}\n`);
  console.log(
    `intents: trained on ${examples.length} examples (${reviewed.length} from reviewers), ${classifier.intents.length} intents in ${seconds(started)} s; ` +
      `${JSON.stringify(classifier.training.calibration)}; wrote ${(json.length / 1e6).toFixed(2)} MB to ${output}`,
  );
  if (candidate) process.exit(0);

  const { corpus: taggedMail, sentences } = readTagModelExamples(trainingDirectory);
  const tagged = [...taggedMail, ...sentences];
  started = performance.now();
  const fit = fitTagThresholds(taggedMail, sentences);
  console.log(`tags: thresholds fitted on ${sentences.length} held-back tag sentences in ${seconds(started)} s: ${JSON.stringify(fit.heldBack)}`);
  started = performance.now();
  const tagModel = EscalationTagModel.train(tagged, { thresholds: fit.thresholds });
  const tagSerialised = tagModel.toJSON();
  const tagJson = JSON.stringify({ ...tagSerialised, training: { ...tagSerialised.training, fingerprint: tagTrainingFingerprint(taggedMail, sentences) } });
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
