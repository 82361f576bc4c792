import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  IntentClassifier,
  loadDefaultIntentClassifier,
  type IntentExample,
} from '../../../src/triage/local-model/intent-classifier.js';
import { evaluateClassifier, readLabelledCsv } from '../../../src/triage/local-model/intent-evaluation.js';
import {
  defaultOneLinersPath,
  defaultRequestsApartPath,
  defaultRequestsVoicesPath,
  readHeldOutExamples,
  readTrainingExamples,
  KB_TOPIC_INTENTS,
} from '../../../src/triage/local-model/intent-training-data.js';
import { classifyRequest, requestClassifier } from '../../../src/triage/local-model/request-classification.js';
import { tokenise } from '../../../src/triage/local-model/text-features.js';

const bitextPath = fileURLToPath(new URL('../../../../shared/data/bitext-support-intents.csv', import.meta.url));
const hasBitext = existsSync(bitextPath);

const trainingExamples = readTrainingExamples();

/** A few examples of every intent: enough to learn from, small enough to train in a moment. */
function smallSample(perIntent: number): IntentExample[] {
  const counts = new Map<string, number>();
  return trainingExamples.filter((example) => {
    const count = counts.get(example.intent) ?? 0;
    counts.set(example.intent, count + 1);
    return count < perIntent;
  });
}

const quickOptions = { epochs: 8 };
const probes = [
  'I forgot my password',
  'where is my order A1001',
  'please delete all my personal data under GDPR',
  "what's the weather on mars",
  'how much does it cost to end my contract early?',
  'the parcel never came, what is going on',
  '',
  '!!!',
];

describe('IntentClassifier.train', () => {
  it('is deterministic: the same examples and seed give the same model, byte for byte', () => {
    const examples = smallSample(12);
    const first = IntentClassifier.train(examples, quickOptions).toJSON();
    const second = IntentClassifier.train(examples, quickOptions).toJSON();
    expect(second).toEqual(first);
  });

  it('depends on the seed, so determinism is not an accident of no randomness at all', () => {
    const examples = smallSample(12);
    const first = IntentClassifier.train(examples, { ...quickOptions, seed: 1 }).toJSON();
    const second = IntentClassifier.train(examples, { ...quickOptions, seed: 2 }).toJSON();
    expect(second.weights).not.toEqual(first.weights);
  });

  it('fits a temperature on held-out examples and records it', () => {
    const classifier = IntentClassifier.train(smallSample(20), quickOptions);
    const calibration = classifier.training.calibration as { heldOutExamples: number; temperature: number };
    expect(calibration.heldOutExamples).toBeGreaterThan(0);
    expect(classifier.temperature).toBeCloseTo(calibration.temperature, 5);
    expect(classifier.temperature).not.toBe(1);
    const uncalibrated = IntentClassifier.train(smallSample(20), { ...quickOptions, calibrationShare: 0 });
    expect(uncalibrated.temperature).toBe(1);
  });

  it('fits the temperature on whole groups held out in turn, skipping groups no example carries', () => {
    const examples = smallSample(20).map((example, index) => ({ ...example, group: index % 3 === 0 ? 'a' : index % 3 === 1 ? 'b' : 'c' }));
    const classifier = IntentClassifier.train(examples, { ...quickOptions, calibrationGroups: ['a', 'b', 'missing'] });
    const calibration = classifier.training.calibration as { heldOutExamples: number; heldOutGroups: string[] };
    const english = examples.filter((example) => example.group !== 'c' && example.lang === undefined);
    expect(calibration).toMatchObject({ heldOutGroups: ['a', 'b'], heldOutExamples: english.length });
    // Without any listed group present, a random share of every intent is held out instead.
    const split = IntentClassifier.train(examples, { ...quickOptions, calibrationGroups: ['missing'] });
    expect(split.training.calibration).not.toHaveProperty('heldOutGroups');
    expect(classifier.temperature).not.toBeCloseTo(split.temperature, 3);
  });

  it('fits a temperature of their own for long texts when enough held-out examples are that long', () => {
    const examples = smallSample(20);
    const classifier = IntentClassifier.train(examples, { ...quickOptions, agreement: false, longTextWords: 9, minLongTextExamples: 10 });
    expect(classifier.longText).toMatchObject({ minWords: 9 });
    const calibration = classifier.training.calibration as { heldOutExamples: number; longText: { heldOutExamples: number; temperature: number } };
    // Fitted on the long held-out examples only.
    expect(calibration.longText.heldOutExamples).toBeGreaterThanOrEqual(10);
    expect(calibration.longText.heldOutExamples).toBeLessThan(calibration.heldOutExamples);
    expect(calibration.longText.temperature).toBe(classifier.longText!.temperature);
    expect(IntentClassifier.fromJSON(classifier.toJSON()).longText).toEqual(classifier.longText);
    // Too few long examples, or switched off: one temperature, as before.
    expect(IntentClassifier.train(examples, { ...quickOptions, agreement: false, longTextWords: 9, minLongTextExamples: 100_000 }).longText).toBeUndefined();
    expect(IntentClassifier.train(examples, { ...quickOptions, agreement: false, longTextWords: 0 }).longText).toBeUndefined();
  });

  it('reads a long text with the long-text temperature and a short one with the other', () => {
    const json = IntentClassifier.train(smallSample(12), { ...quickOptions, agreement: false, longTextWords: 0 }).toJSON();
    const plain = IntentClassifier.fromJSON(json);
    const sharper = IntentClassifier.fromJSON({ ...json, longText: { minWords: 6, temperature: json.temperature / 2 } });
    const short = 'where is my order';
    const long = 'hello, where is my order A1001, it was due on monday and nothing has come';
    expect(sharper.predict(short).confidence).toBeCloseTo(plain.predict(short).confidence, 9);
    expect(sharper.predict(long).intent).toBe(plain.predict(long).intent);
    expect(sharper.predict(long).confidence).toBeGreaterThan(plain.predict(long).confidence);
  });

  it('caps its confidence, keeping its intent, where the second model picks another intent', () => {
    const examples = smallSample(12);
    const alone = IntentClassifier.train(examples, { ...quickOptions, agreement: false });
    const json = IntentClassifier.train(examples, quickOptions).toJSON();
    // A second model trained on labels shifted by one intent disagrees with nearly everything.
    const shifted = IntentClassifier.train(
      examples.map((example) => ({ ...example, intent: alone.intents[(alone.intents.indexOf(example.intent) + 1) % alone.intents.length]! })),
      quickOptions,
    ).toJSON();
    const disagreeing = IntentClassifier.fromJSON({ ...json, agreement: { cap: 0.6, model: shifted.agreement!.model } });
    const agreeing = IntentClassifier.fromJSON(json);
    let capped = 0;
    for (const text of ['I forgot my password', 'where is my order A1001', 'please delete all my personal data under GDPR']) {
      const reference = alone.predict(text);
      const prediction = disagreeing.predict(text);
      expect(prediction.intent).toBe(reference.intent);
      expect(prediction.ranked.reduce((sum, entry) => sum + entry.probability, 0)).toBeCloseTo(1, 9);
      if (reference.confidence > 0.6) {
        capped++;
        expect(prediction.confidence).toBeLessThanOrEqual(Math.max(0.6, prediction.ranked[1]!.probability) + 1e-12);
        expect(prediction.confidence).toBeLessThan(reference.confidence);
      }
      // The same second model that agrees leaves the regression's confidence as it was.
      expect(agreeing.predict(text).confidence).toBeCloseTo(reference.confidence, 9);
    }
    expect(capped).toBeGreaterThan(0);
  });

  it('refuses examples that cannot train a classifier', () => {
    expect(() => IntentClassifier.train([{ text: 'hello', intent: 'other' }])).toThrow(RangeError);
    expect(() =>
      IntentClassifier.train([
        { text: 'hello', intent: 'other' },
        { text: '  ', intent: 'review' },
      ]),
    ).toThrow(/no text/);
  });
});

describe('IntentClassifier JSON', () => {
  it('round-trips to identical predictions', () => {
    const classifier = IntentClassifier.train(smallSample(12), quickOptions);
    const restored = IntentClassifier.fromJSON(JSON.parse(JSON.stringify(classifier.toJSON())));
    expect(restored.intents).toEqual(classifier.intents);
    for (const text of probes) expect(restored.predict(text)).toEqual(classifier.predict(text));
  });

  it('rejects what is not a serialized classifier, and weights that do not fit', () => {
    expect(() => IntentClassifier.fromJSON({ format: 'something else' })).toThrow(TypeError);
    const json = IntentClassifier.train(smallSample(6), quickOptions).toJSON();
    expect(() => IntentClassifier.fromJSON({ ...json, weights: json.weights.slice(0, 40) })).toThrow(/do not fit/);
  });
});

describe('IntentClassifier.fingerprint', () => {
  const sample = smallSample(4);
  const printed = IntentClassifier.fingerprint(sample, quickOptions);

  it('is the same for the same examples and options', () => {
    expect(IntentClassifier.fingerprint(sample.map((example) => ({ ...example })), quickOptions)).toBe(printed);
  });

  it('changes with a word of one example, its intent, or the training options', () => {
    const reworded = sample.map((example, index) => (index === 5 ? { ...example, text: `${example.text} please` } : example));
    const relabelled = sample.map((example, index) => (index === 5 ? { ...example, intent: sample[0]!.intent === example.intent ? sample[1]!.intent : sample[0]!.intent } : example));
    expect(IntentClassifier.fingerprint(reworded, quickOptions)).not.toBe(printed);
    expect(IntentClassifier.fingerprint(relabelled, quickOptions)).not.toBe(printed);
    expect(IntentClassifier.fingerprint(sample, { ...quickOptions, l2: 0.01 })).not.toBe(printed);
  });

  it('changes with the order the examples are read in (training shuffles by position)', () => {
    expect(IntentClassifier.fingerprint([...sample].reverse(), quickOptions)).not.toBe(printed);
  });
});

describe('the committed model', () => {
  const classifier = loadDefaultIntentClassifier();

  it('knows the 27 Bitext intents, our own three, and warranty and student_discount', () => {
    expect(classifier.intents).toHaveLength(32);
    expect(classifier.intents).toEqual(
      expect.arrayContaining(['account_security', 'data_protection', 'other', 'track_refund', 'warranty', 'student_discount']),
    );
  });

  it.each([
    ['I forgot my password', 'recover_password'],
    ['where is my order A1001', 'track_order'],
    ['please delete all my personal data under GDPR', 'data_protection'],
  ])('classifies %j as %s', (text, intent) => {
    const prediction = classifier.predict(text);
    expect(prediction.intent).toBe(intent);
    expect(prediction.confidence).toBeGreaterThan(0.8);
  });

  // Phrasings written for this test only: none of them is a training example (checked below).
  const unseen: [string, string][] = [
    ['Somebody got into my account from Russia and changed my email address', 'account_security'],
    ['I would like all of the personal information you store about me, as the GDPR allows', 'data_protection'],
    ['my refund of 80 dollars still has not reached my bank, any news?', 'track_refund'],
    ['Could someone check where my parcel A1002 is right now? the tracking page is blank', 'track_order'],
    ['which credit cards can I use at checkout', 'check_payment_methods'],
    ['I am furious, your courier threw my package over the fence and nobody answers', 'complaint'],
    ['can i talk to an actual person instead of this chatbot', 'contact_human_agent'],
  ];

  it.each(unseen)('classifies the unseen %j as %s', (text, intent) => {
    expect(classifier.predict(text).intent).toBe(intent);
  });

  // A known miss since the inbox-mail corpus (docs/classifier.md): "profile" read as edit_account.
  // The multilingual requests made it surer (0.55 -> 0.88: "Profil", "perfil", "profilo" are profile
  // edits in seven languages too); the dev sets of the third session of 2026-12-06 taught it the
  // deletion (delete_account, 0.91). What must hold either way: never sure of the wrong reading, so
  // the gate drafts it when it is wrong.
  it('reads a deletion phrased with "profile" as a deletion, or is unsure of it', () => {
    const prediction = classifier.predict('hey, how do I get rid of my profile for good');
    expect(prediction.intent === 'delete_account' || prediction.confidence < 0.9).toBe(true);
  });

  it('has not seen the test phrasings during training', () => {
    const key = (text: string) => tokenise(text).join(' ');
    const trained = new Set(trainingExamples.map((example) => key(example.text)));
    for (const [text] of unseen) expect(trained.has(key(text))).toBe(false);
    expect(trained.has(key('hey, how do I get rid of my profile for good'))).toBe(false);
    expect(trained.has(key("what's the weather on mars"))).toBe(false);
  });

  it('sends off-topic text to `other`, with every answerable intent unlikely', () => {
    const prediction = classifier.predict("what's the weather on mars");
    expect(prediction.intent).toBe('other');
    const bestAnswerable = prediction.ranked.find((entry) => entry.intent !== 'other')!;
    expect(bestAnswerable.probability).toBeLessThan(0.1);
  });

  it('returns a probability distribution, most probable first', () => {
    for (const text of probes) {
      const prediction = classifier.predict(text);
      expect(prediction.confidence).toBeGreaterThanOrEqual(0);
      expect(prediction.confidence).toBeLessThanOrEqual(1);
      expect(prediction.ranked).toHaveLength(classifier.intents.length);
      expect(prediction.ranked[0]).toEqual({ intent: prediction.intent, probability: prediction.confidence });
      const total = prediction.ranked.reduce((sum, entry) => sum + entry.probability, 0);
      expect(total).toBeCloseTo(1, 9);
      for (let i = 1; i < prediction.ranked.length; i++) {
        expect(prediction.ranked[i]!.probability).toBeLessThanOrEqual(prediction.ranked[i - 1]!.probability);
      }
    }
  });

  it('is less sure of text it has no words for', () => {
    expect(classifier.predict('').confidence).toBeLessThan(classifier.predict('I forgot my password').confidence);
  });

  it('was trained on the committed examples with the committed code (its recorded fingerprint; otherwise run npm run train)', () => {
    // The fingerprint stands for a refit of the whole corpus (a minute and a half, the suite's longest
    // test): the examples, their feature vectors and a canary fit, see training-fingerprint.ts.
    expect(classifier.training.fingerprint).toBe(IntentClassifier.fingerprint(trainingExamples));
    expect(classifier.training.examples).toBe(trainingExamples.length);
    const calibration = classifier.training.calibration as { temperature: number; longText?: { temperature: number }; disagreementCap: number };
    const committed = classifier.toJSON();
    expect(committed.temperature).toBeCloseTo(calibration.temperature, 6);
    expect(committed.longText?.temperature).toBeCloseTo(calibration.longText!.temperature, 6);
    expect(committed.agreement?.cap).toBeCloseTo(calibration.disagreementCap, 4);
  }, 120_000);
});

describe('the committed model on the held-out inbox mail (written apart, never trained on)', () => {
  it('keeps its accuracy', () => {
    const report = evaluateClassifier(loadDefaultIntentClassifier(), readHeldOutExamples());
    // Measured 0.864 (0.927 before the labelled inbox sets joined training: composed mail's labels
    // and the hand-written sets' differ on complaint-toned mail, and the model now follows the
    // written sets, which moved blind set 4 from 0.687 to 0.834; docs/classifier.md). The margin
    // absorbs small retrains, not a regression.
    expect(report.accuracy).toBeGreaterThanOrEqual(0.84);
  });
});

describe('the committed model on the held-out one-line requests (written apart, never trained on)', () => {
  const rows = readHeldOutExamples(defaultOneLinersPath);

  it('holds at least five requests of every intent, none of them a training text', () => {
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(row.intent, (counts.get(row.intent) ?? 0) + 1);
    expect(rows.length).toBeGreaterThanOrEqual(150);
    // Written for the contract's intents, before the two KB-topic intents existed.
    expect([...counts.keys()].sort()).toEqual(loadDefaultIntentClassifier().intents.filter((intent) => !KB_TOPIC_INTENTS.has(intent)).sort());
    for (const [intent, count] of counts) expect(count, intent).toBeGreaterThanOrEqual(5);
    const training = new Set(readTrainingExamples().map((example) => example.text.toLowerCase().trim()));
    expect(rows.filter((row) => training.has(row.text.toLowerCase().trim()))).toEqual([]);
  });

  it('keeps its accuracy and calibration', () => {
    const report = evaluateClassifier(loadDefaultIntentClassifier(), rows);
    // Measured 0.956 and ECE 0.025 (0.906 / 0.047 before requests-varied.jsonl and the longer
    // training; 0.856 / 0.079 before the first short requests were added to training).
    expect(report.accuracy).toBeGreaterThanOrEqual(0.92);
    expect(report.calibration.expectedCalibrationError).toBeLessThan(0.06);
  });
});

describe('the committed model on requests in other voices (requests-voices.jsonl, a dev set)', () => {
  it('reads them well, and what it reads at 0.9 or more as an answerable intent is nearly always right, on every dev set', () => {
    const classifier = loadDefaultIntentClassifier();
    const voices = evaluateClassifier(requestClassifier(classifier), readHeldOutExamples(defaultRequestsVoicesPath));
    // Measured 0.913 (0.940 before the labelled inbox sets joined training; 0.911 before
    // requests-voices-train.jsonl).
    expect(voices.accuracy).toBeGreaterThanOrEqual(0.89);
    // What the 0.9 send threshold lets through: a reading of `other` is never sent (its independent
    // confidence is capped at 0.15), so it is not counted here; the bar is higher for that. Measured
    // 98.7-99.7 % right at >= 0.9 (2026-12-06, dev 63-78 and 81 trained on: 274 of the composed mail
    // sure at 99.3 %; 98.6-99.7 % before). Counting `other` too, as this test did until then, the
    // composed mail fell from 96.2 % to 93.9 %: `other` read at 0.93 where it had been 0.89.
    for (const rows of [readHeldOutExamples(), readHeldOutExamples(defaultOneLinersPath), readHeldOutExamples(defaultRequestsApartPath), readHeldOutExamples(defaultRequestsVoicesPath)]) {
      const sure = rows.map((row) => ({ row, reading: classifyRequest(classifier, row.text) })).filter(({ reading }) => reading.confidence >= 0.9 && reading.intent !== 'other');
      expect(sure.length).toBeGreaterThan(rows.length * 0.6);
      expect(sure.filter(({ row, reading }) => reading.intent === row.intent).length / sure.length).toBeGreaterThanOrEqual(0.98);
    }
  });
});

describe('the committed model on the short requests written apart (requests-apart.jsonl, a dev set)', () => {
  it('tells the close intents apart and stays calibrated', () => {
    const report = evaluateClassifier(loadDefaultIntentClassifier(), readHeldOutExamples(defaultRequestsApartPath));
    expect(report.total).toBeGreaterThanOrEqual(300);
    // Measured 0.903 and ECE 0.065 (ECE 0.041 before the labelled inbox sets joined training: the
    // temperature is fitted on these short files held out whole, and mail now weighs more in the
    // model; 0.850 / 0.049 before requests-varied.jsonl and the longer training).
    expect(report.accuracy).toBeGreaterThanOrEqual(0.88);
    expect(report.calibration.expectedCalibrationError).toBeLessThan(0.08);
  });
});

describe.skipIf(!hasBitext)('the committed model on the Bitext evaluation set (never trained on)', () => {
  const rows = hasBitext ? readLabelledCsv(bitextPath) : [];

  it('keeps its accuracy and calibration', () => {
    const report = evaluateClassifier(loadDefaultIntentClassifier(), rows);
    expect(report.total).toBe(4514);
    // Measured 0.696 and ECE 0.129 (docs/classifier.md; 0.690 / 0.142 before the short requests). It was 0.938 while the training data echoed
    // Bitext's own sentence frames; the inbox-mail corpus does not, and this is what that costs.
    // The margins absorb small retrains, not a regression.
    expect(report.accuracy).toBeGreaterThanOrEqual(0.67);
    expect(report.calibration.expectedCalibrationError).toBeLessThan(0.16);
  });

  it('shares no phrasing with the training data, not even a short generic one', () => {
    const key = (text: string) => tokenise(text).join(' ');
    const evaluation = new Set(rows.map((row) => key(row.text)));
    expect(trainingExamples.filter((example) => evaluation.has(key(example.text)))).toEqual([]);
  });
});
