/**
 * The composition root of one triage process: settings -> store, CRM, KB, classifier, chat model.
 * The CLI, the worker and the HTTP service all build their parts here, so they behave alike.
 */
import type { ChatModel } from '../agentao/index.js';
import type { CrmClient } from '../triage/crm/crm-client.js';
import { createHttpCrm } from '../triage/crm/http-crm.js';
import { loadDemoCrmData } from '../triage/crm/in-memory-crm.js';
import { loadKnowledgeBase } from '../triage/kb/knowledge-base.js';
import { loadDefaultIntentClassifier, type IntentClassifier } from '../triage/local-model/intent-classifier.js';
import type { TriageDependencies } from '../triage/pipeline.js';
import type { Config } from './config.js';
import { createChatModel, createJudgeModel } from './model-factory.js';
import { createOutboxCipher, type OutboxCipher } from './outbox/outbox-cipher.js';
import { loadOutboxKey, type OutboxKeySource } from './outbox/outbox-key.js';
import { SKILLS_DIRECTORY } from './paths.js';
import { createDatabase, type StoreHandle } from './store/database.js';
import { migrateToLatest } from './store/migrations/migrator.js';
import { seedCrm } from './store/repositories/crm-repository.js';
import { createStoreCrm } from './store/store-crm.js';

export interface TriageRuntime {
  readonly config: Config;
  readonly store: StoreHandle;
  readonly deps: TriageDependencies;
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
  /** The outbox key (32 bytes) instead of OUTBOX_ENCRYPTION_KEY / the key file. */
  outboxKey?: Buffer;
  /** Start-up warnings (the judge being the writer's own model); the default writes to stderr. */
  warn?: (message: string) => void;
}

export async function createTriageRuntime(config: Config, overrides: RuntimeOverrides = {}): Promise<TriageRuntime> {
  const databaseUrl = overrides.databaseUrl ?? config.DATABASE_URL;
  const store = await createDatabase(databaseUrl, { schema: overrides.schema });
  try {
    const outboxKey = overrides.outboxKey ? { key: overrides.outboxKey, source: 'override' as const } : loadOutboxKey(config, databaseUrl);
    const outboxCipher = createOutboxCipher(outboxKey.key);
    const outboxKeyOrigin = { source: outboxKey.source, ...('file' in outboxKey && outboxKey.file ? { file: outboxKey.file } : {}) };
    await migrateToLatest(store.db);
    // The embedded demo CRM lives in the store; seeding is an idempotent upsert.
    if (!config.CRM_BASE_URL && !overrides.crm) await seedCrm(store.db, loadDemoCrmData());
    const classifier = overrides.classifier ?? loadDefaultIntentClassifier();
    const crm =
      overrides.crm ??
      (config.CRM_BASE_URL
        ? createHttpCrm({ baseUrl: config.CRM_BASE_URL, timeoutMs: config.CRM_TIMEOUT_MS })
        : createStoreCrm(store.db));
    const model = overrides.model ?? createChatModel(config, classifier);
    const judge = config.TRIAGE_JUDGE === 'on' ? createJudgeModel(config, model) : undefined;
    if (judge?.sameAsWriter) {
      (overrides.warn ?? ((message: string) => process.stderr.write(`${message}\n`)))(
        `warning: the judge is the writer's own model (${model.modelId}); it tends to pass its own replies. Set TRIAGE_JUDGE_MODEL to another model.`,
      );
    }
    const deps: TriageDependencies = {
      model,
      crm,
      kb: loadKnowledgeBase(),
      classifier,
      skillDirectories: [SKILLS_DIRECTORY],
      threshold: config.AUTO_SEND_THRESHOLD,
      allowedLinkHosts: config.ALLOWED_LINK_HOSTS,
      autoSendUnknownSenders: config.AUTO_SEND_UNKNOWN_SENDERS === 'on',
      modelBudgetMs: config.TRIAGE_LLM_BUDGET_MS,
      cpuBudgetMs: config.TRIAGE_CPU_BUDGET_MS,
      // A second model grades the reply in a tool-less pass before any send, citing its sources.
      ...(judge ? { judge: judge.model } : {}),
    };
    return {
      config,
      store,
      deps,
      outboxCipher,
      outboxKeyOrigin,
      async close() {
        if (judge && !judge.sameAsWriter) await judge.model.close?.();
        await model.close?.();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
