/**
 * Regenerates the local model's weights from the examples in data/training/ (never its held-out/):
 *   data/model/intent-classifier.json  the intent classifier, from every example
 *   data/model/escalation-tags.json    the escalation tag model, from the examples that carry `tags` and
 *                                      the tag sentences of data/training/escalation/ (thresholds fitted
 *                                      on those sentences, held back fold by fold)
 *   data/model/open-questions.json     the open-question model, from data/training/decisions/ (what
 *                                      reviewers did with calm mail: sent, or answered themselves)
 *
 *   npx tsx scripts/train-classifier.ts [--output FILE] [--tags-output FILE] [--training-dir DIR]
 *   npx tsx scripts/train-classifier.ts --include-reviewed reviewed.jsonl [--output FILE] [--adopt]
 *   npx tsx scripts/train-classifier.ts --only open-questions   (seconds: the other two take minutes)
 *
 * --training-dir reads another corpus laid out like data/training/ (its *.jsonl files, and the tag
 * sentences under escalation/): a team's own corpus, or a small one to try the script on.
 *
 * With --include-reviewed (the output of `triage export-training`) the intent model is a candidate:
 * it is written to data/model/candidate.json, not over the adopted model, unless --adopt is given;
 * see what it changes first with `triage eval --model data/model/candidate.json --baseline BASE.json`.
 * Reviewed examples carry intents, not tags, so a candidate run leaves the tag model as it is. Their
 * outcomes on untagged drafts (approved as drafted, or edited / rejected) are decisions for the
 * open-question model, whose candidate goes to data/model/candidate-open-questions.json
 * (`triage eval --open-questions-model FILE`).
 *
 * Each model records `training.fingerprint` (training-fingerprint.ts): the test of the committed
 * weights compares it with the committed data and code instead of refitting the corpus.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { EscalationTagModel, defaultEscalationModelPath } from '../src/triage/escalation-model.js';
import { fitTagThresholds } from '../src/triage/escalation-thresholds.js';
import { tagTrainingFingerprint } from '../src/triage/escalation-training-fingerprint.js';
import { readTagModelExamples } from '../src/triage/escalation-training-data.js';
import { IntentClassifier, defaultIntentClassifierPath } from '../src/triage/local-model/intent-classifier.js';
import { defaultTrainingDirectory, readTrainingExamples } from '../src/triage/local-model/intent-training-data.js';
import { readDecisionLines } from '../src/triage/local-model/dev-set-decisions.js';
import { OpenQuestionModel, defaultOpenQuestionModelPath } from '../src/triage/open-question-model.js';
import { parseReviewedExamples, reviewedDecisionLines, reviewedTrainingExamples } from '../src/triage/local-model/reviewed-examples.js';

const candidatePath = fileURLToPath(new URL('../data/model/candidate.json', import.meta.url));
const candidateOpenQuestionsPath = fileURLToPath(new URL('../data/model/candidate-open-questions.json', import.meta.url));

try {
  const { values } = parseArgs({
    options: {
      output: { type: 'string' },
      'tags-output': { type: 'string', default: defaultEscalationModelPath },
      'include-reviewed': { type: 'string', multiple: true },
      adopt: { type: 'boolean', default: false },
      'training-dir': { type: 'string' },
      'open-questions-output': { type: 'string' },
      only: { type: 'string' },
    },
  });
  const trainingDirectory = values['training-dir'];
  if (values.only !== undefined && values.only !== 'open-questions') throw new Error(`--only takes "open-questions", not "${values.only}"`);
  const reviewedFiles = values['include-reviewed'] ?? [];
  const reviewedDecisions = reviewedFiles.map((file) => parseReviewedExamples(readFileSync(file, 'utf8'), file));
  const reviewed = reviewedDecisions.flatMap((examples) => reviewedTrainingExamples(examples));
  const reviewedLines = reviewedDecisions.flatMap((examples) => reviewedDecisionLines(examples));
  const trainOpenQuestions = (output: string) => {
    const directory = trainingDirectory ?? defaultTrainingDirectory;
    // A team's own corpus may hold no reviewers' decisions: the committed model is then left as it is.
    if (!existsSync(join(directory, 'decisions'))) {
      console.log(`open questions: no decisions/ folder in ${directory}; ${output} left as it is`);
      return;
    }
    const lines = [...readDecisionLines(directory), ...reviewedLines];
    const started = performance.now();
    const model = OpenQuestionModel.train(lines);
    const json = JSON.stringify(model.toJSON());
    writeFileSync(output, `${json}\n`);
    console.log(
      `open questions: trained on ${lines.length} decisions (${reviewedLines.length} from reviewers, ${model.training.drafted} drafted) in ${seconds(started)} s; ` +
        `wrote ${(json.length / 1e6).toFixed(2)} MB to ${output}`,
    );
  };
  const openQuestionsOutput = values['open-questions-output'] ?? (reviewedFiles.length > 0 && !values.adopt ? candidateOpenQuestionsPath : defaultOpenQuestionModelPath);
  if (values.only === 'open-questions') {
    trainOpenQuestions(openQuestionsOutput);
    process.exit(0);
  }
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
  if (candidate) {
    // Reviewers' decisions teach the open-question model too; a candidate of it, like the intent model's.
    trainOpenQuestions(openQuestionsOutput);
    process.exit(0);
  }

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
  trainOpenQuestions(openQuestionsOutput);
} catch (error) {
  console.error(`train-classifier: ${(error as Error).message.split('\n')[0]}`);
  process.exit(2);
}

function seconds(started: number): string {
  return ((performance.now() - started) / 1000).toFixed(1);
}
