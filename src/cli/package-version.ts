import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PROJECT_ROOT } from '../service/paths.js';

/** `triage --version`: the version in package.json, read from the project root (the same from src/ and dist/). */
export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'package.json'), 'utf8')) as { version?: string };
  return manifest.version ?? '0.0.0';
}
