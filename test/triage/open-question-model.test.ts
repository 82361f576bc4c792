/**
 * The open-question model learns from reviewers' decisions on calm mail which on-topic questions the
 * knowledge base leaves open. Its training lines come from the dev sets only, the committed weights
 * are what training on the committed lines gives, and the send guard drafts what it flags.
 */
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DECISION_SETS,
  buildDevSetDecisions,
  defaultDevSetDecisionsPath,
  devSetDecisionLines,
  parseDecisionLines,
  readDecisionLines,
  type DecisionLine,
} from '../../src/triage/local-model/dev-set-decisions.js';
import { defaultEvalDirectory } from '../../src/triage/local-model/dev-set-training.js';
import {
  OPEN_QUESTION_THRESHOLD,
  OpenQuestionModel,
  defaultOpenQuestionModelPath,
  loadDefaultOpenQuestionModel,
} from '../../src/triage/open-question-model.js';
import { buildSession } from '../../src/triage/pipeline.js';
import { assessSend } from '../../src/triage/send-guard.js';
import { adaSession, sendGuardOptions, ticket, triageDeps } from './triage-fixtures.js';

const line = (fields: Record<string, unknown>) => JSON.stringify({ id: 'x1', text: 'How long is the warranty?', ...fields });

describe('decision lines from the dev sets', () => {
  it('the committed file equals a rebuild from the listed sets', () => {
    expect(readFileSync(defaultDevSetDecisionsPath, 'utf8')).toBe(buildDevSetDecisions());
  });

  it('never reads a blind set: no line of a set not listed is in the file', () => {
    const sets = readdirSync(defaultEvalDirectory).filter((name) => name.endsWith('.jsonl')).map((name) => name.slice(0, -'.jsonl'.length));
    const blind = sets.filter((name) => name.startsWith('inbox-blind') && !(DECISION_SETS as readonly string[]).includes(name));
    expect(blind).toContain('inbox-blind-16');
    const trained = new Set(readFileSync(defaultDevSetDecisionsPath, 'utf8').split('\n').filter(Boolean));
    for (const name of blind) {
      const path = `${defaultEvalDirectory}${name}.jsonl`;
      const lines = devSetDecisionLines(readFileSync(path, 'utf8'), path).map((decision) => JSON.stringify(decision));
      expect(lines.filter((decision) => trained.has(decision)), name).toEqual([]);
    }
  });

  it('keeps the subject and newest message with the decision', () => {
    const content = line({
      subject: 'Warranty',
      text: 'How long is the warranty on the lamp?\n\nOn Mon, 2 Mar 2026 at 10:00, Northwind <hello@northwind.example> wrote:\n> Thanks for your order.',
      email: 'ada@example.com',
      expect: { intent: 'warranty', decision: 'sent' },
    });
    expect(devSetDecisionLines(content, 'inline')).toEqual([{ text: 'Warranty\nHow long is the warranty on the lamp?', decision: 'sent' }]);
  });

  it('leaves out what another rule explains: any tag, another language, no decision, a noted one', () => {
    for (const fields of [
      { expect: { decision: 'drafted', tags: ['complaint'] } },
      { expect: { decision: 'drafted', tags: ['enterprise'] } },
      { expect: { decision: 'drafted', tags: ['language-de'] } },
      { lang: 'de', expect: { decision: 'sent' } },
      { expect: { intent: 'warranty' } },
      { expect: { decision: 'noted' } },
    ]) {
      expect(devSetDecisionLines(line(fields), 'inline'), JSON.stringify(fields)).toEqual([]);
    }
  });

  it('leaves out a drafted mail from an unknown sender that the sender policy drafts anyway, and keeps a known sender\'s', () => {
    const order = { text: 'Where is my order A1001?', expect: { intent: 'track_order', decision: 'drafted' } };
    expect(devSetDecisionLines(line({ ...order, email: 'stranger@example.org' }), 'inline')).toEqual([]);
    expect(devSetDecisionLines(line({ ...order, email: 'ada@example.com' }), 'inline')).toHaveLength(1);
    // A general question from the same stranger is drafted for what it asks: kept.
    const general = { text: 'Does Saturday count as a business day for delivery?', expect: { intent: 'delivery_period', decision: 'drafted' } };
    expect(devSetDecisionLines(line({ ...general, email: 'stranger@example.org' }), 'inline')).toHaveLength(1);
  });

  it('reads a decisions folder in file-name order and names the file and line of a bad one', () => {
    const directory = mkdtempSync(join(tmpdir(), 'decisions-'));
    mkdirSync(join(directory, 'decisions'));
    writeFileSync(join(directory, 'decisions', 'b.jsonl'), `${JSON.stringify({ text: 'b', decision: 'sent' })}\n`);
    writeFileSync(join(directory, 'decisions', 'a.jsonl'), `${JSON.stringify({ text: 'a', decision: 'drafted' })}\n`);
    expect(readDecisionLines(directory).map((decision) => decision.text)).toEqual(['a', 'b']);
    writeFileSync(join(directory, 'decisions', 'c.jsonl'), `${JSON.stringify({ text: 'c', decision: 'maybe' })}\n`);
    expect(() => readDecisionLines(directory)).toThrow(/c\.jsonl:1/);
    expect(() => parseDecisionLines('{"text": ""}', 'inline')).toThrow(/inline:1/);
    expect(() => readDecisionLines(mkdtempSync(join(tmpdir(), 'empty-')))).toThrow(/ENOENT|no such file/i);
  });
});

describe('the open-question model', () => {
  // A refit of the whole corpus: about 4 s on a quiet machine, so a generous limit for a busy one.
  it('the committed weights are what training on the committed decisions gives', { timeout: 120_000 }, () => {
    const trained = OpenQuestionModel.train(parseDecisionLines(readFileSync(defaultDevSetDecisionsPath, 'utf8'), 'inbox-dev-decisions.jsonl'));
    expect(JSON.stringify(trained.toJSON())).toBe(readFileSync(defaultOpenQuestionModelPath, 'utf8').trim());
  });

  it('learns which questions on a topic reviewers answer themselves', () => {
    const lines: DecisionLine[] = [];
    for (let i = 0; i < 30; i++) {
      lines.push({ text: `Delivery\nHow long does standard delivery take to city ${i}?`, decision: 'sent' });
      lines.push({ text: `Delivery\nDoes Saturday count as a business day for order ${i}?`, decision: 'drafted' });
    }
    const model = OpenQuestionModel.train(lines);
    expect(model.training).toEqual({ examples: 60, drafted: 30 });
    expect(model.probability('Does Saturday count as a business day?')).toBeGreaterThan(OPEN_QUESTION_THRESHOLD);
    expect(model.probability('How long does standard delivery take?')).toBeLessThan(OPEN_QUESTION_THRESHOLD);
    // A saved and loaded model answers exactly as the trained one.
    const loaded = OpenQuestionModel.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    expect(loaded.probability('Does Saturday count?')).toBe(model.probability('Does Saturday count?'));
  });

  it('refuses to train on nothing and to load what is not its own format', () => {
    expect(() => OpenQuestionModel.train([])).toThrow(RangeError);
    expect(() => OpenQuestionModel.fromJSON({ format: 'something-else' })).toThrow(/Not a serialized open-question model/);
    const model = OpenQuestionModel.train([
      { text: 'a b c', decision: 'sent' },
      { text: 'a b d', decision: 'drafted' },
    ]).toJSON();
    expect(() => OpenQuestionModel.fromJSON({ ...model, weights: Buffer.alloc(4).toString('base64') })).toThrow(/do not fit/);
  });
});

describe('the send guard with an open question', () => {
  const kbReply =
    'Hi Ada,\n\nTo reset your password, go to the sign-in page, press Forgot password and enter the email address of your account.\n\nBest regards,\nThe Northwind Support Team';

  it('a reply that is sent otherwise is held when the model reads the mail as open, with no tag', async () => {
    const session = await adaSession('I forgot my password');
    session.independent.openQuestion = OPEN_QUESTION_THRESHOLD - 0.01;
    expect(assessSend(session, { text: kbReply, confidence: 1 }, sendGuardOptions).allowed).toBe(true);
    session.independent.openQuestion = OPEN_QUESTION_THRESHOLD;
    const held = assessSend(session, { text: kbReply, confidence: 1 }, sendGuardOptions);
    expect(held.allowed).toBe(false);
    expect(held.rules).toEqual(['request:open-question']);
    expect(held.reasons.join(' ')).toMatch(/open-question model 0\.50 >= 0\.5/);
    expect(held.tags).toEqual([]);
  });

  it('the session reads the mail with the given model, the committed one by default, and none when null', () => {
    const model = loadDefaultOpenQuestionModel();
    const text = 'Delivery\nYour site says 3 to 5 business days. Does Saturday count as one of them, or only weekdays?';
    const session = buildSession(ticket(text.split('\n')[1]!, { subject: 'Delivery' }), triageDeps());
    expect(session.independent.openQuestion).toBe(model.probability(text));
    expect(buildSession(ticket('I forgot my password'), { ...triageDeps(), openQuestions: null }).independent.openQuestion).toBeUndefined();
  });
});
