import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLabelledEvalSet } from '../../src/service/inbox-evaluation.js';
import { countLimitCandidates } from '../../src/service/limit-candidates.js';
import { loadKnowledgeBase } from '../../src/triage/kb/knowledge-base.js';

const kb = loadKnowledgeBase();
const line = (id: string, text: string, decision: 'sent' | 'drafted') =>
  JSON.stringify({ id, text, email: 'ada@example.com', expect: { decision } });
const set = [
  line('a1', 'Can I send the pen back from the US, and is the label prepaid?', 'drafted'),
  line('a2', 'I live in the US. Who pays the postage for a return?', 'sent'),
  line('a3', 'Could you send us a return label for the lamp?', 'sent'),
  line('a4', 'From the US: is the return label free?', 'drafted'),
  line('a5', 'From the US: is the return label free?', 'drafted'),
].join('\n');
const lines = parseLabelledEvalSet(set);
const run = {
  set: 'dev',
  lines,
  results: [
    { id: 'a1', intent: 'check_refund_policy', decision: 'sent' as const },
    { id: 'a2', intent: 'check_refund_policy', decision: 'sent' as const },
    { id: 'a3', intent: 'check_refund_policy', decision: 'sent' as const },
    // already drafted: a limit changes nothing
    { id: 'a4', intent: 'check_refund_policy', decision: 'drafted' as const },
    // sent under another article's intent: the reply did not draw on the returns article
    { id: 'a5', intent: 'delivery_options', decision: 'sent' as const },
  ],
};
const usReturns = { article: 'returns', limit: { when: ['US'], and: ['label', 'postage'], because: 'not prepaid from outside the EU' } };

describe('countLimitCandidates', () => {
  it('splits the sends a candidate limit would stop into unsafe sends caught and easy sends lost', () => {
    const [count] = countLimitCandidates(kb, [usReturns], [run]);
    expect(count!.caught).toEqual(['dev/a1']);
    expect(count!.lost).toEqual(['dev/a2']);
  });

  it('refuses a candidate for an article the knowledge base does not have', () => {
    expect(() => countLimitCandidates(kb, [{ ...usReturns, article: 'no-such-article' }], [run])).toThrow(/no article "no-such-article"/);
  });
});

describe('scripts/measure-limit-candidates.ts on bad input', () => {
  const run = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/measure-limit-candidates.ts', ...args], { encoding: 'utf8' });
  const dir = mkdtempSync(join(tmpdir(), 'limit-candidates-'));

  it.each([
    ['no arguments', [], /usage: measure-limit-candidates.ts --candidates FILE.json RUN.json/],
    ['a candidates file that is not there', ['--candidates', join(dir, 'missing.json'), 'run.json'], /candidates .*missing\.json: cannot be read/],
    ['a candidate without its limit', ['--candidates', write(dir, 'bad.json', '[{"article":"returns"}]'), 'run.json'], /0\.limit/],
    ['a run that is not JSON', ['--candidates', write(dir, 'ok.json', '[{"article":"returns","limit":{"when":["US"],"because":"x"}}]'), write(dir, 'run.json', '{')], /run .*run\.json: not valid JSON/],
  ] as const)('%s: says what is wrong, exits 2, prints no counts', (_, args, message) => {
    const result = run([...args]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });
});

function write(dir: string, name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
