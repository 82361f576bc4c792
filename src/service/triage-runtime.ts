/**
 * The composition root of one triage process: settings -> store, CRM, KB, classifier, chat model.
 * The CLI, the worker and the HTTP service all build their parts here, so they behave alike.
 */
import type { ChatModel } from '../agentao/index.js';
import type { CrmClient } from '../triage/crm/crm-client.js';
import { createHttpCrm } from '../triage/crm/http-crm.js';
import { loadDemoCrmData } from '../triage/crm/in-memory-crm.js';
import { loadKnowledgeBase } from '../triage/kb/knowledge-base.js';
import { loadDefaultIntentClassifier } from '../triage/local-model/intent-classifier.js';
import type { TriageDependencies } from '../triage/pipeline.js';
import type { Config } from './config.js';
import { createChatModel } from './model-factory.js';
import { SKILLS_DIRECTORY } from './paths.js';
import { createDatabase, type StoreHandle } from './store/database.js';
import { migrateToLatest } from './store/migrations/migrator.js';
import { seedCrm } from './store/repositories/crm-repository.js';
import { createStoreCrm } from './store/store-crm.js';

export interface TriageRuntime {
  readonly config: Config;
  readonly store: StoreHandle;
  readonly deps: TriageDependencies;
  close(): Promise<void>;
}

export interface RuntimeOverrides {
  databaseUrl?: string;
  schema?: string;
  model?: ChatModel;
  crm?: CrmClient;
}

export async function createTriageRuntime(config: Config, overrides: RuntimeOverrides = {}): Promise<TriageRuntime> {
  const store = await createDatabase(overrides.databaseUrl ?? config.DATABASE_URL, { schema: overrides.schema });
  try {
    await migrateToLatest(store.db);
    // The embedded demo CRM lives in the store; seeding is an idempotent upsert.
    if (!config.CRM_BASE_URL && !overrides.crm) await seedCrm(store.db, loadDemoCrmData());
    const classifier = loadDefaultIntentClassifier();
    const crm =
      overrides.crm ??
      (config.CRM_BASE_URL
        ? createHttpCrm({ baseUrl: config.CRM_BASE_URL, timeoutMs: config.CRM_TIMEOUT_MS })
        : createStoreCrm(store.db));
    const model = overrides.model ?? createChatModel(config, classifier);
    const deps: TriageDependencies = {
      model,
      crm,
      kb: loadKnowledgeBase(),
      classifier,
      skillDirectories: [SKILLS_DIRECTORY],
      threshold: config.AUTO_SEND_THRESHOLD,
      allowedLinkHosts: config.ALLOWED_LINK_HOSTS,
      modelBudgetMs: config.TRIAGE_LLM_BUDGET_MS,
      cpuBudgetMs: config.TRIAGE_CPU_BUDGET_MS,
      // The same LLM grades the reply in a second, tool-less pass before any send.
      ...(config.TRIAGE_JUDGE === 'on' ? { judge: model } : {}),
    };
    return {
      config,
      store,
      deps,
      async close() {
        await model.close?.();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
