import { describe, expect, it } from 'vitest';
import type { IntentPrediction } from '../../src/triage/local-model/intent-classifier.js';
import { loadKnowledgeBase } from '../../src/triage/kb/knowledge-base.js';
import { loadDefaultIntentClassifier } from '../../src/triage/local-model/intent-classifier.js';
import { answeredIntents, findUncoveredAsks, isAsk, MAX_ASKS } from '../../src/triage/request-coverage.js';

const kb = loadKnowledgeBase();
const classifier = loadDefaultIntentClassifier();

/** A predictor with fixed readings per sentence, so the rule is tested apart from the model's weights. */
function fixed(readings: Record<string, [string, number]>) {
  return {
    predict(text: string): IntentPrediction {
      const [intent, confidence] = readings[text] ?? ['other', 0.3];
      const rest = intent === 'other' ? 'review' : 'other';
      return { intent, confidence, ranked: [{ intent, probability: confidence }, { intent: rest, probability: 1 - confidence }] };
    },
  };
}

describe('isAsk', () => {
  it('takes questions and request frames that name something, not filler or context', () => {
    expect(isAsk('Could you swap the notebook in my order for the dotted one?')).toBe(true);
    expect(isAsk('Also please send the invoice to my office address.')).toBe(true);
    expect(isAsk('I need the invoice with our company name on it.')).toBe(true);
    expect(isAsk('Can you help?')).toBe(false);
    expect(isAsk('The lamp I want is sold out.')).toBe(false);
    expect(isAsk("I'd like to hear about new products.")).toBe(false);
  });

  it('a courtesy with "please" asks nothing, unless the sentence also asks us for something', () => {
    expect(isAsk('Please excuse my English, my German colleague usually writes to you.')).toBe(false);
    expect(isAsk('(I do not read email regularly; please be patient with replies.)')).toBe(false);
    expect(isAsk('Please note: I read email on Tuesdays and Fridays.')).toBe(false);
    expect(isAsk('Please excuse the delay, could you resend the invoice for March?')).toBe(true);
    expect(isAsk('Please note the new delivery address for my order.')).toBe(false);
    expect(isAsk('Please update the delivery address for my order.')).toBe(true);
  });

  it('a thing needed by a day is the reason for the question, not a second request', () => {
    expect(isAsk('We need the cot for the nursery before the 14th.')).toBe(false);
    expect(isAsk('I really need it by Friday for my trip.')).toBe(false);
    expect(isAsk('I need the invoice by Friday, can you send it?')).toBe(true);
    expect(isAsk('I need the invoice with our company name on it.')).toBe(true);
  });

  it('the purchase a question is about is context, not an ask of its own', () => {
    expect(isAsk('I want to order a second reading lamp for my son.')).toBe(false);
    expect(isAsk("I'd like to order a floor lamp.")).toBe(false);
    expect(isAsk('I would like to cancel the order for the floor lamp.')).toBe(true);
    expect(isAsk('Can I order a floor lamp with Express?')).toBe(true);
  });
});

describe('findUncoveredAsks', () => {
  it('finds a second request the chosen intent does not answer (the mail is then drafted)', () => {
    const text = 'Hi,\n\nHow many days does standard shipping to Vienna take? And could you swap the notebook in my order for the dotted one?\n\nThanks, Jo';
    const asks = findUncoveredAsks({ classifier, kb, text, intent: 'delivery_period' });
    expect(asks).toHaveLength(1);
    expect(asks[0]).toMatchObject({ sentence: 'And could you swap the notebook in my order for the dotted one?', intent: 'change_order' });
  });

  it('reads an "Or ...?" ask as the other half of the question before it', () => {
    const first = 'Can I still add a second lampshade to an order I already placed?';
    const alternative = 'Or do I have to place a new order?';
    const readings = fixed({ [first]: ['change_order', 0.99], [alternative]: ['place_order', 0.97], [`${first} ${alternative}`]: ['change_order', 0.9] });
    expect(findUncoveredAsks({ classifier: readings, kb, text: `Hi,\n${first} ${alternative}\nThanks`, intent: 'change_order' })).toEqual([]);
    // Without "Or" it is a request of its own.
    const own = 'Please also place a new order for two lampshades.';
    const alone = fixed({ [first]: ['change_order', 0.99], [own]: ['place_order', 0.97] });
    expect(findUncoveredAsks({ classifier: alone, kb, text: `Hi,\n${first} ${own}\nThanks`, intent: 'change_order' })).toHaveLength(1);
  });

  it('an ask the KB answers with an article of the chosen intent as a close second is covered', () => {
    // The returns article comes first for return shipping costs, the refund policy close behind.
    const ask = 'Do I have to pay the return shipping costs myself?';
    const hits = kb.search(ask, { limit: 3 });
    const policy = hits.find((hit) => hit.intents.includes('check_refund_policy'));
    expect(hits[0]!.intents).not.toContain('check_refund_policy');
    expect(policy!.score).toBeGreaterThanOrEqual(hits[0]!.score * 0.8);
    const readings = fixed({ [ask]: ['delivery_options', 0.6] });
    const text = `Hello,\nWhat is your refund policy for rugs that do not fit? ${ask}\nThanks`;
    expect(findUncoveredAsks({ classifier: readings, kb, text, intent: 'check_refund_policy' })).toEqual([]);
    expect(findUncoveredAsks({ classifier: readings, kb, text, intent: 'review' })).toHaveLength(1);
  });

  it('leaves a follow-up ask about the same thing alone (the mail can be sent)', () => {
    const text = 'Hello,\n\nWhere is my parcel A1001? Any idea when it will be delivered?\n\nThanks, Ada';
    expect(findUncoveredAsks({ classifier, kb, text, intent: 'track_order' })).toEqual([]);
  });

  it('counts an intent that an article of the chosen intent also answers as covered', () => {
    // delivery-delayed.md answers both track_order and delivery_period.
    expect(answeredIntents(kb, 'track_order').has('delivery_period')).toBe(true);
    expect(answeredIntents(kb, 'delivery_period').has('change_order')).toBe(false);
    const text = 'Where is my parcel? When will the parcel be delivered to Lyon?';
    const predictor = fixed({ 'Where is my parcel?': ['track_order', 0.95], 'When will the parcel be delivered to Lyon?': ['delivery_period', 0.95] });
    expect(findUncoveredAsks({ classifier: predictor, kb, text, intent: 'track_order' })).toEqual([]);
    expect(findUncoveredAsks({ classifier: predictor, kb, text, intent: 'recover_password' })).toHaveLength(2);
  });

  it("covers an ask the KB answers first with the chosen intent's article, whatever the classifier reads", () => {
    const text = 'Which delivery options do you have for a sofa? Can I pay extra for express shipping on the sofa?';
    const predictor = fixed({
      'Which delivery options do you have for a sofa?': ['delivery_options', 0.99],
      'Can I pay extra for express shipping on the sofa?': ['check_payment_methods', 0.9],
    });
    expect(kb.search('Can I pay extra for express shipping on the sofa?', { limit: 1 })[0]?.intents).toContain('delivery_options');
    expect(findUncoveredAsks({ classifier: predictor, kb, text, intent: 'delivery_options' })).toEqual([]);
  });

  it('ignores a short vague ask, and reads a short ask that points back together with the sentence before it', () => {
    const predictor = fixed({
      'I cannot sign in anymore.': ['recover_password', 0.95],
      'How do I set a new one?': ['set_up_shipping_address', 0.9],
      'I cannot sign in anymore. How do I set a new one?': ['recover_password', 0.97],
    });
    expect(findUncoveredAsks({ classifier: predictor, kb, text: 'I cannot sign in anymore. How do I set a new one?', intent: 'recover_password' })).toEqual([]);
  });
});

describe('findUncoveredAsks: a follow-up the reply answers in its own words', () => {
  const giftCards = 'Do you sell gift cards?';
  const follow = 'How long are they valid for?';
  // The classifier reads a bare "how long" as delivery; the fixed readings make that so here.
  const readings = fixed({ [giftCards]: ['check_payment_methods', 0.99], [`${giftCards} ${follow}`]: ['delivery_period', 0.8], [follow]: ['delivery_period', 0.8] });

  it("is covered when the chosen intent's reply holds its words and the measure it asks for", () => {
    // gift-cards.md's Reply: "Gift cards are valid for 3 years from purchase".
    expect(findUncoveredAsks({ classifier: readings, kb, text: `Hi!\n${giftCards} ${follow}\nThanks`, intent: 'check_payment_methods' })).toEqual([]);
  });

  it('reads "typically", "actually" and "generally" as the question\'s own words, like "usually"', () => {
    const ask = 'How long does it typically take, and do you actually ship there?';
    const askReadings = fixed({ [ask]: ['delivery_period', 0.8], ['We live in Toronto.']: ['delivery_options', 0.99] });
    // international-shipping.md's Reply: "International orders usually arrive within 7 to 14 business days".
    expect(findUncoveredAsks({ classifier: askReadings, kb, text: `We live in Toronto. ${ask}`, intent: 'delivery_options' })).toEqual([]);
  });

  it('is not covered when only the Notes say it, when the reply names the thing without the measure, or when it asks us to act', () => {
    // recover-password.md names the lock only in its Notes ("Five wrong attempts lock sign-in for 15 minutes").
    const lock = 'How long is the lock?';
    const lockReadings = fixed({ [lock]: ['delivery_period', 0.8], ['I tried my password too often and now it says my sign-in is locked.']: ['recover_password', 0.99] });
    const lockText = `I tried my password too often and now it says my sign-in is locked. ${lock}`;
    expect(findUncoveredAsks({ classifier: lockReadings, kb, text: lockText, intent: 'recover_password' })).toHaveLength(1);
    // The password reset reply says "account", but checking it is for a person.
    const act = 'Can you check my account?';
    const reset = 'My reset email never arrives at all, even in spam.';
    const actReadings = fixed({ [act]: ['delete_account', 0.9], [reset]: ['recover_password', 0.99] });
    expect(findUncoveredAsks({ classifier: actReadings, kb, text: `${reset} ${act}`, intent: 'recover_password' })).toHaveLength(1);
  });
});

describe('findUncoveredAsks on a mail of many asks', () => {
  it('stops after MAX_ASKS asks and reports the mail as more than one request', () => {
    const asks = Array.from({ length: MAX_ASKS + 5 }, (_, index) => `Could you tell me how to reset password number ${index}?`);
    let predictions = 0;
    const counting = {
      predict(text: string): IntentPrediction {
        predictions += 1;
        return classifier.predict(text);
      },
    };
    const found = findUncoveredAsks({ classifier: counting, kb, text: asks.join(' '), intent: 'recover_password' });
    expect(predictions).toBe(MAX_ASKS);
    expect(found).toHaveLength(1);
    expect(found[0]!.sentence).toBe(asks[MAX_ASKS]);
  });
});
