/**
 * `npm run train` (scripts/train-classifier.ts) end to end on a small corpus laid out like
 * data/training/ (--training-dir), so the script itself is run here in seconds: the README's
 * `npm run train -- --include-reviewed reviewed.jsonl` is the same script on the whole corpus, which
 * takes minutes, and test/triage/local-model/intent-classifier.test.ts checks the committed weights
 * against one fit of that corpus.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EscalationTagModel } from '../../src/triage/escalation-model.js';
import { OpenQuestionModel } from '../../src/triage/open-question-model.js';
import { IntentClassifier } from '../../src/triage/local-model/intent-classifier.js';
import { PROJECT_ROOT, runProcess } from './support/run-process.js';

let root: string;
let corpus: string;

/** The first `perIntent` examples of every intent of a committed training file, as JSON lines. */
function firstOfEachIntent(file: string, perIntent: number): string[] {
  const counts = new Map<string, number>();
  return readFileSync(join(PROJECT_ROOT, 'data', 'training', file), 'utf8')
    .split('\n')
    .filter((line) => {
      if (line.trim() === '') return false;
      const { intent } = JSON.parse(line) as { intent: string };
      counts.set(intent, (counts.get(intent) ?? 0) + 1);
      return counts.get(intent)! <= perIntent;
    });
}

function train(args: string[]) {
  return runProcess(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'scripts', 'train-classifier.ts'), '--training-dir', corpus, ...args], {
    // The project's own folder, where `--import tsx` resolves; every path given is absolute.
    cwd: PROJECT_ROOT,
    timeoutMs: 300_000,
  });
}

const reviewed = (ticketId: string, intent: string, outcome: 'approved' | 'edited' | 'rejected', intentSource: 'reviewer' | 'model') =>
  JSON.stringify({
    ticketId,
    text: `Reviewed ticket ${ticketId}: where is my parcel, it was due on Monday`,
    intent,
    intentSource,
    predictedIntent: 'delivery_period',
    outcome,
    tags: [],
    reviewer: 'reviewer',
    reviewedAt: '2026-12-06T00:00:00.000Z',
  });

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'triage-train-'));
  corpus = join(root, 'training');
  mkdirSync(join(corpus, 'escalation'), { recursive: true });
  writeFileSync(join(corpus, 'intents.jsonl'), `${firstOfEachIntent('intents.jsonl', 6).join('\n')}\n`);
  const sentences = readFileSync(join(PROJECT_ROOT, 'data', 'training', 'escalation', 'tag-sentences.jsonl'), 'utf8').split('\n').filter(Boolean);
  writeFileSync(join(corpus, 'escalation', 'tag-sentences.jsonl'), `${sentences.filter((_, index) => index % 8 === 0).join('\n')}\n`);
  mkdirSync(join(corpus, 'decisions'));
  const decisions = readFileSync(join(PROJECT_ROOT, 'data', 'training', 'decisions', 'inbox-dev-decisions.jsonl'), 'utf8').split('\n').filter(Boolean);
  writeFileSync(join(corpus, 'decisions', 'some.jsonl'), `${decisions.filter((_, index) => index % 20 === 0).join('\n')}\n`);
  writeFileSync(
    join(root, 'reviewed.jsonl'),
    [reviewed('zendesk:1', 'track_order', 'approved', 'model'), reviewed('zendesk:2', 'track_order', 'rejected', 'reviewer'), reviewed('zendesk:3', 'track_order', 'rejected', 'model')].join('\n') + '\n',
  );
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('npm run train (scripts/train-classifier.ts)', () => {
  it('with reviewers\' examples writes a candidate intent model, counting only the labelled ones, and leaves the tag model alone', async () => {
    const output = join(root, 'candidate.json');
    const tagsOutput = join(root, 'tags-untouched.json');
    const openOutput = join(root, 'candidate-open-questions.json');
    const run = await train(['--include-reviewed', join(root, 'reviewed.jsonl'), '--output', output, '--tags-output', tagsOutput, '--open-questions-output', openOutput]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // Two of the three: a rejection without the reviewer's intent says the reply was wrong, not which intent was right.
    expect(run.stdout).toMatch(/\(2 from reviewers\)/);
    const candidate = IntentClassifier.fromJSON(JSON.parse(readFileSync(output, 'utf8')));
    expect(candidate.intents).toContain('track_order');
    expect(candidate.training.examples).toBe(firstOfEachIntent('intents.jsonl', 6).length + 2);
    expect(existsSync(tagsOutput)).toBe(false);
    // All three outcomes are decisions: approved -> sent, the two rejections -> drafted.
    expect(run.stdout).toMatch(/open questions: trained on \d+ decisions \(3 from reviewers, /);
    expect(OpenQuestionModel.fromJSON(JSON.parse(readFileSync(openOutput, 'utf8'))).training.examples).toBeGreaterThan(100);
  });

  it('without them writes both models, the tag model with thresholds fitted on the held-back sentences', async () => {
    const output = join(root, 'intents.json');
    const tagsOutput = join(root, 'tags.json');
    const openOutput = join(root, 'open.json');
    const run = await train(['--output', output, '--tags-output', tagsOutput, '--open-questions-output', openOutput]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/tags: thresholds fitted on \d+ held-back tag sentences/);
    expect(IntentClassifier.fromJSON(JSON.parse(readFileSync(output, 'utf8'))).intents.length).toBeGreaterThan(10);
    const tags = EscalationTagModel.fromJSON(JSON.parse(readFileSync(tagsOutput, 'utf8')));
    expect(tags.tags).toContain('complaint');
    expect(run.stdout).toMatch(/open questions: trained on \d+ decisions/);
    expect(OpenQuestionModel.fromJSON(JSON.parse(readFileSync(openOutput, 'utf8'))).training.examples).toBeGreaterThan(100);
  });

  it('--only open-questions fits that model alone; another name is refused; a corpus without decisions keeps the model', async () => {
    const openOutput = join(root, 'open-only.json');
    const intentsOutput = join(root, 'intents-untouched.json');
    const run = await train(['--only', 'open-questions', '--open-questions-output', openOutput, '--output', intentsOutput]);
    expect(run.code).toBe(0);
    expect(existsSync(openOutput)).toBe(true);
    expect(existsSync(intentsOutput)).toBe(false);
    const wrong = await train(['--only', 'intents', '--open-questions-output', join(root, 'never-open.json')]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^train-classifier: --only takes "open-questions"/);
    const bare = join(root, 'bare');
    mkdirSync(bare);
    const noDecisions = await runProcess(
      process.execPath,
      ['--import', 'tsx', join(PROJECT_ROOT, 'scripts', 'train-classifier.ts'), '--training-dir', bare, '--only', 'open-questions', '--open-questions-output', join(root, 'never-open.json')],
      { cwd: PROJECT_ROOT },
    );
    expect(noDecisions.code).toBe(0);
    expect(noDecisions.stdout).toMatch(/no decisions\/ folder/);
    expect(existsSync(join(root, 'never-open.json'))).toBe(false);
  });

  it('says what is wrong, exits 2 and writes nothing for a reviewed file that is not there, a bad line or an unknown option', async () => {
    const output = join(root, 'never.json');
    const missing = await train(['--include-reviewed', join(root, 'nope.jsonl'), '--output', output]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^train-classifier: .*nope\.jsonl/);
    writeFileSync(join(root, 'broken.jsonl'), `${reviewed('zendesk:4', 'track_order', 'approved', 'model')}\n{"ticketId": "zendesk:5"}\n`);
    const broken = await train(['--include-reviewed', join(root, 'broken.jsonl'), '--output', output]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^train-classifier: .*broken\.jsonl:2: /);
    const unknown = await train(['--epochs', '3', '--output', output]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^train-classifier: Unknown option '--epochs'/);
    expect(existsSync(output)).toBe(false);
  });

  it('refuses a training folder without training files, or one that is not there', async () => {
    const empty = join(root, 'empty');
    mkdirSync(empty);
    const run = await runProcess(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'scripts', 'train-classifier.ts'), '--training-dir', empty, '--output', join(root, 'x.json')], { cwd: PROJECT_ROOT });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/No \*\.jsonl training files in .*empty/);
    const missing = await runProcess(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'scripts', 'train-classifier.ts'), '--training-dir', join(root, 'nowhere'), '--output', join(root, 'x.json')], { cwd: PROJECT_ROOT });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^train-classifier: .*no such file or directory.*nowhere/);
    expect(existsSync(join(root, 'x.json'))).toBe(false);
  });
});
