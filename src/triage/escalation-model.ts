/**
 * The escalation tag model: one logistic regression per tag (multi-label: a mail can be a
 * complaint and a refund request at once) over the same TF-IDF features as the intent classifier.
 * It reads what word lists miss (sarcasm, a threat to leave in words nobody listed); the word lists
 * stay, and detectEscalation() takes the union. Trained by scripts/train-classifier.ts on the
 * tag-labelled mail of data/training/; weights in data/model/escalation-tags.json.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { CUE_NAMES, readCues, type CueName } from './escalation-cues.js';
import { TEXT_ESCALATION_TAGS, type EscalationModelTag } from './escalation-tags.js';
import { trainSoftmaxRegression } from './local-model/intent-softmax-regression.js';
import { TextVocabulary, defaultTextFeatureOptions, type SparseVector } from './local-model/text-features.js';
import { memoised } from './ticket-memo.js';

export interface TaggedText {
  text: string;
  tags: readonly EscalationModelTag[];
}

export interface TagScore {
  tag: EscalationModelTag;
  probability: number;
  /** The probability at or above which the tag is given. */
  threshold: number;
  /** The cues that raised this tag's logit in the part read most surely, strongest first. */
  cues: CueContribution[];
  /** The whole text's probability (`probability` is its surest part's: the whole or one sentence). */
  wholeProbability?: number;
}

export interface CueContribution {
  cue: CueName;
  /** What the cue adds to the tag's logit. */
  contribution: number;
  /** The words that fired it. */
  evidence: string;
}

export const defaultEscalationTrainOptions = {
  epochs: 25,
  batchSize: 32,
  learningRate: 2,
  l2: 1e-4,
  seed: 20261203,
  /**
   * The probability at which a tag is given when no fitted threshold is passed. The committed
   * model's thresholds are fitted by fitTagThresholds() on hand-written sentences held back from
   * training (escalation-thresholds.ts), not on the composed mail, whose held-back part shares its
   * sentences with the rest and flatters the model.
   */
  threshold: 0.5,
  /**
   * How much a cue weighs against the word block (each L2-normalised to 1 within itself). Larger
   * than the words' values so the dense cues, shared by every phrasing, are learned early rather
   * than explained away by the words of the training sentences.
   */
  cueScale: 1,
};

export type EscalationTrainOptions = typeof defaultEscalationTrainOptions & {
  /** Fitted thresholds per tag; a tag missing here gets `threshold`. */
  thresholds?: Partial<Record<EscalationModelTag, number>>;
};

const FORMAT = 'ticket-triage/escalation-tags';

const serializedSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(2),
  tags: z.array(z.enum(TEXT_ESCALATION_TAGS)).min(1),
  /** The cue features after the word features, by name: a model trained on other cues is refused. */
  cues: z.array(z.string()),
  cueScale: z.number().min(0),
  thresholds: z.array(z.number().min(0).max(1)),
  vocabulary: z.object({
    options: z.object({
      charNgramRange: z.tuple([z.number().int().min(1), z.number().int().min(1)]),
      minWordDocumentFrequency: z.number().int().min(1),
      minCharDocumentFrequency: z.number().int().min(1),
      wordBlockWeight: z.number().min(0).max(1),
      wordPairWindow: z.number().int().min(0),
    }),
    terms: z.array(z.string()),
    idf: z.array(z.number()),
  }),
  bias: z.array(z.number()),
  /** Little-endian float32, row-major by feature (words, then cues; one column per tag), base64. */
  weights: z.string(),
  training: z.record(z.string(), z.unknown()),
});

export type SerializedEscalationModel = z.infer<typeof serializedSchema>;

export class EscalationTagModel {
  private constructor(
    readonly tags: EscalationModelTag[],
    readonly thresholds: number[],
    private readonly vocabulary: TextVocabulary,
    private readonly cueScale: number,
    private readonly weights: Float32Array,
    private readonly bias: Float32Array,
    readonly training: Record<string, unknown>,
  ) {}

  static train(examples: readonly TaggedText[], options: Partial<EscalationTrainOptions> = {}): EscalationTagModel {
    const settings = { ...defaultEscalationTrainOptions, ...options };
    if (examples.length < 10) throw new RangeError('The tag model needs at least 10 labelled examples.');
    const tags = TEXT_ESCALATION_TAGS.filter((tag) => examples.some((example) => example.tags.includes(tag)));
    if (tags.length === 0) throw new RangeError('No example carries a tag: nothing to learn.');

    const thresholds = tags.map((tag) => settings.thresholds?.[tag] ?? settings.threshold);
    const model = EscalationTagModel.fit(examples, tags, settings, thresholds, {
      examples: examples.length,
      positives: Object.fromEntries(tags.map((tag) => [tag, examples.filter((example) => example.tags.includes(tag)).length])),
      options: { ...settings, thresholds: undefined },
    });
    // What gets saved is what gets used.
    return EscalationTagModel.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
  }

  static fromJSON(json: unknown): EscalationTagModel {
    const parsed = serializedSchema.safeParse(json);
    if (!parsed.success) throw new TypeError(`Not a serialized escalation tag model: ${z.prettifyError(parsed.error)}`);
    const data = parsed.data;
    if (data.cues.join() !== CUE_NAMES.join()) {
      throw new TypeError('The model was trained on other cues than escalation-cues.ts reads: retrain it (npm run train).');
    }
    const featureCount = data.vocabulary.terms.length + data.cues.length;
    const bytes = Buffer.from(data.weights, 'base64');
    if (
      bytes.length !== featureCount * data.tags.length * 4 ||
      data.bias.length !== data.tags.length ||
      data.thresholds.length !== data.tags.length
    ) {
      throw new TypeError(`Weights do not fit ${featureCount} features x ${data.tags.length} tags.`);
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const weights = new Float32Array(featureCount * data.tags.length);
    for (let i = 0; i < weights.length; i++) weights[i] = view.getFloat32(i * 4, true);
    return new EscalationTagModel(
      [...data.tags],
      [...data.thresholds],
      TextVocabulary.fromJSON(data.vocabulary),
      data.cueScale,
      weights,
      Float32Array.from(data.bias),
      data.training,
    );
  }

  toJSON(): SerializedEscalationModel {
    const bytes = Buffer.alloc(this.weights.length * 4);
    this.weights.forEach((weight, i) => bytes.writeFloatLE(weight, i * 4));
    const vocabulary = this.vocabulary.toJSON();
    return {
      format: FORMAT,
      version: 2,
      tags: [...this.tags],
      cues: [...CUE_NAMES],
      cueScale: this.cueScale,
      thresholds: this.thresholds.map((value) => round(value, 4)),
      vocabulary: { ...vocabulary, idf: vocabulary.idf.map((value) => round(value, 6)) },
      bias: [...this.bias],
      weights: bytes.toString('base64'),
      training: this.training,
    };
  }

  /**
   * Two-class softmax per tag (the same trainer as the intents, so one optimiser to trust), kept as
   * the difference of its two columns: that difference is exactly a logistic regression's logit.
   */
  private static fit(
    examples: readonly TaggedText[],
    tags: EscalationModelTag[],
    settings: EscalationTrainOptions,
    thresholds: number[],
    training: Record<string, unknown> = {},
  ): EscalationTagModel {
    const { vocabulary, vectors } = tagFeatures(examples, settings.cueScale);
    const featureCount = vocabulary.size + CUE_NAMES.length;
    const weights = new Float32Array(featureCount * tags.length);
    const bias = new Float32Array(tags.length);
    tags.forEach((tag, column) => {
      const labels = examples.map((example) => (example.tags.includes(tag) ? 1 : 0));
      const model = trainSoftmaxRegression(vectors, labels, 2, featureCount, { ...settings, seed: settings.seed + column });
      for (let feature = 0; feature < featureCount; feature++) {
        weights[feature * tags.length + column] = model.weights[feature * 2 + 1]! - model.weights[feature * 2]!;
      }
      bias[column] = model.bias[1]! - model.bias[0]!;
    });
    return new EscalationTagModel(tags, thresholds, vocabulary, settings.cueScale, weights, bias, training);
  }

  /**
   * Every tag with its probability and threshold, in the model's tag order. A mail's tag usually
   * sits in one sentence among greetings and order details that dilute it, so each sentence is
   * scored too and the most confident reading counts.
   */
  score(text: string): TagScore[] {
    // Memoised per ticket (ticket-memo.ts): the independent view and the local model read the same mail.
    return memoised(this, text, () => this.#score(text));
  }

  #score(text: string): TagScore[] {
    const parts = [text, ...splitSentences(text)].map((part) => withCues(this.vocabulary, part, this.cueScale));
    return this.tags.map((tag, column) => {
      let best = parts[0]!;
      const wholeLogit = this.logit(best.vector, column);
      let bestLogit = wholeLogit;
      for (const part of parts.slice(1)) {
        const logit = this.logit(part.vector, column);
        if (logit > bestLogit) [best, bestLogit] = [part, logit];
      }
      return {
        tag,
        probability: sigmoid(bestLogit),
        threshold: this.thresholds[column]!,
        cues: this.cueContributions(best, column),
        wholeProbability: sigmoid(wholeLogit),
      };
    });
  }

  private cueContributions({ cues }: CuedVector, column: number): CueContribution[] {
    const width = this.tags.length;
    const offset = this.vocabulary.size;
    return CUE_NAMES.flatMap((cue, index) => {
      const value = cues.values[index]!;
      const contribution = this.weights[(offset + index) * width + column]! * value * this.cueScale;
      return value > 0 && contribution > 0.25 ? [{ cue, contribution: round(contribution, 2), evidence: cues.evidence[cue] ?? '' }] : [];
    }).sort((left, right) => right.contribution - left.contribution);
  }

  /** The tags whose probability reaches their threshold. */
  predict(text: string): TagScore[] {
    return this.score(text).filter((score) => score.probability >= score.threshold);
  }

  private logit({ indices, values }: SparseVector, column: number): number {
    let sum = this.bias[column]!;
    const width = this.tags.length;
    for (let k = 0; k < indices.length; k++) sum += this.weights[indices[k]! * width + column]! * values[k]!;
    return sum;
  }
}

interface CuedVector {
  vector: SparseVector;
  cues: ReturnType<typeof readCues>;
}

/** The word features, then one feature per cue after them (`cueScale` times its value). */
/** The word vocabulary of the examples and each example's words and cues, as the fit reads them. */
export function tagFeatures(examples: readonly TaggedText[], cueScale: number): { vocabulary: TextVocabulary; vectors: SparseVector[] } {
  const vocabulary = TextVocabulary.fit(
    examples.map((example) => example.text),
    defaultTextFeatureOptions,
  );
  return { vocabulary, vectors: examples.map((example) => withCues(vocabulary, example.text, cueScale).vector) };
}

export function withCues(vocabulary: TextVocabulary, text: string, cueScale: number): CuedVector {
  const words = vocabulary.vectorise(text);
  const cues = readCues(text);
  // Written straight into the typed arrays (not spread into lists and copied back): the same
  // entries in the same order.
  const fired = cueScale > 0 ? cues.values.filter((value) => value > 0).length : 0;
  const indices = new Int32Array(words.indices.length + fired);
  const values = new Float64Array(indices.length);
  indices.set(words.indices);
  values.set(words.values);
  let position = words.indices.length;
  cues.values.forEach((value, index) => {
    if (value > 0 && cueScale > 0) {
      indices[position] = vocabulary.size + index;
      values[position] = value * cueScale;
      position += 1;
    }
  });
  return { vector: { indices, values }, cues };
}

/** Sentences and lines of at least three words; one-sentence texts give nothing extra. */
export function splitSentences(text: string): string[] {
  const parts = text
    .split(/(?<=[.!?])\s+|\n+/u)
    .map((part) => part.trim())
    .filter((part) => part.split(/\s+/u).length >= 3);
  return parts.length > 1 ? parts : [];
}

function sigmoid(value: number): number {
  return 1 / (1 + Math.exp(-value));
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export const defaultEscalationModelPath = fileURLToPath(new URL('../../data/model/escalation-tags.json', import.meta.url));

let defaultModel: EscalationTagModel | undefined;

/** The committed model, read once per process. */
export function loadDefaultEscalationModel(): EscalationTagModel {
  defaultModel ??= EscalationTagModel.fromJSON(JSON.parse(readFileSync(defaultEscalationModelPath, 'utf8')));
  return defaultModel;
}
