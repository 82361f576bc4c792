/**
 * The composition root of one triage process: settings -> store, CRM, KB, classifier, chat model.
 * The CLI, the worker and the HTTP service all build their parts here, so they behave alike.
 */
import type { ChatModel } from '../agentao/index.js';
import type { CrmClient } from '../triage/crm/crm-client.js';
import { createHttpCrm } from '../triage/crm/http-crm.js';
import { loadDemoCrmData } from '../triage/crm/in-memory-crm.js';
import type { IntentClassifier } from '../triage/local-model/intent-classifier.js';
import type { OpenQuestionModel } from '../triage/open-question-model.js';
import type { TriageDependencies } from '../triage/pipeline.js';
import type { Config } from './config.js';
import { createOutboxCipher, type OutboxCipher } from './outbox/outbox-cipher.js';
import { loadOutboxKey, type OutboxKeySource } from './outbox/outbox-key.js';
import type { Logger } from './queue/logger.js';
import { createDatabase, type StoreHandle } from './store/database.js';
import { migrateToLatest } from './store/migrations/migrator.js';
import { seedCrm } from './store/repositories/crm-repository.js';
import { createStoreCrm } from './store/store-crm.js';
import { createTriageDependencies } from './triage-dependencies.js';
import { createInProcessExecutor, type TriageExecutor } from './triage-threads/triage-executor.js';
import { createTriageThreadPool } from './triage-threads/triage-thread-pool.js';

export interface TriageRuntime {
  readonly config: Config;
  readonly store: StoreHandle;
  readonly deps: TriageDependencies;
  /** Where processTicket() runs the triage: this thread, or worker threads (overrides.triageThreads). */
  readonly executor: TriageExecutor;
  /** Seals the exact text of outbox entries at rest and opens it for delivery. */
  readonly outboxCipher: OutboxCipher;
  /** Where the outbox key came from, for the start-up log (never the key itself). */
  readonly outboxKeyOrigin: { source: OutboxKeySource | 'override'; file?: string };
  close(): Promise<void>;
}

export interface RuntimeOverrides {
  databaseUrl?: string;
  schema?: string;
  model?: ChatModel;
  crm?: CrmClient;
  /** A candidate intent classifier instead of the adopted one (`triage eval --model FILE`). */
  classifier?: IntentClassifier;
  /** A candidate open-question model instead of the committed one (`triage eval --open-questions-model FILE`). */
  openQuestions?: OpenQuestionModel;
  /** The outbox key (32 bytes) instead of OUTBOX_ENCRYPTION_KEY / the key file. */
  outboxKey?: Buffer;
  /** Start-up warnings (the judge being the writer's own model); the default writes to stderr. */
  warn?: (message: string) => void;
  /**
   * Triage on this many worker threads (the worker process passes TRIAGE_THREADS); 0, the default,
   * runs it on this thread. Threads build their parts from the settings, so a runtime with a
   * model, CRM or classifier override runs in this thread whatever this says.
   */
  triageThreads?: number;
  /** Tests: a module that adjusts each thread's dependencies (TriageThreadData.dependencyHook). */
  threadDependencyHook?: string;
  /** Where the thread pool logs a thread that stopped. */
  logger?: Logger;
  /** SQLite file: WAL checkpoints on a thread of their own (long-running processes; database.ts). */
  walCheckpointThread?: boolean;
}

/** Threads rebuild their parts from the settings: objects handed to this process cannot follow them. */
export function runsOnThreads(overrides: RuntimeOverrides): boolean {
  return (overrides.triageThreads ?? 0) > 0 && !overrides.model && !overrides.crm && !overrides.classifier && !overrides.openQuestions;
}

export async function createTriageRuntime(config: Config, overrides: RuntimeOverrides = {}): Promise<TriageRuntime> {
  const databaseUrl = overrides.databaseUrl ?? config.DATABASE_URL;
  const store = await createDatabase(databaseUrl, { schema: overrides.schema, walCheckpointThread: overrides.walCheckpointThread });
  try {
    const outboxKey = overrides.outboxKey ? { key: overrides.outboxKey, source: 'override' as const } : loadOutboxKey(config, databaseUrl);
    const outboxCipher = createOutboxCipher(outboxKey.key);
    const outboxKeyOrigin = { source: outboxKey.source, ...('file' in outboxKey && outboxKey.file ? { file: outboxKey.file } : {}) };
    await migrateToLatest(store.db);
    // The embedded demo CRM lives in the store; seeding is an idempotent upsert.
    if (!config.CRM_BASE_URL && !overrides.crm) await seedCrm(store.db, loadDemoCrmData());
    const crm =
      overrides.crm ??
      (config.CRM_BASE_URL
        ? createHttpCrm({ baseUrl: config.CRM_BASE_URL, timeoutMs: config.CRM_TIMEOUT_MS })
        : createStoreCrm(store.db));
    const built = createTriageDependencies(config, {
      crm,
      ...(overrides.model ? { model: overrides.model } : {}),
      ...(overrides.classifier ? { classifier: overrides.classifier } : {}),
      ...(overrides.openQuestions ? { openQuestions: overrides.openQuestions } : {}),
      ...(overrides.warn ? { warn: overrides.warn } : {}),
    });
    const executor = runsOnThreads(overrides) ? await startThreadPool(config, databaseUrl, overrides) : createInProcessExecutor(built.deps);
    return {
      config,
      store,
      deps: built.deps,
      executor,
      outboxCipher,
      outboxKeyOrigin,
      async close() {
        await executor.close();
        await built.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

async function startThreadPool(config: Config, databaseUrl: string, overrides: RuntimeOverrides): Promise<TriageExecutor> {
  const pool = createTriageThreadPool({
    threads: overrides.triageThreads ?? 1,
    config,
    databaseUrl,
    ...(overrides.schema !== undefined ? { schema: overrides.schema } : {}),
    ...(overrides.threadDependencyHook !== undefined ? { dependencyHook: overrides.threadDependencyHook } : {}),
    ...(overrides.logger ? { logger: overrides.logger } : {}),
  });
  try {
    // A setting a thread cannot build its parts from fails the start, as it would in this thread.
    await pool.started;
  } catch (error) {
    await pool.close();
    throw error;
  }
  return pool;
}
