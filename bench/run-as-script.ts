/**
 * Runs a bench's main() when its file is the script node was started with, not when a test imports
 * the file for its functions; exits 1 with the error's stack when it fails.
 */
import { pathToFileURL } from 'node:url';

export function isScript(moduleUrl: string): boolean {
  return process.argv[1] !== undefined && moduleUrl === pathToFileURL(process.argv[1]).href;
}

export function runAsScript(moduleUrl: string, main: () => Promise<void>): void {
  if (!isScript(moduleUrl)) return;
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
