/**
 * vi.waitFor gives up after 1 s by default: on a shared, busy CI box a correct test can fail that way.
 * Every call without its own timeout waits up to 20 s (polling stays at 50 ms, so a passing test is
 * no slower); the conditions they wait for are still asserted, only the patience changes.
 */
import { vi } from 'vitest';

const DEFAULT_TIMEOUT_MS = 20_000;
const original = vi.waitFor.bind(vi);

type WaitForOptions = Parameters<typeof vi.waitFor>[1];

vi.waitFor = ((callback: Parameters<typeof vi.waitFor>[0], options?: WaitForOptions) => {
  const given = typeof options === 'number' ? { timeout: options } : (options ?? {});
  return original(callback, { interval: 50, ...given, timeout: given.timeout ?? DEFAULT_TIMEOUT_MS });
}) as typeof vi.waitFor;
