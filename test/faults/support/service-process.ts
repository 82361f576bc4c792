/**
 * The real service as an operator runs it: `node bin/triage.js serve --port 0` (or `worker`) in a
 * child process, with its settings in the environment. Reports the address it listens on, keeps
 * its stderr for a failing test's message, and tells whether it is still alive.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { TEST_OUTBOX_KEY } from '../../service/support/test-outbox-key.js';

export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const REVIEWER_TOKEN = 'fault-suite-reviewer-token-0123456789';
export const WEBHOOK_SECRET = 'fault-suite-webhook-secret';

export interface ServiceProcess {
  readonly child: ChildProcessWithoutNullStreams;
  /** http://127.0.0.1:PORT once listening (serve only). */
  readonly address: Promise<string>;
  /** Resolves once the queue workers take jobs (serve and worker). */
  readonly ready: Promise<void>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  alive(): boolean;
  stderr(): string;
  /** Lines of pino JSON the process logged at warn level or above. */
  problems(): { level: number; msg: string; error?: string }[];
}

export interface SpawnServiceOptions {
  command?: 'serve' | 'worker';
  environment: Record<string, string>;
  /** Default: node bin/triage.js. */
  argv?: string[];
}

export function spawnService(options: SpawnServiceOptions): ServiceProcess {
  const command = options.command ?? 'serve';
  const argv = options.argv ?? [process.execPath, 'bin/triage.js', command, ...(command === 'serve' ? ['--port', '0'] : [])];
  const child = spawn(argv[0]!, argv.slice(1), {
    cwd: PROJECT_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      LOG_LEVEL: 'info',
      REVIEWER_TOKEN,
      GENERIC_WEBHOOK_SECRET: WEBHOOK_SECRET,
      RATE_LIMIT_PER_MINUTE: '0',
      // Every process of a PostgreSQL deployment shares one outbox key (SQLite ignores it here).
      OUTBOX_ENCRYPTION_KEY: TEST_OUTBOX_KEY,
      ...options.environment,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  let pending = '';
  const problems: { level: number; msg: string; error?: string }[] = [];
  let resolveAddress!: (address: string) => void;
  let rejectAddress!: (error: Error) => void;
  const address = new Promise<string>((resolve, reject) => {
    resolveAddress = resolve;
    rejectAddress = reject;
  });
  // Only the first listening line counts; unhandled if nobody asks (a worker never listens).
  address.catch(() => undefined);
  let resolveReady!: () => void;
  let rejectReady!: (error: Error) => void;
  const ready = new Promise<void>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  ready.catch(() => undefined);
  child.stderr.on('data', (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    stderr = (stderr + text).slice(-200_000);
    pending += text;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.startsWith('{')) continue;
      try {
        const entry = JSON.parse(line) as { level: number; msg: string; error?: string; address?: string };
        if (entry.msg === 'triage service listening' && entry.address) resolveAddress(entry.address);
        if (entry.msg === 'triage worker ready') resolveReady();
        if (entry.level >= 40) problems.push({ level: entry.level, msg: entry.msg, ...(entry.error ? { error: entry.error } : {}) });
      } catch {
        // Not a log line.
      }
    }
  });
  child.stdout.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      rejectAddress(new Error(`the service exited (${code ?? signal}) before listening:\n${stderr.slice(-4000)}`));
      rejectReady(new Error(`the service exited (${code ?? signal}) before it was ready:\n${stderr.slice(-4000)}`));
      resolve({ code, signal });
    });
  });
  return {
    child,
    address,
    ready,
    exited,
    alive: () => child.exitCode === null && child.signalCode === null,
    stderr: () => stderr,
    problems: () => problems,
  };
}

/** A generic webhook body and its signature, as the helpdesk would send them. */
export function signedGenericWebhook(id: string, body: string, email = 'ada@example.com'): { body: string; headers: Record<string, string> } {
  const payload = JSON.stringify({ id, customer_email: email, subject: 'Help', body });
  return {
    body: payload,
    headers: {
      'content-type': 'application/json',
      'x-signature': `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(payload).digest('hex')}`,
    },
  };
}

/** POSTs a generic webhook; the status, or 0 when the request itself failed (refused, timed out). */
export async function postGenericWebhook(address: string, id: string, body: string, timeoutMs = 10_000): Promise<number> {
  const request = signedGenericWebhook(id, body);
  try {
    const response = await fetch(`${address}/webhooks/generic`, {
      method: 'POST',
      body: request.body,
      headers: request.headers,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

export async function healthStatus(address: string, timeoutMs = 10_000): Promise<{ status: number; failing: string[] }> {
  try {
    const response = await fetch(`${address}/healthz`, { signal: AbortSignal.timeout(timeoutMs) });
    const body = (await response.json()) as { failing?: string[] };
    return { status: response.status, failing: body.failing ?? [] };
  } catch {
    return { status: 0, failing: ['unreachable'] };
  }
}
