import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/service/config.js';
import { createChatModel } from '../../src/service/model-factory.js';
import { loadDefaultIntentClassifier } from '../../src/triage/local-model/intent-classifier.js';
import { triageTicket } from '../../src/triage/pipeline.js';
import { ticket, triageDeps } from '../triage/triage-fixtures.js';

describe('AUTO_SEND_UNKNOWN_SENDERS', () => {
  it('is on by default, takes on/off, and refuses anything else naming the variable', () => {
    expect(loadConfig({}).AUTO_SEND_UNKNOWN_SENDERS).toBe('on');
    expect(loadConfig({ AUTO_SEND_UNKNOWN_SENDERS: 'off' }).AUTO_SEND_UNKNOWN_SENDERS).toBe('off');
    expect(() => loadConfig({ AUTO_SEND_UNKNOWN_SENDERS: 'maybe' })).toThrow(/AUTO_SEND_UNKNOWN_SENDERS/);
  });

  it('off reaches the local model: a general question from an unknown sender is drafted', async () => {
    const config = loadConfig({ AUTO_SEND_UNKNOWN_SENDERS: 'off' });
    const model = createChatModel(config, loadDefaultIntentClassifier());
    // Only the model has the setting: the model itself drafts, before the guard is asked.
    const { outcome } = await triageTicket(ticket('Which payment methods do you accept?', { customerEmail: 'stranger@nowhere.example' }), triageDeps({ model }));
    expect(outcome.decision).toBe('drafted');
    expect(outcome.steps.map((step) => step.tool)).not.toContain('send_reply');
    expect(outcome.reasons.join(' ')).toMatch(/no verified customer profile/);
  });
});
