/**
 * Multinomial logistic regression over sparse vectors, trained by mini-batch gradient descent with
 * L2 regularisation, plus temperature scaling. Deterministic: the only randomness is a seeded
 * shuffle, and every sum runs in a fixed order.
 */
import type { SparseVector } from './text-features.js';

export interface SoftmaxTrainingOptions {
  epochs: number;
  batchSize: number;
  /** Step size of the first epoch; it decays linearly to a tenth of this by the last. */
  learningRate: number;
  /** Strength of the L2 penalty on the weights (not on the biases), per example. */
  l2: number;
  seed: number;
}

export interface SoftmaxWeights {
  classCount: number;
  featureCount: number;
  /** Row-major: the weights of feature `f` are `weights[f * classCount .. f * classCount + classCount)`. */
  weights: Float32Array;
  bias: Float32Array;
}

/** mulberry32: tiny, fast and good enough to shuffle training examples reproducibly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffleInPlace<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/**
 * `exampleWeights` (default 1 each) scale each example's gradient: an example repeated in many
 * near-copies can be made to count about once.
 */
export function trainSoftmaxRegression(
  vectors: readonly SparseVector[],
  labels: readonly number[],
  classCount: number,
  featureCount: number,
  options: SoftmaxTrainingOptions,
  exampleWeights?: readonly number[],
): SoftmaxWeights {
  if (vectors.length !== labels.length) throw new RangeError('vectors and labels differ in length');
  if (exampleWeights && exampleWeights.length !== labels.length) throw new RangeError('exampleWeights and labels differ in length');
  // The weights are `scale * scaled`: the L2 shrink of every weight is then one multiplication of
  // `scale` per batch instead of a pass over the whole matrix.
  const scaled = new Float64Array(featureCount * classCount);
  const bias = new Float64Array(classCount);
  let scale = 1;
  const random = seededRandom(options.seed);
  const order = Array.from(vectors.keys());
  const batchGradients = new Float64Array(options.batchSize * classCount);
  const logits = new Float64Array(classCount);

  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace(order, random);
    const progress = options.epochs > 1 ? epoch / (options.epochs - 1) : 0;
    const learningRate = options.learningRate * (1 - 0.9 * progress);
    for (let start = 0; start < order.length; start += options.batchSize) {
      const batch = order.slice(start, start + options.batchSize);
      // Gradients of the whole batch come from the weights as they were at its start.
      batch.forEach((exampleIndex, position) => {
        const vector = vectors[exampleIndex]!;
        scoreInto(logits, vector, scaled, scale, bias, classCount);
        softmaxInPlace(logits);
        const label = labels[exampleIndex]!;
        const weight = exampleWeights?.[exampleIndex] ?? 1;
        for (let c = 0; c < classCount; c++) {
          batchGradients[position * classCount + c] = weight * (logits[c]! - (c === label ? 1 : 0));
        }
      });
      const step = learningRate / batch.length;
      batch.forEach((exampleIndex, position) => {
        const { indices, values } = vectors[exampleIndex]!;
        for (let k = 0; k < indices.length; k++) {
          const offset = indices[k]! * classCount;
          const factor = (step * values[k]!) / scale;
          for (let c = 0; c < classCount; c++) {
            scaled[offset + c] = scaled[offset + c]! - factor * batchGradients[position * classCount + c]!;
          }
        }
        for (let c = 0; c < classCount; c++) bias[c] = bias[c]! - step * batchGradients[position * classCount + c]!;
      });
      scale *= 1 - learningRate * options.l2;
      if (scale < 1e-6) {
        for (let i = 0; i < scaled.length; i++) scaled[i] = scaled[i]! * scale;
        scale = 1;
      }
    }
  }
  const weights = new Float32Array(scaled.length);
  for (let i = 0; i < scaled.length; i++) weights[i] = scaled[i]! * scale;
  return { classCount, featureCount, weights, bias: Float32Array.from(bias) };
}

function scoreInto(
  logits: Float64Array,
  { indices, values }: SparseVector,
  weights: ArrayLike<number>,
  scale: number,
  bias: ArrayLike<number>,
  classCount: number,
): void {
  for (let c = 0; c < classCount; c++) logits[c] = 0;
  for (let k = 0; k < indices.length; k++) {
    const offset = indices[k]! * classCount;
    const value = values[k]!;
    for (let c = 0; c < classCount; c++) logits[c] = logits[c]! + weights[offset + c]! * value;
  }
  for (let c = 0; c < classCount; c++) logits[c] = logits[c]! * scale + bias[c]!;
}

/** Raw scores (before temperature and softmax) of one vector. */
export function computeLogits(model: SoftmaxWeights, vector: SparseVector): Float64Array {
  const logits = new Float64Array(model.classCount);
  scoreInto(logits, vector, model.weights, 1, model.bias, model.classCount);
  return logits;
}

export function softmaxInPlace(values: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (const value of values) max = Math.max(max, value / temperature);
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    values[i] = Math.exp(values[i]! / temperature - max);
    sum += values[i]!;
  }
  for (let i = 0; i < values.length; i++) values[i] = values[i]! / sum;
  return values;
}

function negativeLogLikelihood(logits: readonly Float64Array[], labels: readonly number[], temperature: number): number {
  let total = 0;
  logits.forEach((row, index) => {
    let max = -Infinity;
    for (const value of row) max = Math.max(max, value / temperature);
    let sum = 0;
    for (const value of row) sum += Math.exp(value / temperature - max);
    total -= row[labels[index]!]! / temperature - max - Math.log(sum);
  });
  return total / Math.max(1, logits.length);
}

/**
 * The temperature that minimises the negative log-likelihood of held-out examples (Guo et al.,
 * "On Calibration of Modern Neural Networks"). One parameter, so it cannot change which intent
 * wins, only how sure the model says it is. Golden-section search over log(T), which is unimodal
 * in practice for this loss.
 */
export function fitTemperature(logits: readonly Float64Array[], labels: readonly number[]): number {
  if (logits.length === 0) return 1;
  const ratio = (Math.sqrt(5) - 1) / 2;
  let low = Math.log(0.05);
  let high = Math.log(20);
  let left = high - ratio * (high - low);
  let right = low + ratio * (high - low);
  let leftLoss = negativeLogLikelihood(logits, labels, Math.exp(left));
  let rightLoss = negativeLogLikelihood(logits, labels, Math.exp(right));
  for (let iteration = 0; iteration < 60; iteration++) {
    if (leftLoss <= rightLoss) {
      high = right;
      right = left;
      rightLoss = leftLoss;
      left = high - ratio * (high - low);
      leftLoss = negativeLogLikelihood(logits, labels, Math.exp(left));
    } else {
      low = left;
      left = right;
      leftLoss = rightLoss;
      right = low + ratio * (high - low);
      rightLoss = negativeLogLikelihood(logits, labels, Math.exp(right));
    }
  }
  return Math.exp((low + high) / 2);
}

/** Weights as little-endian float32, base64: a third of the size of JSON numbers, and exact. */
export function encodeWeights(weights: Float32Array): string {
  const bytes = Buffer.alloc(weights.length * 4);
  weights.forEach((weight, i) => bytes.writeFloatLE(weight, i * 4));
  return bytes.toString('base64');
}

/** The weights `encodeWeights` wrote; undefined when the bytes are not `count` of them. */
export function decodeWeights(base64: string, count: number): Float32Array | undefined {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length !== count * 4) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const weights = new Float32Array(count);
  for (let i = 0; i < weights.length; i++) weights[i] = view.getFloat32(i * 4, true);
  return weights;
}
