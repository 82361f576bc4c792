import { readFileSync } from 'node:fs';
import { InputError } from '../service/errors.js';

/** A file a command was pointed at; a missing one is bad input (exit 2), not a crash. */
export function readTextFile(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}
