/**
 * `triage ... | head` closes the pipe before the CLI has written everything: the CLI stops quietly
 * instead of dying with an unhandled EPIPE stack trace.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureBuilt, PROJECT_ROOT } from './support/run-process.js';

let folder: string;
beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'triage-closed-stdout-'));
  await ensureBuilt();
}, 180_000);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

it('a reader that closes standard output early ends the CLI without an EPIPE error', { timeout: 120_000 }, async () => {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin', 'triage.js'), 'I forgot my password'], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', DATABASE_URL: `sqlite:${join(folder, 'triage.db')}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Closed before the CLI writes anything: its first write after the triage meets a closed pipe.
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  expect(stderr).not.toMatch(/EPIPE|Unhandled/);
  expect(code).toBe(0);
});
