/**
 * One triage thread: builds its own triage parts once (local model, KB, classifier, remote model
 * clients from the settings, its own CRM read connection), then runs the tickets the pool posts,
 * several at a time (a remote model's wait is not CPU). It never writes to the store: the pool's
 * thread stores what this one returns.
 */
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import type { MessagePort } from 'node:worker_threads';
import type { CrmClient } from '../../triage/crm/crm-client.js';
import { createHttpCrm } from '../../triage/crm/http-crm.js';
import { createInMemoryCrm, loadDemoCrmData } from '../../triage/crm/in-memory-crm.js';
import { loadLanguageDetector } from '../../triage/language/detect-language.js';
import { triageTicket, type TriageDependencies } from '../../triage/pipeline.js';
import { createStoreCrm } from '../store/store-crm.js';
import { createDatabase, parseDatabaseUrl } from '../store/database.js';
import { recordRun } from '../recorded-run.js';
import { createTriageDependencies } from '../triage-dependencies.js';
import { openThreadCpuClock } from './thread-cpu-time.js';
import { serializeError, type FromThread, type ToThread, type TriageThreadData } from './thread-protocol.js';

interface ThreadParts {
  deps: TriageDependencies;
  close(): Promise<void>;
}

export function serveTriageThread(port: MessagePort, data: TriageThreadData): void {
  // The main thread answers webhooks: with as many triage threads as cores, equal priority would
  // let a backlog's triage take the CPU the accepts need (TRIAGE_THREAD_NICENESS, 0 = equal).
  if (data.config.TRIAGE_THREAD_NICENESS > 0) lowerThisThreadsPriority(data.config.TRIAGE_THREAD_NICENESS);
  const runs = new Map<number, AbortController>();
  const post = (message: FromThread): void => port.postMessage(message);
  const parts = buildThreadParts(data);
  // A thread that cannot build its parts is of no use: the rejection ends it, and the pool sees why.
  void parts.then(() => post({ type: 'ready' }));

  async function run(message: Extract<ToThread, { type: 'run' }>): Promise<void> {
    const controller = new AbortController();
    runs.set(message.id, controller);
    try {
      const { deps } = await parts;
      // Scrubbed and serialised here, off the thread that stores it and answers webhooks.
      const result = recordRun(
        await triageTicket(message.ticket, deps, {
          signal: controller.signal,
          rethrowRetryableModelErrors: message.rethrowRetryableModelErrors,
        }),
      );
      try {
        post({ type: 'result', id: message.id, result });
      } catch (error) {
        // Something in the result does not survive structured clone: a bug, reported as this run's failure.
        post({ type: 'error', id: message.id, error: serializeError(error) });
      }
    } catch (error) {
      post({ type: 'error', id: message.id, error: serializeError(error) });
    } finally {
      runs.delete(message.id);
    }
  }

  async function close(): Promise<void> {
    for (const controller of runs.values()) controller.abort(new Error('the triage thread is closing'));
    const built = await parts.catch(() => undefined);
    await built?.close().catch(() => undefined);
    // Ends this thread only; open handles (a CRM pool's timers) must not keep it alive.
    process.exit(0);
  }

  port.on('message', (message: ToThread) => {
    switch (message.type) {
      case 'run':
        void run(message);
        break;
      case 'cancel':
        runs.get(message.id)?.abort(new Error(message.reason));
        break;
      case 'close':
        void close();
        break;
    }
  });
}

async function buildThreadParts(data: TriageThreadData): Promise<ThreadParts> {
  const crm = await openThreadCrm(data);
  const built = createTriageDependencies(data.config, { crm: crm.client, warn: () => undefined });
  const cpuClock = openThreadCpuClock();
  let deps: TriageDependencies = {
    ...built.deps,
    // Loaded before the first ticket (it is otherwise loaded by it): a thread is ready when it says so.
    languageDetector: built.deps.languageDetector ?? (await loadLanguageDetector()),
    // The CPU budget charges a ticket for this thread's work, not for the other threads'.
    ...(cpuClock ? { cpuTime: cpuClock.now } : {}),
  };
  if (data.dependencyHook) {
    const hook = (await import(data.dependencyHook)) as { default: (deps: TriageDependencies) => TriageDependencies | Promise<TriageDependencies> };
    deps = await hook.default(deps);
  }
  return {
    deps,
    async close() {
      await built.close();
      await crm.close();
      cpuClock?.close();
    },
  };
}

/**
 * The CRM as the main thread's runtime has it: the HTTP CRM when CRM_BASE_URL is set, else the
 * demo CRM in the store, read through this thread's own connection. An in-memory database belongs
 * to the main thread's connection alone; the thread then reads the same demo data from its files.
 */
async function openThreadCrm(data: TriageThreadData): Promise<{ client: CrmClient; close(): Promise<void> }> {
  const { config } = data;
  if (config.CRM_BASE_URL) {
    return { client: createHttpCrm({ baseUrl: config.CRM_BASE_URL, timeoutMs: config.CRM_TIMEOUT_MS }), close: async () => undefined };
  }
  const location = parseDatabaseUrl(data.databaseUrl);
  if (location.dialect === 'sqlite' && location.filename === ':memory:') {
    return { client: createInMemoryCrm(loadDemoCrmData()), close: async () => undefined };
  }
  const store = await createDatabase(data.databaseUrl, { schema: data.schema });
  return { client: createStoreCrm(store.db), close: () => store.close() };
}

/**
 * Linux applies setpriority() to a single thread when given its thread id (`/proc/thread-self`
 * names it). Elsewhere, or when refused, the thread keeps the process's priority.
 */
function lowerThisThreadsPriority(niceness: number): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(threadId) && threadId > 0) setPriority(threadId, Math.max(getPriority(threadId), niceness));
  } catch {
    // Not Linux, or not permitted: the thread runs at the process's priority.
  }
}
