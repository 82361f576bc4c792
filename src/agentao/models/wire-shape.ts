/**
 * Small readers for checking a provider's response by hand, over exactly the fields we read. A
 * zod parse of the whole body showed in the CPU of every agent step; these cost next to nothing on
 * a good body, and on a bad one say which field is wrong and what it held.
 */

/** Thrown by the readers below; `readWireShape` turns it into a problem text. */
class WireShapeProblem extends Error {}

/** Runs `read`; a field of the wrong shape comes back as `{problem}` naming it. */
export function readWireShape<T>(read: () => T): { value: T } | { problem: string } {
  try {
    return { value: read() };
  } catch (error) {
    if (error instanceof WireShapeProblem) return { problem: error.message };
    throw error;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function recordAt(value: unknown, at: string): Record<string, unknown> {
  if (isRecord(value)) return value;
  throw wrongShape(at, value, 'an object');
}

export function arrayAt(value: unknown, at: string): unknown[] {
  if (Array.isArray(value)) return value;
  throw wrongShape(at, value, 'an array');
}

export function stringAt(value: unknown, at: string, options: { nonEmpty?: boolean } = {}): string {
  if (typeof value === 'string' && (options.nonEmpty !== true || value !== '')) return value;
  throw wrongShape(at, value, options.nonEmpty === true ? 'a non-empty string' : 'a string');
}

/** Null and absent both read as undefined: compatible servers use either for "none". */
export function optionalStringAt(value: unknown, at: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  throw wrongShape(at, value, 'a string or null');
}

export function optionalNumberAt(value: unknown, at: string): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return value;
  throw wrongShape(at, value, 'a number or null');
}

export function wrongShape(at: string, value: unknown, expected: string): Error {
  return new WireShapeProblem(`${at} is ${describeValue(value)}, expected ${expected}`);
}

/** `a number (42)`, `an array`, `null`: enough to see what the server sent, never a whole body. */
function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  const shown = JSON.stringify(value) ?? String(value);
  return `${typeof value === 'number' ? 'a number' : `a ${typeof value}`} (${shown.length > 40 ? `${shown.slice(0, 40)}...` : shown})`;
}
