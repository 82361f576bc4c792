import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the repository's own files live, independent of the current directory. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SKILLS_DIRECTORY = resolve(PROJECT_ROOT, 'skills');
