#!/usr/bin/env node
// Runs the compiled CLI in dist/ (`npm run build`; `npm ci` builds it through `prepare`), in this
// process and with no child process: SIGTERM and SIGINT reach the service itself, which drains its
// in-flight work and exits 0. Run the service as `node bin/triage.js serve` (or `exec` it from a
// container's entry script) so the signal comes straight here.
//
// When dist/ is missing or older than a file in src/ (sources edited, no rebuild), it says so on
// stderr and runs the TypeScript sources through tsx instead: slower to start (about 2 s), but
// never stale code.
import { fileURLToPath } from 'node:url';
import { buildState } from './build-state.js';

const root = fileURLToPath(new URL('..', import.meta.url));
watchNpmParent();
const build = buildState(root);
if (build.state === 'fresh') {
  await import('../dist/cli.js');
} else {
  const why = build.state === 'missing' ? 'dist/ is not built' : `dist/ is older than ${build.newer}`;
  process.stderr.write(`triage: ${why}: running the sources with tsx (slow start); \`npm run build\` to start fast\n`);
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}

/**
 * Under `npm run` or `npx`, npm forwards SIGTERM to the shell it started us with, and that shell
 * (dash) dies of it without passing it on: npm exits 143 and this process, orphaned, would keep
 * serving. So when npm started us, losing our parent counts as SIGTERM: the service stops the
 * same graceful way. Not otherwise: `nohup node bin/triage.js serve &` must outlive its shell.
 */
function watchNpmParent() {
  if (!process.env.npm_command) return;
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    process.kill(process.pid, 'SIGTERM');
  }, 500);
  timer.unref();
}
