/**
 * `triage eval --model FILE --baseline BASE.json`: what a candidate classifier changes, shown before
 * it is adopted; and the shipped canary's line c39 and fields outside the eval format.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { IntentClassifier } from '../../src/triage/local-model/intent-classifier.js';
import { OpenQuestionModel } from '../../src/triage/open-question-model.js';

let folder: string;

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readStdin: () => new Uint8Array(),
    stderrIsTty: false,
    environment: { DATABASE_URL: `sqlite:${join(folder, 'triage.db')}` },
  });
  return { code, stdout, stderr };
}

function writeLines(name: string, lines: unknown[]): string {
  const path = join(folder, name);
  writeFileSync(path, lines.map((line) => JSON.stringify(line)).join('\n'));
  return path;
}

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'triage-eval-model-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('triage eval --model', () => {
  it('runs a candidate classifier and shows the decisions and intents it changes against the baseline', async () => {
    const set = writeLines('set.jsonl', [
      { id: 'pw', text: 'I forgot my password and cannot log in', expect: { intent: 'recover_password', decision: 'sent' } },
      { id: 'track', text: 'Where is my order A1001?', expect: { intent: 'track_order' } },
    ]);
    const baseline = await cli(['eval', '--set', set, '--json']);
    expect(baseline.code).toBe(0);
    const baselinePath = join(folder, 'baseline.json');
    writeFileSync(baselinePath, baseline.stdout);

    // A candidate that learnt the wrong thing: every password question is a delivery question.
    const candidate = IntentClassifier.train(
      [
        ...['forgot my password', 'password reset please', 'cannot log in password', 'I lost my password'].map((text) => ({ text, intent: 'delivery_period' })),
        ...['where is my order', 'track my parcel', 'order status please', 'has my order shipped'].map((text) => ({ text, intent: 'track_order' })),
      ],
      { calibrationShare: 0, epochs: 20 },
    );
    const modelPath = join(folder, 'candidate.json');
    writeFileSync(modelPath, JSON.stringify(candidate.toJSON()));

    const compared = await cli(['eval', '--set', set, '--model', modelPath, '--baseline', baselinePath]);
    expect(compared.code).toBe(1);
    expect(compared.stdout).toMatch(/pw: decision sent -> drafted, intent recover_password -> delivery_period/);
    expect(compared.stderr).toMatch(/eval regression: 1 lines regressed/);
    const before = JSON.parse(baseline.stdout).model as string;
    const after = JSON.parse((await cli(['eval', '--set', set, '--model', modelPath, '--json'])).stdout).model as string;
    expect(before).toMatch(/^local\/.+ classifier:[0-9a-f]{12}$/);
    expect(after).not.toBe(before);
  });

  it('--open-questions-model runs a candidate open-question model: what it drafts shows against the baseline', async () => {
    const set = writeLines('open.jsonl', [
      { id: 'pw', text: 'I forgot my password and cannot log in', expect: { intent: 'recover_password', decision: 'sent' } },
    ]);
    const baseline = await cli(['eval', '--set', set, '--json']);
    expect(JSON.parse(baseline.stdout).results[0].decision).toBe('sent');
    const baselinePath = join(folder, 'open-baseline.json');
    writeFileSync(baselinePath, baseline.stdout);
    // A candidate that learnt that password mail needs a person.
    const candidate = OpenQuestionModel.train([
      ...['forgot my password', 'password reset please', 'cannot log in password', 'I lost my password'].map((text) => ({ text, decision: 'drafted' as const })),
      ...['where is my order', 'track my parcel', 'order status please', 'has my order shipped'].map((text) => ({ text, decision: 'sent' as const })),
    ]);
    const modelPath = join(folder, 'candidate-open.json');
    writeFileSync(modelPath, JSON.stringify(candidate.toJSON()));
    const compared = await cli(['eval', '--set', set, '--open-questions-model', modelPath, '--baseline', baselinePath]);
    expect(compared.code).toBe(1);
    expect(compared.stdout).toMatch(/pw: decision sent -> drafted/);
    const identity = JSON.parse((await cli(['eval', '--set', set, '--open-questions-model', modelPath, '--json'])).stdout).model as string;
    expect(identity).toMatch(/ open-questions:[0-9a-f]{12}$/);
    const notModel = join(folder, 'not-open.json');
    writeFileSync(notModel, '{"format": "something else"}');
    const refused = await cli(['eval', '--set', set, '--open-questions-model', notModel]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/not an open-question model/);
  });

  it('refuses a file that is not a classifier with exit 2', async () => {
    const set = writeLines('one.jsonl', [{ id: 'a', text: 'hello' }]);
    const notModel = join(folder, 'not-model.json');
    writeFileSync(notModel, '{"format": "something else"}');
    const result = await cli(['eval', '--set', set, '--model', notModel]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not an intent classifier/);
    expect((await cli(['eval', '--set', set, '--model', join(folder, 'missing.json')])).stderr).toMatch(/cannot read model/);
  });
});

describe('triage eval and its set', () => {
  it('ignores fields outside the eval format with one warning per field name', async () => {
    const set = writeLines('export.jsonl', [
      { id: 'a', text: 'I forgot my password', priority: 'high', requester: { name: 'Ada' } },
      { id: 'b', text: 'Where is my order A1001?', priority: 'low' },
    ]);
    const { code, stdout, stderr } = await cli(['eval', '--set', set, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).results).toHaveLength(2);
    expect(stderr.trim().split('\n')).toEqual([
      `triage: warning: ${set}: field "priority" is not part of the eval format and is ignored (lines 1, 2)`,
      `triage: warning: ${set}: field "requester" is not part of the eval format and is ignored (line 1)`,
    ]);
  });

  it('the shipped canary reports its empty-text line c39 as expected', async () => {
    const { code, stdout } = await cli(['eval', '--json']);
    expect(code).toBe(0);
    const c39 = JSON.parse(stdout).results.find((result: { id: string }) => result.id === 'c39');
    expect(c39).toMatchObject({ error: 'the ticket text is empty', decision: 'drafted', tags: ['invalid-input'] });
    expect(c39.failed).toBeUndefined();
  });
});
