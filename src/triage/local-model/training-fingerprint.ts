/**
 * A digest of what a model's weights are fitted from, recorded with the weights by
 * scripts/train-classifier.ts. A test compares it with a digest of the committed data and code, so
 * weights that no longer belong to them are caught in seconds instead of by refitting the whole
 * corpus (a minute and a half per model, the longest files of the suite).
 *
 * Three parts, each for a way the weights could drift: the examples as read (the data changed),
 * their feature vectors (a tokeniser or an escalation cue changed while the data did not), and the
 * serialised result of a small canary fit on a fixed sample (the training algorithm or its defaults
 * changed while every input is the same). A refactor that fits the same weights leaves all three
 * as they were, so it asks for no retraining.
 */
import { createHash, type Hash } from 'node:crypto';
import type { SparseVector } from './text-features.js';

/** Enough examples for every intent and tag to appear, few enough to fit in a moment. */
export const CANARY_SAMPLE_SIZE = 400;

export class TrainingFingerprint {
  readonly #hash: Hash;

  constructor(kind: string) {
    this.#hash = createHash('sha256');
    this.text(kind);
  }

  /** Length-prefixed, so no two sequences of parts hash alike by running together. */
  text(value: string): this {
    const bytes = Buffer.from(value, 'utf8');
    this.#length(bytes.length);
    this.#hash.update(bytes);
    return this;
  }

  json(value: unknown): this {
    return this.text(JSON.stringify(value) ?? 'undefined');
  }

  vector(vector: SparseVector): this {
    this.#length(vector.indices.length);
    this.#hash.update(new Uint8Array(vector.indices.buffer, vector.indices.byteOffset, vector.indices.byteLength));
    this.#hash.update(new Uint8Array(vector.values.buffer, vector.values.byteOffset, vector.values.byteLength));
    return this;
  }

  digest(): string {
    return `sha256:${this.#hash.digest('hex')}`;
  }

  #length(length: number): void {
    const prefix = Buffer.alloc(4);
    prefix.writeUInt32LE(length);
    this.#hash.update(prefix);
  }
}

/** Every n-th example, from the first: the same sample on every machine for the same data. */
export function canarySample<T>(examples: readonly T[], size: number = CANARY_SAMPLE_SIZE): T[] {
  if (examples.length <= size) return [...examples];
  const step = examples.length / size;
  return Array.from({ length: size }, (_, index) => examples[Math.floor(index * step)]!);
}
