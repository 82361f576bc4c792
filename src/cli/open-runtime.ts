/** A triage runtime for the length of one command, closed afterwards whatever happens. */
import { loadConfig, type Config } from '../service/config.js';
import { createTriageRuntime, type RuntimeOverrides, type TriageRuntime } from '../service/triage-runtime.js';
import type { CliIo } from './cli-io.js';

export async function withCommandRuntime<T>(
  io: CliIo,
  fn: (runtime: TriageRuntime, config: Config) => Promise<T>,
  overrides: RuntimeOverrides = {},
): Promise<T> {
  const config = loadConfig(io.environment);
  const runtime = await createTriageRuntime(config, { warn: (message) => io.stderr(`${message}\n`), ...overrides });
  try {
    return await fn(runtime, config);
  } finally {
    await runtime.close();
  }
}
