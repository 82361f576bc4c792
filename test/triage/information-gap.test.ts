import { describe, expect, it } from 'vitest';
import { readInformationGap } from '../../src/triage/information-gap.js';
import { assessSend } from '../../src/triage/send-guard.js';
import { adaSession, sendGuardOptions as guard } from './triage-fixtures.js';

describe('readInformationGap', () => {
  it('reads a customer who says our own page, box or list is silent on their question', () => {
    expect(readInformationGap("Is there a surcharge for delivery to the Highlands? Your site doesn't say.")).toBe("Your site doesn't say.");
    expect(readInformationGap('Are the mugs dishwasher safe? The box does not mention it.')).toBe('The box does not mention it.');
    expect(readInformationGap("Do you ship to Liechtenstein? I don't see it in the country list.")).toBe("I don't see it in the country list.");
    expect(readInformationGap("Do you deliver to Liechtenstein? It's not in the list at checkout.")).toBe("It's not in the list at checkout.");
    expect(readInformationGap("Does Pro make Express cheaper? Couldn't see it on the plan page.")).toBe("Couldn't see it on the plan page.");
  });

  it('leaves a status or a how-to alone', () => {
    expect(readInformationGap("I wrote a review two days ago and it isn't on the product page yet. Did it get lost?")).toBeUndefined();
    expect(readInformationGap("Where do I change the address on A2001 myself? I can't find it in the app.")).toBeUndefined();
    expect(readInformationGap('Do you ship to Norway? The page says EU only, so I wanted to check.')).toBeUndefined();
  });
});

describe('the send guard with an information gap', () => {
  const reply =
    'Hi Ada,\n\nAt checkout you can choose Standard delivery (3 to 5 business days), Express delivery (1 to 2 business days) or collection from a pickup point near you.\n\nBest regards,\nThe Northwind Support Team';

  it('holds the article for a person when the customer has read it already and it did not answer', async () => {
    const held = assessSend(await adaSession("Can I get Express on a Sunday? The delivery page doesn't say."), { text: reply, confidence: 1 }, guard);
    expect(held.rules).toContain('request:information-gap');
    expect(held.allowed).toBe(false);
    expect(assessSend(await adaSession('Can I get Express delivery?'), { text: reply, confidence: 1 }, guard).rules).not.toContain('request:information-gap');
  });
});
