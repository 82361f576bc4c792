import { describe, expect, it } from 'vitest';
import type { IntentPrediction } from '../../../src/triage/local-model/intent-classifier.js';
import { loadDefaultIntentClassifier } from '../../../src/triage/local-model/intent-classifier.js';
import { classifyRequest } from '../../../src/triage/local-model/request-classification.js';

/** A predictor with fixed answers per text, so the combination is tested on its own. */
function fixed(answers: Record<string, [string, number]>) {
  return {
    predict(text: string): IntentPrediction {
      const [intent, confidence] = answers[text] ?? ['other', 0.2];
      const rest = intent === 'other' ? 'track_order' : 'other';
      return { intent, confidence, ranked: [{ intent, probability: confidence }, { intent: rest, probability: 1 - confidence }] };
    },
  };
}

const mail = 'Hello there, hope you are well.\nWhere is my parcel A1001 by now?\nThanks a lot, Maria';

describe('classifyRequest', () => {
  it('raises the confidence to a sentence that reads as the same request on its own', () => {
    const predictor = fixed({
      [mail]: ['track_order', 0.6],
      'Where is my parcel A1001 by now?': ['track_order', 0.97],
      'Hello there, hope you are well.': ['other', 0.5],
    });
    const prediction = classifyRequest(predictor, mail);
    expect(prediction).toMatchObject({ intent: 'track_order', confidence: 0.97, request: 'Where is my parcel A1001 by now?' });
  });

  it('keeps the whole mail\'s intent and confidence when a sentence reads as another intent', () => {
    const predictor = fixed({ [mail]: ['track_order', 0.6], 'Thanks a lot, Maria': ['review', 0.99] });
    expect(classifyRequest(predictor, mail)).toMatchObject({ intent: 'track_order', confidence: 0.6, request: mail });
  });

  it('raises nothing when the classifier\'s second model disputed the whole mail', () => {
    const answers = fixed({ [mail]: ['track_order', 0.6], 'Where is my parcel A1001 by now?': ['track_order', 0.97] });
    const disputed = { predict: (text: string) => ({ ...answers.predict(text), ...(text === mail ? { disputed: true } : {}) }) };
    expect(classifyRequest(disputed, mail)).toMatchObject({ intent: 'track_order', confidence: 0.6, request: mail });
  });

  it('reads a one-sentence text once', () => {
    let calls = 0;
    const predictor = { predict: (text: string) => (calls++, fixed({ [text]: ['track_order', 0.8] }).predict(text)) };
    expect(classifyRequest(predictor, 'where is my parcel').confidence).toBe(0.8);
    expect(calls).toBe(1);
  });

  it('with the committed model, a request among greetings and sign-offs is read with more confidence than the whole mail', () => {
    const classifier = loadDefaultIntentClassifier();
    const text = 'Hi team,\nI hope your week is going well and sorry for bothering you again.\nI forgot my password and the reset email never came.\nAll the best,\nJonas';
    const whole = classifier.predict(text);
    const request = classifyRequest(classifier, text);
    expect(request.intent).toBe('recover_password');
    expect(request.confidence).toBeGreaterThan(whole.confidence);
  });
});
