/**
 * Evaluates the committed local model on the held-out inbox mail (data/training/held-out/, written
 * apart from the training parts and never trained on): intent accuracy, and escalation tag
 * precision and recall for the whole matrix, the word lists alone and the tag model alone.
 *
 *   npx tsx scripts/eval-inbox-mail.ts [--set data/training/held-out/inbox-mail.jsonl] [--errors 20] [--json]
 *
 * Intents are reported twice: the whole mail (`classifier.predict`) and by its request
 * (`classifyRequest`: the whole mail and its sentences, as the pipeline and the local model read
 * it), each with its ECE; on the held-out one-line requests (data/training/held-out/one-liners.jsonl); and on
 * the short requests written apart from requests-varied.jsonl (data/training/held-out/requests-apart.jsonl);
 * and on the requests in other voices (data/training/held-out/requests-voices.jsonl); and on general
 * questions in whole short mails (data/training/held-out/requests-mail-voices.jsonl, "mail voices").
 *
 * Also the general questions the KB answers of data/training/held-out/requests-kb-topics-b.jsonl
 * (billing dates, upgrades, customs, countries, stock, confirmations: "kb topics b").
 */
import { parseArgs } from 'node:util';
import { loadDefaultEscalationModel } from '../src/triage/escalation-model.js';
import { evaluateTags, type TagEvaluation } from '../src/triage/escalation-evaluation.js';
import { detectEscalation, escalationTags } from '../src/triage/escalation.js';
import { matchWordLists } from '../src/triage/escalation-word-lists.js';
import { loadDefaultIntentClassifier } from '../src/triage/local-model/intent-classifier.js';
import { evaluateClassifier } from '../src/triage/local-model/intent-evaluation.js';
import {
  defaultHeldOutPath,
  defaultOneLinersPath,
  defaultRequestsApartPath,
  defaultRequestsKbTopicsAPath,
  defaultRequestsMailVoicesPath,
  defaultRequestsVoicesPath,
  readHeldOutExamples,
} from '../src/triage/local-model/intent-training-data.js';
import { classifyRequest, requestClassifier } from '../src/triage/local-model/request-classification.js';
import { defaultRequestsKbTopicsBPath, defaultRequestsShortXPath, defaultRequestsShortYPath, defaultRequestsShortZPath } from '../src/triage/local-model/intent-training-data.js';

try {
  const { values } = parseArgs({
    options: {
      set: { type: 'string', default: defaultHeldOutPath },
      errors: { type: 'string', default: '15' },
      json: { type: 'boolean', default: false },
    },
  });
  const rows = readHeldOutExamples(values.set!);
  const tagged = rows.flatMap((row) => (row.tags ? [{ text: row.text, tags: row.tags }] : []));
  const classifier = loadDefaultIntentClassifier();
  const model = loadDefaultEscalationModel();
  const intents = evaluateClassifier(classifier, rows);
  const requests = evaluateClassifier(requestClassifier(classifier), rows);
  const oneLiners = evaluateClassifier(requestClassifier(classifier), readHeldOutExamples(defaultOneLinersPath));
  const requestsApart = evaluateClassifier(requestClassifier(classifier), readHeldOutExamples(defaultRequestsApartPath));
  const requestsVoices = evaluateClassifier(requestClassifier(classifier), readHeldOutExamples(defaultRequestsVoicesPath));
  const mailVoices = evaluateClassifier(requestClassifier(classifier), readHeldOutExamples(defaultRequestsMailVoicesPath));
  // General questions the KB answers (warranty, student pricing, gift cards, saved cards, VAT): "kb topics a".
  const kbTopicsA = evaluateClassifier(requestClassifier(classifier), readHeldOutExamples(defaultRequestsKbTopicsAPath));
  const sureShare = (evaluation: typeof intents) => {
    const sure = evaluation.calibration.bins.filter((bin) => bin.lower >= 0.9 - 1e-9);
    const count = sure.reduce((sum, bin) => sum + bin.count, 0);
    const right = sure.reduce((sum, bin) => sum + bin.accuracy * bin.count, 0);
    return { count, accuracy: count === 0 ? 0 : right / count };
  };
  const kbTopicsB = evaluateClassifier(requestClassifier(classifier), readHeldOutExamples(defaultRequestsKbTopicsBPath));
  // Short requests typed after their training files (requests-short-x/-y): "short x" and "short y".
  const shortX = evaluateClassifier(requestClassifier(classifier), readHeldOutExamples(defaultRequestsShortXPath));
  const shortY = evaluateClassifier(requestClassifier(classifier), readHeldOutExamples(defaultRequestsShortYPath));
  // Chat-widget one-liners for twenty intents, typed after requests-short-z.jsonl: "short z".
  const shortZ = evaluateClassifier(requestClassifier(classifier), readHeldOutExamples(defaultRequestsShortZPath));
  const matrix = evaluateTags(tagged, (text) => {
    // As the pipeline reads a mail: the intent by its request, with that confidence.
    const intent = classifyRequest(classifier, text);
    return escalationTags(detectEscalation({ text, intent: intent.intent, intentConfidence: intent.confidence, customer: null }));
  });
  const wordLists = evaluateTags(tagged, (text) => matchWordLists(text).map((found) => found.tag));
  const tagModel = evaluateTags(tagged, (text) => model.predict(text).map((score) => score.tag));
  if (values.json) {
    console.log(
      JSON.stringify(
        {
          rows: rows.length,
          intentAccuracy: intents.accuracy,
          intentEce: intents.calibration.expectedCalibrationError,
          requestAccuracy: requests.accuracy,
          requestEce: requests.calibration.expectedCalibrationError,
          oneLinerAccuracy: oneLiners.accuracy,
          oneLinerEce: oneLiners.calibration.expectedCalibrationError,
          requestsApartAccuracy: requestsApart.accuracy,
          requestsApartEce: requestsApart.calibration.expectedCalibrationError,
          requestsVoicesAccuracy: requestsVoices.accuracy,
          requestsVoicesEce: requestsVoices.calibration.expectedCalibrationError,
          requestsVoicesSure: sureShare(requestsVoices),
          kbTopicsBAccuracy: kbTopicsB.accuracy,
          kbTopicsBEce: kbTopicsB.calibration.expectedCalibrationError,
          kbTopicsBSure: sureShare(kbTopicsB),
          mailVoicesAccuracy: mailVoices.accuracy,
          mailVoicesEce: mailVoices.calibration.expectedCalibrationError,
          mailVoicesSure: sureShare(mailVoices),
          kbTopicsAAccuracy: kbTopicsA.accuracy,
          kbTopicsAEce: kbTopicsA.calibration.expectedCalibrationError,
          kbTopicsASure: sureShare(kbTopicsA),
          shortXAccuracy: shortX.accuracy,
          shortXSure: sureShare(shortX),
          shortYAccuracy: shortY.accuracy,
          shortYSure: sureShare(shortY),
          shortZAccuracy: shortZ.accuracy,
          shortZSure: sureShare(shortZ),
          matrix,
          wordLists,
          tagModel,
        },
        null,
        2,
      ),
    );
  } else {
    const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
    console.log(`${rows.length} held-out mails (${tagged.length} tag-labelled)  intent accuracy ${percent(intents.accuracy)} (${intents.correct}/${intents.total})`);
    for (const [name, evaluation] of [['whole mail', intents], ['by its request', requests], ['one-line requests', oneLiners], ['requests apart', requestsApart], ['requests voices', requestsVoices], ['mail voices', mailVoices], ['short x', shortX], ['short y', shortY], ['short z', shortZ]] as const) {
      const sure = sureShare(evaluation);
      console.log(
        `  ${name.padEnd(18)} accuracy ${percent(evaluation.accuracy)} (${evaluation.correct}/${evaluation.total})  ECE ${evaluation.calibration.expectedCalibrationError.toFixed(3)}  ` +
          `confidence >= 0.9: ${sure.count} (${percent(sure.accuracy)} right)`,
      );
    }
    {
      const sure = sureShare(kbTopicsB);
      console.log(
        `  ${'kb topics b'.padEnd(18)} accuracy ${percent(kbTopicsB.accuracy)} (${kbTopicsB.correct}/${kbTopicsB.total})  ECE ${kbTopicsB.calibration.expectedCalibrationError.toFixed(3)}  ` +
          `confidence >= 0.9: ${sure.count} (${percent(sure.accuracy)} right)`,
      );
      console.log('  kb topics b, most frequent confusions:');
      for (const confusion of kbTopicsB.confusions.slice(0, 8)) console.log(`    ${confusion.expected} -> ${confusion.predicted}: ${confusion.count}`);
    }
    for (const [name, evaluation] of [['requests apart', requestsApart], ['requests voices', requestsVoices], ['mail voices', mailVoices]] as const) {
      console.log(`\n${name}, most frequent confusions:`);
      for (const confusion of evaluation.confusions.slice(0, 8)) {
        console.log(`  ${confusion.expected} -> ${confusion.predicted}: ${confusion.count}`);
      }
    }
    {
      const sure = sureShare(kbTopicsA);
      console.log(
        `\nkb topics a: accuracy ${percent(kbTopicsA.accuracy)} (${kbTopicsA.correct}/${kbTopicsA.total})  ECE ${kbTopicsA.calibration.expectedCalibrationError.toFixed(3)}  ` +
          `confidence >= 0.9: ${sure.count} (${percent(sure.accuracy)} right); most frequent confusions:`,
      );
      for (const confusion of kbTopicsA.confusions.slice(0, 8)) console.log(`  ${confusion.expected} -> ${confusion.predicted}: ${confusion.count}`);
    }
    console.log('\nweakest intents (recall):');
    for (const score of [...intents.perIntent].sort((left, right) => left.recall - right.recall).slice(0, 6)) {
      console.log(`  ${score.intent.padEnd(26)} ${percent(score.recall)} of ${score.support}`);
    }
    for (const [name, evaluation] of [['matrix (word lists + model + intent)', matrix], ['word lists alone', wordLists], ['tag model alone', tagModel]] as const) {
      console.log(`\n${name}: precision ${percent(evaluation.overall.precision)} recall ${percent(evaluation.overall.recall)} exact tag sets ${percent(evaluation.exactMatch)}`);
      console.log(table(evaluation));
    }
    console.log(`\nmatrix errors (first ${values.errors}):`);
    for (const error of matrix.errors.slice(0, Number(values.errors))) {
      console.log(`  expected [${error.expected}] got [${error.predicted}]: ${JSON.stringify(error.text.slice(0, 140))}`);
    }
  }
} catch (error) {
  console.error(`eval-inbox-mail: ${(error as Error).message.split('\n')[0]}`);
  process.exit(2);
}

function table(evaluation: TagEvaluation): string {
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(7);
  return [
    '  tag                support  precision  recall',
    ...evaluation.perTag.map((score) => `  ${score.tag.padEnd(18)} ${String(score.support).padStart(7)}  ${percent(score.precision)}    ${percent(score.recall)}`),
  ].join('\n');
}
