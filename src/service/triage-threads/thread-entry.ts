/**
 * Which file a triage thread starts from. A compiled build has `triage-thread-main.js` beside this
 * module and runs it directly; from TypeScript sources (tests, tsx) the thread starts a small
 * bootstrap that registers tsx's loader and then imports `triage-thread-main.ts`.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface ThreadEntry {
  /** What `new Worker()` starts. */
  url: URL;
  /** Set when `url` is the tsx bootstrap: the TypeScript entry it imports (workerData.entry). */
  typescriptEntry?: string;
}

export const THREAD_ENTRY_DIRECTORY = new URL('./', import.meta.url);

export function resolveThreadEntry(directory: URL = THREAD_ENTRY_DIRECTORY, exists: (file: string) => boolean = existsSync): ThreadEntry {
  const compiled = new URL('triage-thread-main.js', directory);
  if (exists(fileURLToPath(compiled))) return { url: compiled };
  return { url: new URL('register-tsx.mjs', directory), typescriptEntry: new URL('triage-thread-main.ts', directory).href };
}
