/** The port `triage serve` listens on: `--port` when given, else the PORT setting. */
import { InputError } from '../errors.js';

/** 0 asks the system for a free port (tests use it); anything else must be a real TCP port. */
export function parsePort(value: string | number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InputError(`--port must be a whole number from 0 to 65535, got "${value}"`);
  return port;
}
