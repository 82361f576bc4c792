/**
 * bin/triage.js runs dist/cli.js when it is built from the current sources; when dist/ is missing
 * or older than a file in src/, it says so on stderr and runs the sources through tsx: never
 * silently stale code. Checked on a tiny project layout of its own, so the real dist/ is untouched.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildState } from '../../bin/build-state.js';
import { PROJECT_ROOT, runProcess } from './support/run-process.js';

let root: string;
const HOUR_AGO = new Date(Date.now() - 3_600_000);
const NOW = new Date();

function layout(files: Record<string, { text: string; time: Date }>): void {
  rmSync(join(root, 'src'), { recursive: true, force: true });
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  for (const [path, { text, time }] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
    utimesSync(join(root, path), time, time);
  }
}

const runBin = () => runProcess(process.execPath, [join(root, 'bin', 'triage.js')], { cwd: root });

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'triage-bin-'));
  mkdirSync(join(root, 'bin'));
  for (const file of ['triage.js', 'build-state.js']) copyFileSync(join(PROJECT_ROOT, 'bin', file), join(root, 'bin', file));
  writeFileSync(join(root, 'package.json'), '{"type": "module"}\n');
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('bin/triage.js', () => {
  it('runs the compiled CLI when dist/ is newer than every source', async () => {
    layout({
      'src/cli.ts': { text: "console.log('from source');\n", time: HOUR_AGO },
      'src/cli/deep/module.ts': { text: 'export {};\n', time: HOUR_AGO },
      'dist/cli.js': { text: "console.log('compiled');\n", time: NOW },
    });
    expect(buildState(root)).toEqual({ state: 'fresh' });
    expect(await runBin()).toEqual({ code: 0, stdout: 'compiled\n', stderr: '' });
  });

  it('runs the sources with tsx, and says why, when a source is newer than the build', async () => {
    layout({
      'src/cli.ts': { text: "console.log('from source');\n", time: HOUR_AGO },
      'src/cli/deep/module.ts': { text: 'export {};\n', time: NOW },
      'dist/cli.js': { text: "console.log('compiled');\n", time: HOUR_AGO },
    });
    expect(buildState(root)).toEqual({ state: 'stale', newer: join('src', 'cli', 'deep', 'module.ts') });
    const run = await runBin();
    expect(run.stdout).toBe('from source\n');
    expect(run.stderr).toMatch(/^triage: dist\/ is older than src\/cli\/deep\/module\.ts: .*`npm run build`/);
    expect(run.code).toBe(0);
  });

  it('runs the sources with tsx, and says why, when dist/ was never built', async () => {
    layout({ 'src/cli.ts': { text: "console.log('from source');\n", time: HOUR_AGO } });
    expect(buildState(root)).toEqual({ state: 'missing' });
    const run = await runBin();
    expect(run.stdout).toBe('from source\n');
    expect(run.stderr).toMatch(/^triage: dist\/ is not built: /);
  });

  it('a package of dist/ alone (no src/) runs dist/', () => {
    layout({ 'dist/cli.js': { text: "console.log('compiled');\n", time: HOUR_AGO } });
    expect(buildState(root)).toEqual({ state: 'fresh' });
  });
});
