/**
 * The open-question model: how likely a reviewer would have answered this mail themselves although
 * nothing escalated it. Trained on the dev sets' calm mail (dev-set-decisions.ts): mail a writer had
 * sent against mail they drafted with no tag, which is mail whose question the knowledge base leaves
 * open ("Does Saturday count as a business day?", "Are sale items returnable?", "Can I pick it up at
 * your warehouse?"). Those questions are about the same topic as an article, so the intent is sure
 * and the article's words match; what tells them apart is what is asked, and that recurs across
 * writers because the knowledge base is the same for all of them.
 *
 * A logistic regression (two-class softmax) over the intent classifier's text features, weights in
 * data/model/open-questions.json; `npm run train` refits it. Training is deterministic (seeded
 * shuffle, fixed order), so a test refits it and compares with the committed file.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { DecisionLine } from './local-model/dev-set-decisions.js';
import {
  computeLogits,
  decodeWeights,
  encodeWeights,
  softmaxInPlace,
  trainSoftmaxRegression,
  type SoftmaxTrainingOptions,
  type SoftmaxWeights,
} from './local-model/intent-softmax-regression.js';
import { TextVocabulary, defaultTextFeatureOptions, type TextFeatureOptions } from './local-model/text-features.js';
import { memoised } from './ticket-memo.js';

/**
 * At or above this the mail is drafted: more likely than not a reviewer answers it. Not tuned on a
 * set: the model's own even odds (docs/classifier.md gives what other cut-offs would do).
 */
export const OPEN_QUESTION_THRESHOLD = 0.5;

/**
 * Below this the classifier is too unsure for reviewers' evidence to carry a send: the lift was
 * measured on mail the classifier reads at 0.5 or more (docs/classifier.md), not below.
 */
export const MIN_LIFTED_CONFIDENCE = 0.5;

/**
 * The classifier's confidence with the open-question model's reading added as a second, independent
 * piece of evidence: the odds that the answer is wrong are scaled by how much less likely than in
 * training (the drafted share) the model thinks a person is needed. Only ever raised, only when the
 * model reads the mail as less open than usual, and only from MIN_LIFTED_CONFIDENCE: to reach 0.9 it
 * takes an open-question probability of about 0.02 at 0.5, 0.04 at 0.7 and 0.1 at 0.85.
 */
export function liftConfidence(confidence: number, openQuestion: number, draftedShare: number): number {
  if (confidence < MIN_LIFTED_CONFIDENCE || confidence >= 1 || draftedShare <= 0 || draftedShare >= 1) return confidence;
  const likelihoodRatio = openQuestion / (1 - openQuestion) / (draftedShare / (1 - draftedShare));
  if (!(likelihoodRatio < 1)) return confidence;
  const wrongOdds = ((1 - confidence) / confidence) * likelihoodRatio;
  return Number((1 / (1 + wrongOdds)).toFixed(3));
}

// Words carry what is asked; a larger share of the vector for them than the intent model gives.
const FEATURE_OPTIONS: TextFeatureOptions = { ...defaultTextFeatureOptions, wordBlockWeight: 0.8 };
const TRAINING: SoftmaxTrainingOptions = { epochs: 20, batchSize: 32, learningRate: 2, l2: 0, seed: 20261206 };

const FORMAT = 'agentao-open-questions';
const CLASSES = ['sent', 'drafted'] as const;

const serializedSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  vocabulary: z.object({
    options: z.object({
      charNgramRange: z.tuple([z.number().int(), z.number().int()]),
      minWordDocumentFrequency: z.number(),
      minCharDocumentFrequency: z.number(),
      wordBlockWeight: z.number(),
      wordPairWindow: z.number(),
    }),
    terms: z.array(z.string()),
    idf: z.array(z.number()),
  }),
  bias: z.array(z.number()).length(2),
  /** Little-endian float32, row-major by feature (sent, drafted), base64. */
  weights: z.string(),
  training: z.object({ examples: z.number().int(), drafted: z.number().int() }),
});

export type SerializedOpenQuestionModel = z.infer<typeof serializedSchema>;

export class OpenQuestionModel {
  private constructor(
    private readonly vocabulary: TextVocabulary,
    private readonly model: SoftmaxWeights,
    readonly training: { examples: number; drafted: number },
  ) {}

  static train(lines: readonly DecisionLine[]): OpenQuestionModel {
    if (lines.length === 0) throw new RangeError('no decision lines to train the open-question model on');
    const texts = lines.map((line) => line.text);
    const vocabulary = TextVocabulary.fit(texts, FEATURE_OPTIONS);
    const labels = lines.map((line) => CLASSES.indexOf(line.decision));
    const model = trainSoftmaxRegression(
      texts.map((text) => vocabulary.vectorise(text)),
      labels,
      CLASSES.length,
      vocabulary.size,
      TRAINING,
    );
    // Through the serialised form, so a trained model and a loaded one answer alike.
    return OpenQuestionModel.fromJSON(
      new OpenQuestionModel(vocabulary, model, { examples: lines.length, drafted: labels.filter((label) => label === 1).length }).toJSON(),
    );
  }

  /** The share of drafted lines in training: what the probability is compared with. */
  get draftedShare(): number {
    return this.training.drafted / this.training.examples;
  }

  /** `confidence` lifted by this model's reading of `text` (liftConfidence). */
  lift(confidence: number, text: string): number {
    return liftConfidence(confidence, this.probability(text), this.draftedShare);
  }

  /**
   * The probability that a reviewer answers this text (subject and newest message) themselves. Once
   * per text within a ticket's run: the pipeline and the local model read the same mail.
   */
  probability(text: string): number {
    return memoised(this, text, () => softmaxInPlace(computeLogits(this.model, this.vocabulary.vectorise(text)))[1]!);
  }

  static fromJSON(json: unknown): OpenQuestionModel {
    const parsed = serializedSchema.safeParse(json);
    if (!parsed.success) throw new TypeError(`Not a serialized open-question model: ${z.prettifyError(parsed.error)}`);
    const data = parsed.data;
    const featureCount = data.vocabulary.terms.length;
    const classCount = CLASSES.length;
    const weights = decodeWeights(data.weights, featureCount * classCount);
    if (!weights) throw new TypeError(`Weights do not fit ${featureCount} features x ${classCount} classes.`);
    return new OpenQuestionModel(
      TextVocabulary.fromJSON(data.vocabulary),
      { classCount, featureCount, weights, bias: Float32Array.from(data.bias) },
      data.training,
    );
  }

  toJSON(): SerializedOpenQuestionModel {
    const vocabulary = this.vocabulary.toJSON();
    return {
      format: FORMAT,
      version: 1,
      vocabulary: { ...vocabulary, idf: vocabulary.idf.map((value) => Number(value.toFixed(6))) },
      bias: [...this.model.bias],
      weights: encodeWeights(this.model.weights),
      training: { ...this.training },
    };
  }
}

export const defaultOpenQuestionModelPath = fileURLToPath(new URL('../../data/model/open-questions.json', import.meta.url));

let defaultModel: OpenQuestionModel | undefined;

/** The committed model, read once per process. */
export function loadDefaultOpenQuestionModel(): OpenQuestionModel {
  defaultModel ??= OpenQuestionModel.fromJSON(JSON.parse(readFileSync(defaultOpenQuestionModelPath, 'utf8')));
  return defaultModel;
}
