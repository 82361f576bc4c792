#!/usr/bin/env node
// The package ships TypeScript sources; tsx compiles them on the fly, in this process, so there is
// no build step and no child process: SIGTERM and SIGINT reach the service itself, which drains its
// in-flight work and exits 0. Run the service as `node bin/triage.js serve` (or `exec` it from a
// container's entry script) so the signal comes straight here.
import { register } from 'tsx/esm/api';

watchNpmParent();
register();
await import('../src/cli.ts');

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
