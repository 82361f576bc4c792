import { describe, expect, it } from 'vitest';
import { EscalationTagModel, loadDefaultEscalationModel, splitSentences, withCues } from '../../src/triage/escalation-model.js';
import { CUE_NAMES, readCues } from '../../src/triage/escalation-cues.js';
import { TextVocabulary } from '../../src/triage/local-model/text-features.js';
import { readTagModelExamples } from '../../src/triage/escalation-training-data.js';
import { tagTrainingFingerprint } from '../../src/triage/escalation-training-fingerprint.js';

const { corpus, sentences } = readTagModelExamples();
const tagged = [...corpus, ...sentences];
/**
 * About 3,000 examples spread over the whole corpus: enough to learn every tag, small enough to train
 * in a few seconds however the corpus grows (every fourth mail was 7,100 by 2026-12-06, 13 s a fit).
 */
const stride = Math.max(1, Math.ceil(tagged.length / 3000));
const sample = tagged.filter((_, index) => index % stride === 0);
const quick = { epochs: 6 };

/** A fit of the sample takes a few seconds on a quiet machine; a busy shared one may take many times that. */
const TRAINING_LIMIT = 120_000;

describe('EscalationTagModel.train', () => {
  it('is deterministic: the same examples and seed give the same model, byte for byte', () => {
    const first = EscalationTagModel.train(sample, quick).toJSON();
    const second = EscalationTagModel.train(sample, quick).toJSON();
    expect(second).toEqual(first);
  }, TRAINING_LIMIT);

  it('depends on the seed, so determinism is not an accident of no randomness at all', () => {
    const first = EscalationTagModel.train(sample, { ...quick, seed: 1 }).toJSON();
    const second = EscalationTagModel.train(sample, { ...quick, seed: 2 }).toJSON();
    expect(second.weights).not.toEqual(first.weights);
  }, TRAINING_LIMIT);

  it('round-trips through JSON to identical scores', () => {
    const model = EscalationTagModel.train(sample, quick);
    const restored = EscalationTagModel.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    for (const text of ['I want my money back', 'where is my parcel', '']) expect(restored.score(text)).toEqual(model.score(text));
  }, TRAINING_LIMIT);

  it('refuses what it cannot learn from, and weights that do not fit', () => {
    expect(() => EscalationTagModel.train(sample.slice(0, 5))).toThrow(RangeError);
    expect(() => EscalationTagModel.train(sample.slice(0, 40).map((example) => ({ ...example, tags: [] })))).toThrow(/No example/);
    const json = EscalationTagModel.train(sample, quick).toJSON();
    expect(() => EscalationTagModel.fromJSON({ ...json, weights: json.weights.slice(0, 40) })).toThrow(/do not fit/);
    expect(() => EscalationTagModel.fromJSON({ format: 'something else' })).toThrow(TypeError);
  }, TRAINING_LIMIT);
});

describe('the committed tag model', () => {
  const model = loadDefaultEscalationModel();

  it('names its cues and refuses to load next to other ones (weights would go to the wrong feature)', () => {
    const json = model.toJSON();
    expect(json.version).toBe(2);
    expect(json.cues.length).toBeGreaterThan(10);
    expect(() => EscalationTagModel.fromJSON({ ...json, cues: json.cues.slice(1) })).toThrow(/other cues/);
  });

  it('says which cues raised a tag, with their words', () => {
    const [complaint] = model.predict('Great, another week without my parcel and nobody answers.').filter((score) => score.tag === 'complaint');
    expect(complaint?.cues.map((cue) => cue.cue)).toContain('sarcasm-frame');
  });

  it('thresholds are fitted per tag, not one fixed value', () => {
    expect(new Set(model.thresholds).size).toBeGreaterThan(1);
  });

  it('knows the seven text tags', () => {
    expect([...model.tags].sort()).toEqual(
      ['complaint', 'human-requested', 'legal-review', 'refund', 'retention', 'security', 'third-party-data'].sort(),
    );
  });

  it('gives several tags to one mail when it holds several requests', () => {
    const tags = model.predict('The lamp broke on day two and nobody answers. Really poor. I want a full refund.').map((score) => score.tag);
    expect(tags).toEqual(expect.arrayContaining(['complaint', 'refund']));
  });

  it('gives no tag to a plain question', () => {
    expect(model.predict('Hi, how long does delivery to Vienna usually take? Thanks, Anna')).toEqual([]);
  });

  it('finds a tag in one sentence of a long mail', () => {
    const sentence = 'Honestly I am thinking of taking my business elsewhere.';
    const long = `Hello,\n\nI ordered a lamp on Monday. It is for my desk. ${sentence} The order number is A1001.\n\nKind regards,\nMaria`;
    expect(model.predict(long).map((score) => score.tag)).toContain('retention');
  });

  it('was trained on the committed examples with the committed cues and code (its recorded fingerprint; otherwise run npm run train)', () => {
    // Stands for a refit of the whole corpus and its threshold folds (about a minute): the examples,
    // their words and cue values, and a canary fit, see training-fingerprint.ts.
    expect(model.toJSON().training.fingerprint).toBe(tagTrainingFingerprint(corpus, sentences));
    expect(model.toJSON().training.examples).toBe(tagged.length);
  }, 120_000);
});

describe('splitSentences', () => {
  it('splits on sentence ends and lines, keeps parts of three words or more, and nothing for one sentence', () => {
    expect(splitSentences('Hi,\n\nWhere is my order? It is late. Thanks\nMaria')).toEqual(['Where is my order?', 'It is late.']);
    expect(splitSentences('Where is my order?')).toEqual([]);
  });
});

describe('withCues (written straight into typed arrays)', () => {
  const vocabulary = TextVocabulary.fit(['my parcel never came and I want my money back', 'where is my parcel', 'cancel my plan please']);
  const text = 'Third email now!! My parcel never came and I want my money back.';

  it('is the word vector, then each fired cue times the scale, in cue order', () => {
    const words = vocabulary.vectorise(text);
    const { values: cueValues } = readCues(text);
    const fired = cueValues.flatMap((value, index) => (value > 0 ? [[vocabulary.size + index, value * 2] as const] : []));
    expect(fired.length).toBeGreaterThan(1);
    const { vector, cues } = withCues(vocabulary, text, 2);
    expect(vector.indices).toEqual(Int32Array.from([...words.indices, ...fired.map(([index]) => index)]));
    expect(vector.values).toEqual(Float64Array.from([...words.values, ...fired.map(([, value]) => value)]));
    expect(cues.values).toHaveLength(CUE_NAMES.length);
  });

  it('leaves the cues out at scale 0', () => {
    const { vector } = withCues(vocabulary, text, 0);
    expect(vector.indices).toEqual(vocabulary.vectorise(text).indices);
    expect(vector.values).toEqual(vocabulary.vectorise(text).values);
  });
});
