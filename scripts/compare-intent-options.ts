/**
 * Trains intent classifiers in memory with different options and scores each on the dev sets
 * (data/training/held-out/: the composed inbox mail, the one-liners, the requests written apart, the
 * requests in other voices, the general questions in mail voice): accuracy, and how many predictions reach 0.9 and how many of those are right.
 * Never reads the evaluation-only sets (data/eval/, the Bitext CSV). Writes no model.
 *
 *   npx tsx scripts/compare-intent-options.ts '{"name":"base"}' '{"name":"l2","l2":3e-4}' ...
 *
 * Each argument is a JSON object of TrainOptions (features nested under "features") plus a "name";
 * "exclude" (file names) leaves training files out, e.g. {"exclude":["requests-varied.jsonl"]};
 * "weights" (file name -> weight) makes a file's examples count less or more, e.g. {"weights":{"inbox-mail.jsonl":0.25}};
 * every example's group is its file name, e.g. {"calibrationGroups":["intents.jsonl","short-requests.jsonl"]}.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IntentClassifier, type TrainOptions } from '../src/triage/local-model/intent-classifier.js';
import { evaluateClassifier, type ClassifierEvaluation } from '../src/triage/local-model/intent-evaluation.js';
import {
  defaultOneLinersPath,
  defaultRequestsApartPath,
  defaultRequestsMailVoicesPath,
  defaultRequestsVoicesPath,
  defaultTrainingDirectory,
  parseTrainingExamples,
  readHeldOutExamples,
} from '../src/triage/local-model/intent-training-data.js';
import { requestClassifier } from '../src/triage/local-model/request-classification.js';

const mail = readHeldOutExamples();
const oneLiners = readHeldOutExamples(defaultOneLinersPath);
const apart = readHeldOutExamples(defaultRequestsApartPath);
const voices = readHeldOutExamples(defaultRequestsVoicesPath);
const mailVoices = readHeldOutExamples(defaultRequestsMailVoicesPath);

for (const argument of process.argv.slice(2)) {
  const { name, exclude = [], weights = {}, ...options } = JSON.parse(argument) as TrainOptions & {
    name: string;
    exclude?: string[];
    weights?: Record<string, number>;
  };
  const files = readdirSync(defaultTrainingDirectory)
    .filter((file) => file.endsWith('.jsonl') && !exclude.includes(file))
    .sort();
  const examples = files.flatMap((file) =>
    parseTrainingExamples(readFileSync(join(defaultTrainingDirectory, file), 'utf8'), file).map((example) => ({
      ...example,
      group: file,
      ...(weights[file] === undefined ? {} : { weight: weights[file] }),
    })),
  );
  const started = performance.now();
  const classifier = IntentClassifier.train(examples, options);
  const byRequest = requestClassifier(classifier);
  const scores = [
    ['mail', evaluateClassifier(classifier, mail)],
    ['mail/req', evaluateClassifier(byRequest, mail)],
    ['one-liners', evaluateClassifier(byRequest, oneLiners)],
    ['apart', evaluateClassifier(byRequest, apart)],
    ['voices', evaluateClassifier(byRequest, voices)],
    ['mail voices', evaluateClassifier(byRequest, mailVoices)],
  ] as const;
  const line = scores
    .map(([label, evaluation]) => {
      const sure = sureShare(evaluation);
      return `${label} ${(evaluation.accuracy * 100).toFixed(1)}% >=.9 ${sure.count}/${(sure.accuracy * 100).toFixed(1)}%`;
    })
    .join(' | ');
  console.log(`${name.padEnd(14)} ${line} | T ${classifier.temperature.toFixed(3)} ${JSON.stringify(classifier.training.calibration)} | ${((performance.now() - started) / 1000).toFixed(0)} s`);
  for (const [label, evaluation] of scores.slice(3)) {
    console.log(`  ${label} confusions: ${evaluation.confusions.slice(0, 10).map((c) => `${c.expected}>${c.predicted} ${c.count}`).join(', ')}`);
  }
}

/** The predictions at 0.9 or more (the send threshold): how many, and the share of them that is right. */
function sureShare(evaluation: ClassifierEvaluation): { count: number; accuracy: number } {
  const sure = evaluation.calibration.bins.filter((bin) => bin.lower >= 0.9 - 1e-9);
  const count = sure.reduce((sum, bin) => sum + bin.count, 0);
  const right = sure.reduce((sum, bin) => sum + bin.accuracy * bin.count, 0);
  return { count, accuracy: count === 0 ? 0 : right / count };
}
