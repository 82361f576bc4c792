/** A triage runtime for the length of one command, closed afterwards whatever happens. */
import { loadConfig, type Config } from '../service/config.js';
import { createTriageRuntime, type RuntimeOverrides, type TriageRuntime } from '../service/triage-runtime.js';

export async function withCommandRuntime<T>(
  environment: NodeJS.ProcessEnv,
  fn: (runtime: TriageRuntime, config: Config) => Promise<T>,
  overrides: RuntimeOverrides = {},
): Promise<T> {
  const config = loadConfig(environment);
  const runtime = await createTriageRuntime(config, overrides);
  try {
    return await fn(runtime, config);
  } finally {
    await runtime.close();
  }
}
