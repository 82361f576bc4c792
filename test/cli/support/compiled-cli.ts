/**
 * The compiled `triage` as a user runs it: `node bin/triage.js ...` in a child process. Tests that
 * run it call `ensureBuilt()` first: it builds dist/ once when it is missing or older than src/,
 * under a lock, so test files running in parallel share one build instead of racing tsc.
 */
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildState } from '../../../bin/build-state.js';

export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TSC = join(PROJECT_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
/** A lock left by a killed test run is taken over after this long (a build takes well under it). */
const STALE_LOCK_MS = 5 * 60_000;

export async function ensureBuilt(): Promise<void> {
  if (buildState(PROJECT_ROOT).state === 'fresh') return;
  const lock = join(tmpdir(), `triage-build-${createHash('sha256').update(PROJECT_ROOT).digest('hex').slice(0, 12)}.lock`);
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (lockAge(lock) > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    // Another test file may have built while this one waited for the lock.
    if (buildState(PROJECT_ROOT).state !== 'fresh') {
      await promisify(execFile)(process.execPath, [TSC, '-p', 'tsconfig.build.json'], { cwd: PROJECT_ROOT });
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function lockAge(lock: string): number {
  try {
    return Date.now() - statSync(lock).mtimeMs;
  } catch {
    return 0;
  }
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/triage.js ...args` (or a shell command line with `shell: true`) and collects its output. */
export function runCompiledCli(
  args: string[],
  options: { environment?: Record<string, string>; cwd?: string; stdin?: string; timeoutMs?: number } = {},
): Promise<CliRun> {
  return runCommand(process.execPath, [join(PROJECT_ROOT, 'bin', 'triage.js'), ...args], options);
}

export function runCommand(
  file: string,
  args: string[],
  options: { environment?: Record<string, string>; cwd?: string; stdin?: string; timeoutMs?: number; shell?: boolean } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      cwd: options.cwd ?? PROJECT_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...options.environment },
      stdio: ['pipe', 'pipe', 'pipe'],
      shell: options.shell ?? false,
      timeout: options.timeoutMs ?? 120_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}
