// Whether dist/ holds a build of the current src/. Plain JavaScript on purpose: the bin asks this
// before anything is compiled, and loading tsx only to ask would cost the start-up time dist/ saves.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * `fresh` when dist/cli.js is at least as new as every file under src/ (tsc rewrites every output
 * on each build, so the entry's time is the build's time); otherwise `missing`, or `stale` with the
 * first source file found newer than the build. A checkout without src/ (a package of dist/ only)
 * is fresh whenever dist/ exists.
 *
 * @param {string} root the project root (holding src/ and dist/)
 * @returns {{ state: 'fresh' } | { state: 'missing' } | { state: 'stale', newer: string }}
 */
export function buildState(root) {
  let builtAt;
  try {
    builtAt = statSync(join(root, 'dist', 'cli.js')).mtimeMs;
  } catch {
    return { state: 'missing' };
  }
  const newer = findNewerFile(join(root, 'src'), builtAt);
  return newer ? { state: 'stale', newer: relative(root, newer) } : { state: 'fresh' };
}

/** The first file under `directory` modified after `time`, or undefined (also when it does not exist). */
function findNewerFile(directory, time) {
  let entries;
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      const found = findNewerFile(path, time);
      if (found) return found;
    } else if (statSync(path).mtimeMs > time) {
      return path;
    }
  }
  return undefined;
}
