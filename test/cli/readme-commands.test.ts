/**
 * Every shell command in README.md works as written: the test reads the README's fenced code
 * blocks (```sh blocks, and `$ ` lines of the output examples), runs each one, in README order, with
 * the compiled `triage` (dist/ built first when stale) in a scratch copy of the project layout and
 * a fresh SQLite database, and expects exit 0. The commands that cannot run here are listed below
 * with the reason; an entry that no longer matches a README command fails the test, so the list
 * stays true.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, PROJECT_ROOT, runProcess } from './support/run-process.js';

/** Commands not run, each with why; matched against the start of the command. */
const SKIPPED: readonly { command: string; reason: string }[] = [
  { command: 'npm ci && npm test', reason: 'the test suite this test is part of' },
  { command: 'npx tsx scripts/eval-inbox.ts', reason: 'the held-out evaluation: run only to report numbers, never from the tests' },
  { command: 'npm run triage -- serve', reason: 'runs until stopped; test/cli/serve-signals.test.ts starts and stops it through bin/triage.js' },
  { command: 'npm run triage -- worker', reason: 'runs until stopped and needs PostgreSQL; test/service/worker/worker-process.test.ts runs workers' },
  { command: 'TRIAGE_MODEL=openai', reason: 'needs an OpenAI-compatible server; test/service/llm-pipeline.test.ts runs the CLI against a local one' },
  { command: 'TRIAGE_MODEL=anthropic', reason: 'needs an Anthropic API key' },
  {
    command: 'npm run train',
    reason: 'retrains on the whole corpus (minutes); test/cli/train-script.test.ts runs the same script, reviewed examples and all, on a small corpus',
  },
  { command: 'DATABASE_URL=postgres://', reason: "writes into that PostgreSQL database's own schema; the store tests run per dialect on schemas of their own" },
];
/** `npm ci` installs from the lock: the test uses the installed node_modules, and ensureBuilt() does the build its `prepare` does. */
const INSTALL_PREFIX = 'npm ci && ';

/** Shell commands of the README's fenced code blocks, continuation lines joined, trailing comments removed. */
export function readmeCommands(markdown: string): string[] {
  const commands: string[] = [];
  for (const block of markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)) {
    const [, language, body = ''] = block;
    const lines = body.replace(/\\\n\s*/g, '').split('\n');
    if (language === 'sh') commands.push(...lines);
    else if (language === '') commands.push(...lines.filter((line) => line.startsWith('$ ')).map((line) => line.slice(2)));
  }
  return commands.map((line) => line.replace(/\s+#\s.*$/, '').trim()).filter(Boolean);
}

let project: string;
const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
const commands = readmeCommands(readme);

/**
 * A scratch project: the real bin/, src/, node_modules/ and data files by symlink (node resolves
 * them to the real files, so dist/ is the real build), but its own data/model/, so nothing a command
 * writes there reaches the checkout, and relative paths (`baseline.json`, `data/eval/canary.jsonl`)
 * resolve here.
 */
function scratchProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'triage-readme-'));
  copyFileSync(join(PROJECT_ROOT, 'package.json'), join(root, 'package.json'));
  for (const name of ['bin', 'src', 'node_modules', 'tsconfig.json']) symlinkSync(join(PROJECT_ROOT, name), join(root, name));
  mkdirSync(join(root, 'data', 'model'), { recursive: true });
  for (const name of readdirSync(join(PROJECT_ROOT, 'data'))) {
    if (name !== 'model') symlinkSync(join(PROJECT_ROOT, 'data', name), join(root, 'data', name));
  }
  for (const name of ['intent-classifier.json', 'escalation-tags.json', 'open-questions.json']) {
    symlinkSync(join(PROJECT_ROOT, 'data', 'model', name), join(root, 'data', 'model', name));
  }
  // What the skipped `npm run train -- --include-reviewed` would write, so the README's next step
  // (`eval --model data/model/candidate.json --baseline ...`) runs as written: the adopted model
  // stands in for a candidate trained on it plus no reviewed examples.
  copyFileSync(join(PROJECT_ROOT, 'data', 'model', 'intent-classifier.json'), join(root, 'data', 'model', 'candidate.json'));
  copyFileSync(join(PROJECT_ROOT, 'data', 'model', 'open-questions.json'), join(root, 'data', 'model', 'candidate-open-questions.json'));
  return root;
}

function runShell(command: string) {
  return runProcess('sh', ['-c', command], {
    cwd: project,
    timeoutMs: 180_000,
    environment: { DATABASE_URL: `sqlite:${join(project, 'var', 'triage.db')}`, npm_config_update_notifier: 'false' },
  });
}

beforeAll(async () => {
  project = scratchProject();
  await ensureBuilt();
}, 180_000);
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('README commands', () => {
  it('finds the commands of the quick start, the CLI section and the settings', () => {
    expect(commands).toContain('npm ci && npm run triage -- "I forgot my password"');
    expect(commands).toContain('npm run triage -- show T-1001');
    expect(commands).toContain('npm run triage -- eval --set data/eval/canary.jsonl --json --output baseline.json');
    expect(commands.filter((command) => command.startsWith('TRIAGE_MODEL=openai'))).toEqual([
      'TRIAGE_MODEL=openai OPENAI_BASE_URL=http://127.0.0.1:11434/v1 OPENAI_MODEL=llama3.1 npm run triage -- "I forgot my password"',
    ]);
  });

  it('every skipped command is still in the README', () => {
    for (const { command } of SKIPPED) expect(commands.some((readmeCommand) => readmeCommand.startsWith(command)), command).toBe(true);
  });

  it('every other command runs as written and exits 0', { timeout: 600_000 }, async () => {
    const ran: string[] = [];
    for (const written of commands) {
      if (SKIPPED.some(({ command }) => written.startsWith(command))) continue;
      const command = written.startsWith(INSTALL_PREFIX) ? written.slice(INSTALL_PREFIX.length) : written;
      const run = await runShell(command);
      expect({ command, code: run.code, stderr: run.stderr }).toEqual({ command, code: 0, stderr: expect.not.stringMatching(/is older than|is not built/) });
      ran.push(command);
    }
    expect(ran.length).toBeGreaterThanOrEqual(14);
    // The baseline steps chain: the JSON report went to the file, not npm's banner with it.
    const baseline = JSON.parse(readFileSync(join(project, 'baseline.json'), 'utf8')) as { results: unknown[] };
    expect(baseline.results.length).toBeGreaterThan(0);
  });
});
