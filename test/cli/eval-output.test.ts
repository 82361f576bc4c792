/**
 * The README's baseline steps as written: `eval --json --output FILE`, then `eval --baseline FILE`.
 * (`npm run triage -- eval --json > FILE` would put npm's banner in the file; --output cannot.)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';

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

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'triage-eval-output-'));
  const lines = [
    { id: 'o1', text: 'I forgot my password', expect: { intent: 'recover_password', decision: 'sent' } },
    { id: 'o2', text: 'Please cancel my subscription, I am moving to another provider', email: 'linus@example.com', expect: { decision: 'drafted' } },
  ];
  writeFileSync(join(folder, 'set.jsonl'), `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`);
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('triage eval --output', () => {
  it('writes exactly the JSON report to the file, and the next step reads it as a baseline', async () => {
    const baseline = join(folder, 'baseline.json');
    const first = await cli(['eval', '--set', join(folder, 'set.jsonl'), '--json', '--output', baseline]);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    const report = JSON.parse(readFileSync(baseline, 'utf8'));
    expect(report.results.map((result: { id: string }) => result.id)).toEqual(['o1', 'o2']);
    // Each result says why it was decided so, e.g. why the cancellation was drafted.
    expect(report.results[1].reasons.join(' ')).toMatch(/retention/);
    const second = await cli(['eval', '--set', join(folder, 'set.jsonl'), '--baseline', baseline]);
    expect(second.code).toBe(0);
  });

  it('an unwritable output path is a clear error (exit 2)', async () => {
    const { code, stderr } = await cli(['eval', '--set', join(folder, 'set.jsonl'), '--output', join(folder, 'no-such-dir', 'x.json')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/cannot write .*ENOENT/);
  });
});
