/** Runs the compiled `triage` (or any command) as a user does, in a child process, and collects its output. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../scripts/ensure-built.js';

export { ensureBuilt, PROJECT_ROOT } from '../../../scripts/ensure-built.js';

export interface ProcessRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  environment?: Record<string, string>;
  cwd?: string;
  stdin?: string;
  timeoutMs?: number;
  shell?: boolean;
}

/** `node bin/triage.js ...args`. */
export function runCompiledCli(args: string[], options: RunOptions = {}): Promise<ProcessRun> {
  return runProcess(process.execPath, [join(PROJECT_ROOT, 'bin', 'triage.js'), ...args], options);
}

export function runProcess(file: string, args: string[], options: RunOptions = {}): Promise<ProcessRun> {
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
