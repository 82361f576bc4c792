/**
 * A second intent model, built differently from the logistic regression: multinomial naive Bayes
 * on word unigrams and bigrams (raw counts; no character n-grams, no IDF, no gradient descent). The
 * intent classifier uses it only to agree or not: a regression that is sure of an intent this model
 * does not pick is often sure for one telling word, and on text unlike its training that is where
 * its confident mistakes are (docs/classifier.md, "Requests written by others").
 */
import { z } from 'zod';
import { tokenise } from './text-features.js';

export interface WordNaiveBayesOptions {
  /** Additive smoothing of every count. */
  alpha: number;
  /** A word or bigram must occur in at least this many training texts to be kept. */
  minDocumentFrequency: number;
}

export const defaultWordNaiveBayesOptions: WordNaiveBayesOptions = { alpha: 0.1, minDocumentFrequency: 2 };

const serializedSchema = z.object({
  alpha: z.number().positive(),
  terms: z.array(z.string()),
  /** Per term, its counts as flat pairs: class index, count, class index, count, ... */
  counts: z.array(z.array(z.number().int().nonnegative())),
  classTokenTotals: z.array(z.number().nonnegative()),
  classExampleCounts: z.array(z.number().int().nonnegative()),
});

export type SerializedWordNaiveBayes = z.infer<typeof serializedSchema>;

export function wordFeatures(text: string): string[] {
  const words = tokenise(text);
  const features = [...words];
  for (let i = 0; i + 1 < words.length; i++) features.push(`${words[i]} ${words[i + 1]}`);
  return features;
}

export class WordNaiveBayes {
  private readonly termIndex: Map<string, number>;
  /** log P(term | class), row-major by term. */
  private readonly logLikelihood: Float64Array;
  private readonly logPrior: Float64Array;

  private constructor(private readonly data: SerializedWordNaiveBayes) {
    const classCount = data.classExampleCounts.length;
    this.termIndex = new Map(data.terms.map((term, index) => [term, index]));
    const vocabularySize = data.terms.length;
    const exampleTotal = data.classExampleCounts.reduce((sum, count) => sum + count, 0);
    this.logPrior = Float64Array.from(data.classExampleCounts, (count) => Math.log((count + data.alpha) / (exampleTotal + data.alpha * classCount)));
    this.logLikelihood = new Float64Array(vocabularySize * classCount);
    const unseen = data.classTokenTotals.map((total) => Math.log(data.alpha / (total + data.alpha * vocabularySize)));
    for (let term = 0; term < vocabularySize; term++) {
      for (let c = 0; c < classCount; c++) this.logLikelihood[term * classCount + c] = unseen[c]!;
      const pairs = data.counts[term]!;
      for (let k = 0; k + 1 < pairs.length; k += 2) {
        const c = pairs[k]!;
        this.logLikelihood[term * classCount + c] = Math.log((pairs[k + 1]! + data.alpha) / (data.classTokenTotals[c]! + data.alpha * vocabularySize));
      }
    }
  }

  /** `labels[i]` is the class index of `texts[i]`; `classCount` fixes the classes' order. */
  static train(texts: readonly string[], labels: readonly number[], classCount: number, options: Partial<WordNaiveBayesOptions> = {}): WordNaiveBayes {
    const settings = { ...defaultWordNaiveBayesOptions, ...options };
    const documentFrequency = new Map<string, number>();
    const featureLists = texts.map((text) => wordFeatures(text));
    for (const features of featureLists) for (const feature of new Set(features)) documentFrequency.set(feature, (documentFrequency.get(feature) ?? 0) + 1);
    const terms = [...documentFrequency.entries()]
      .filter(([, frequency]) => frequency >= settings.minDocumentFrequency)
      .map(([term]) => term)
      .sort();
    const termIndex = new Map(terms.map((term, index) => [term, index]));
    const perTerm = terms.map(() => new Map<number, number>());
    const classTokenTotals = new Array<number>(classCount).fill(0);
    const classExampleCounts = new Array<number>(classCount).fill(0);
    featureLists.forEach((features, index) => {
      const label = labels[index]!;
      classExampleCounts[label]!++;
      for (const feature of features) {
        const term = termIndex.get(feature);
        if (term === undefined) continue;
        perTerm[term]!.set(label, (perTerm[term]!.get(label) ?? 0) + 1);
        classTokenTotals[label]!++;
      }
    });
    const counts = perTerm.map((byClass) => [...byClass.entries()].sort(([left], [right]) => left - right).flat());
    return new WordNaiveBayes({ alpha: settings.alpha, terms, counts, classTokenTotals, classExampleCounts });
  }

  static fromJSON(json: unknown): WordNaiveBayes {
    const data = serializedSchema.parse(json);
    const classCount = data.classExampleCounts.length;
    if (data.counts.length !== data.terms.length || data.classTokenTotals.length !== classCount) {
      throw new TypeError('Naive Bayes counts do not fit its terms and classes.');
    }
    if (data.counts.some((pairs) => pairs.length % 2 !== 0 || pairs.some((value, index) => index % 2 === 0 && value >= classCount))) {
      throw new TypeError('Naive Bayes counts name a class it does not have.');
    }
    return new WordNaiveBayes(data);
  }

  toJSON(): SerializedWordNaiveBayes {
    return this.data;
  }

  /** The index of the most probable class (the first on a tie). */
  predictIndex(text: string): number {
    const classCount = this.logPrior.length;
    const scores = Float64Array.from(this.logPrior);
    for (const feature of wordFeatures(text)) {
      const term = this.termIndex.get(feature);
      if (term === undefined) continue;
      for (let c = 0; c < classCount; c++) scores[c] = scores[c]! + this.logLikelihood[term * classCount + c]!;
    }
    let best = 0;
    for (let c = 1; c < classCount; c++) if (scores[c]! > scores[best]!) best = c;
    return best;
  }
}
