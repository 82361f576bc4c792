import { describe, expect, it } from 'vitest';
import { readInvestigationRequest, readReplacementRequest } from '../../src/triage/investigation-request.js';
import { triageTicket } from '../../src/triage/pipeline.js';
import { ticket, triageDeps } from './triage-fixtures.js';

describe('readInvestigationRequest', () => {
  it.each([
    'The tracking for A1001 has said "in transit" for nine days. Could you look into it?',
    'Please chase the courier, the parcel has not moved since Monday.',
    'Can you find out what happened to my order? It was due last week.',
    'Would you open a trace on my parcel please?',
    'Could someone check with DHL where it is stuck?',
  ])('%s', (text) => {
    expect(readInvestigationRequest(text)).toBeDefined();
  });

  it.each([
    'Where is my order A1001?',
    'I had to chase DHL myself last time, so I hope this one is quicker.',
    'How do I track my parcel?',
    'Can you check the status of my order?',
  ])('not asked to investigate: %s', (text) => {
    expect(readInvestigationRequest(text)).toBeUndefined();
  });
});

describe('triage of a request to investigate', () => {
  it('is drafted even when the tracking article matches, with the reason', async () => {
    const body = 'Hello, my order A1001 shows shipped but the tracking page has been stuck on the same scan for a week. Could you look into it please?\n\nAda';
    const { outcome } = await triageTicket(ticket(body), triageDeps());
    expect(outcome.decision).toBe('drafted');
    expect(outcome.reasons.join(' ')).toMatch(/a person must look/);
  });
});

describe('readReplacementRequest', () => {
  it.each([
    'The mug arrived chipped. Could you send me a new one?',
    'You sent the wrong size again. I just want a replacement.',
    'The kettle stopped working after a week, please replace it.',
    'One of the two chairs was missing a leg. Can you resend the part?',
  ])('%s', (text) => {
    expect(readReplacementRequest(text)).toBeDefined();
  });

  it.each([
    'If the vase arrives broken, do you send a replacement?',
    'The box was crushed but everything inside is fine. How do I report the box?',
    'How do I replace the saved card on my account?',
    'The lamp arrived broken. What should I do?',
  ])('not a replacement asked for an item that came wrong: %s', (text) => {
    expect(readReplacementRequest(text)).toBeUndefined();
  });
});
