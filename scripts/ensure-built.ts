/**
 * Builds dist/ when it is missing or older than src/, for the tests and benchmarks that run the
 * compiled `triage`. Under a lock, so test files running in parallel share one build instead of
 * racing tsc over the same files. Run alone: npx tsx scripts/ensure-built.ts
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { buildState } from '../bin/build-state.js';

export const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));
const TSC = join(PROJECT_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
/** A lock left by a killed run is taken over after this long (a build takes well under it). */
const STALE_LOCK_MS = 5 * 60_000;

/** Returns whether it built. */
export async function ensureBuilt(): Promise<boolean> {
  if (buildState(PROJECT_ROOT).state === 'fresh') return false;
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
    // Another process may have built while this one waited for the lock.
    if (buildState(PROJECT_ROOT).state === 'fresh') return false;
    await promisify(execFile)(process.execPath, [TSC, '-p', 'tsconfig.build.json'], { cwd: PROJECT_ROOT });
    return true;
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

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log((await ensureBuilt()) ? 'built dist/' : 'dist/ is up to date');
}
