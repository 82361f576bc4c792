import { describe, expect, it } from 'vitest';
import { ESCALATION_DOUBT_SHARE, WHOLE_MAIL_SHARE, WORD_LIST_CORROBORATION, readEscalation } from '../../src/triage/escalation.js';
import { loadDefaultEscalationModel, type EscalationTagModel, type TagScore } from '../../src/triage/escalation-model.js';
import { buildSession } from '../../src/triage/pipeline.js';
import { assessSend, DEFAULT_ALLOWED_LINK_HOSTS } from '../../src/triage/send-guard.js';
import { adaSession, demoCrm, sendGuardOptions, ticket, triageDeps } from './triage-fixtures.js';

/** A tag model that reads every text the same way: what the matrix does with its scores is under test. */
function modelScoring(scores: Array<Pick<TagScore, 'tag' | 'probability' | 'threshold' | 'wholeProbability'>>): EscalationTagModel {
  const full: TagScore[] = scores.map((score) => ({ ...score, cues: [] }));
  return { score: () => full, predict: () => full.filter((score) => score.probability >= score.threshold) } as unknown as EscalationTagModel;
}

const calmText = 'The mug arrived today.';

describe('escalation doubts: tags the model leans towards without reaching the threshold', () => {
  it('a probability between the doubt share of the threshold and the threshold is a doubt, not a signal', () => {
    const threshold = 0.5;
    const probability = threshold * (ESCALATION_DOUBT_SHARE + (1 - ESCALATION_DOUBT_SHARE) / 2);
    const { signals, doubts } = readEscalation({ text: calmText, model: modelScoring([{ tag: 'complaint', probability, threshold }]) });
    expect(signals).toEqual([]);
    expect(doubts).toEqual([{ tag: 'complaint', probability, threshold }]);
  });

  it('well below the share there is no doubt; at the threshold the tag fires and is not also a doubt', () => {
    const low = readEscalation({ text: calmText, model: modelScoring([{ tag: 'refund', probability: 0.5 * ESCALATION_DOUBT_SHARE * 0.9, threshold: 0.5 }]) });
    expect(low).toEqual({ signals: [], doubts: [] });
    const fired = readEscalation({ text: calmText, model: modelScoring([{ tag: 'refund', probability: 0.55, threshold: 0.5 }]) });
    expect(fired.signals.map((signal) => signal.tag)).toEqual(['refund']);
    expect(fired.doubts).toEqual([]);
  });

  it('a tag a word list already fired is not a doubt as well', () => {
    const { signals, doubts } = readEscalation({
      text: 'I want to speak to a human.',
      model: modelScoring([{ tag: 'human-requested', probability: 0.45, threshold: 0.5 }]),
    });
    expect(signals.map((signal) => signal.tag)).toContain('human-requested');
    expect(doubts).toEqual([]);
  });
});

describe('the send guard with an escalation doubt', () => {
  const guard = { threshold: 0.9, allowedLinkHosts: DEFAULT_ALLOWED_LINK_HOSTS };
  const kbReply =
    'Hi Ada,\n\nTo reset your password, go to the sign-in page, press Forgot password and enter the email address of your account.\n\nBest regards,\nThe Northwind Support Team';

  it('the same reply that is sent without a doubt is held for a human with one, with no tag added', async () => {
    const session = buildSession(ticket('I forgot my password'), triageDeps());
    session.customer = await demoCrm().findCustomerByEmail('ada@example.com');
    expect(assessSend(session, { text: kbReply, confidence: 1 }, guard).allowed).toBe(true);

    session.independent.escalationDoubts = [{ tag: 'security', probability: 0.4, threshold: 0.475 }];
    const doubted = assessSend(session, { text: kbReply, confidence: 1 }, guard);
    expect(doubted.allowed).toBe(false);
    expect(doubted.rules).toContain('escalation-doubt:security');
    expect(doubted.reasons.join(' ')).toMatch(/leans towards security \(p=0\.40, its threshold 0\.47\d?\)/);
    expect(doubted.tags).not.toContain('security');
  });

  it('a word-list fire the tag model does not corroborate holds the reply and names the words', async () => {
    const session = buildSession(ticket('I forgot my password'), triageDeps());
    session.customer = await demoCrm().findCustomerByEmail('ada@example.com');
    session.independent.escalationDoubts = [{ tag: 'legal-review', probability: 0.05, threshold: 0.4, listed: 'lawyer' }];
    const doubted = assessSend(session, { text: kbReply, confidence: 1 }, guard);
    expect(doubted.allowed).toBe(false);
    expect(doubted.rules).toContain('escalation-doubt:legal-review');
    expect(doubted.reasons.join(' ')).toContain('the legal-review word list fired ("lawyer") but the tag model reads the mail otherwise (p=0.05, its threshold 0.40)');
    expect(doubted.tags).not.toContain('legal-review');
  });
});

describe('English word lists the tag model must corroborate', () => {
  const listed = 'My sister is a lawyer and she loves your lamps.';

  it('below half its threshold the list fire is a doubt; from half of it on, a signal', () => {
    const low = readEscalation({ text: listed, model: modelScoring([{ tag: 'legal-review', probability: 0.4 * WORD_LIST_CORROBORATION * 0.9, threshold: 0.4 }]) });
    expect(low.signals).toEqual([]);
    expect(low.doubts).toEqual([expect.objectContaining({ tag: 'legal-review', listed: 'lawyer' })]);
    const corroborated = readEscalation({ text: listed, model: modelScoring([{ tag: 'legal-review', probability: 0.4 * WORD_LIST_CORROBORATION, threshold: 0.4 }]) });
    expect(corroborated.signals.map((signal) => signal.tag)).toEqual(['legal-review']);
    expect(corroborated.signals[0]!.firedBy).toEqual(['word-list']);
    expect(corroborated.doubts).toEqual([]);
  });

  it('refund words need no corroboration, and neither do the other languages\' lists', () => {
    const refund = readEscalation({ text: 'Please refund the mug.', model: modelScoring([{ tag: 'refund', probability: 0.01, threshold: 0.5 }]) });
    expect(refund.signals.map((signal) => signal.tag)).toEqual(['refund']);
    const german = readEscalation({ text: 'Ich schalte meinen Anwalt ein.', model: modelScoring([{ tag: 'legal-review', probability: 0.01, threshold: 0.4 }]) });
    expect(german.signals.map((signal) => signal.tag)).toEqual(['legal-review']);
  });

  it('without a tag model the lists stand alone', () => {
    expect(readEscalation({ text: listed, model: null }).signals.map((signal) => signal.tag)).toEqual(['legal-review']);
  });
});

describe('the send guard with an intent whose answer is a decision', () => {
  const guard = sendGuardOptions;
  const kbReply =
    'Hi Ada,\n\nTo reset your password, go to the sign-in page, press Forgot password and enter the email address of your account.\n\nBest regards,\nThe Northwind Support Team';

  it('a complaint, a refund request or a request for a person is never sent alone, whatever the tags', async () => {
    for (const intent of ['complaint', 'get_refund', 'contact_human_agent']) {
      const assessment = assessSend(await adaSession('I forgot my password'), { text: kbReply, confidence: 1, intent }, guard);
      expect(assessment.allowed, intent).toBe(false);
      expect(assessment.rules).toContain('intent:needs-person');
      expect(assessment.tags).toEqual([]);
    }
    expect(assessSend(await adaSession('I forgot my password'), { text: kbReply, confidence: 1, intent: 'recover_password' }, guard).rules).not.toContain('intent:needs-person');
  });
});

describe('a tag one sentence carries and the whole mail does not', () => {
  const story = 'The lamp came today. I was worried it would break in the post. It looks lovely. Do you ship to Vienna too?';

  it('is a doubt below half the threshold for the whole mail, a tag from half of it on', () => {
    const threshold = 0.4;
    const calm = readEscalation({ text: story, model: modelScoring([{ tag: 'complaint', probability: 0.7, threshold, wholeProbability: threshold * WHOLE_MAIL_SHARE * 0.9 }]) });
    expect(calm.signals).toEqual([]);
    expect(calm.doubts).toEqual([expect.objectContaining({ tag: 'complaint', probability: 0.7, wholeProbability: threshold * WHOLE_MAIL_SHARE * 0.9 })]);
    const leaning = readEscalation({ text: story, model: modelScoring([{ tag: 'complaint', probability: 0.7, threshold, wholeProbability: threshold * WHOLE_MAIL_SHARE }]) });
    expect(leaning.signals.map((signal) => signal.tag)).toEqual(['complaint']);
    expect(leaning.doubts).toEqual([]);
  });

  it('stays a tag when a word list reads it too', () => {
    const text = 'I want to speak to a human. The lamp came today and it looks lovely.';
    const { signals, doubts } = readEscalation({ text, model: modelScoring([{ tag: 'human-requested', probability: 0.9, threshold: 0.45, wholeProbability: 0.05 }]) });
    expect(signals.map((signal) => signal.tag)).toEqual(['human-requested']);
    expect(signals[0]!.firedBy).toEqual(['word-list', 'model']);
    expect(doubts).toEqual([]);
  });

  it('the committed model gives the whole mail its own reading', () => {
    const [score] = loadDefaultEscalationModel().score(story).filter((entry) => entry.tag === 'complaint');
    expect(score!.wholeProbability).toBeGreaterThan(0);
    expect(score!.wholeProbability!).toBeLessThanOrEqual(score!.probability);
  });

  it('the send guard names the sentence reading and the whole mail\'s', async () => {
    const session = buildSession(ticket('I forgot my password'), triageDeps());
    session.customer = await demoCrm().findCustomerByEmail('ada@example.com');
    session.independent.escalationDoubts = [{ tag: 'security', probability: 0.62, threshold: 0.4, wholeProbability: 0.08 }];
    const doubted = assessSend(session, { text: 'Hi Ada,\n\nTo reset your password, go to the sign-in page.\n\nBest regards,\nThe Northwind Support Team', confidence: 1 }, { threshold: 0.9, allowedLinkHosts: DEFAULT_ALLOWED_LINK_HOSTS });
    expect(doubted.allowed).toBe(false);
    expect(doubted.reasons.join(' ')).toContain('the tag model reads one sentence as security (p=0.62, its threshold 0.40) but not the whole mail (p=0.08)');
  });
});
