/**
 * The triage's parts built from the settings: chat model, judge, KB, classifier and the policy
 * numbers. The main thread's runtime and every triage thread build theirs here, so a ticket sees
 * the same parts wherever it runs; only the CRM is the caller's (a thread has its own connection).
 */
import type { ChatModel } from '../agentao/index.js';
import type { CrmClient } from '../triage/crm/crm-client.js';
import { loadKnowledgeBase } from '../triage/kb/knowledge-base.js';
import { loadDefaultIntentClassifier, type IntentClassifier } from '../triage/local-model/intent-classifier.js';
import type { OpenQuestionModel } from '../triage/open-question-model.js';
import type { TriageDependencies } from '../triage/pipeline.js';
import type { Config } from './config.js';
import { createChatModel, createJudgeModel } from './model-factory.js';
import { SKILLS_DIRECTORY } from './paths.js';

export interface TriageParts {
  crm: CrmClient;
  model?: ChatModel;
  classifier?: IntentClassifier;
  /** The open-question model; the committed one when absent. */
  openQuestions?: OpenQuestionModel;
  /** Start-up warnings; the default writes to stderr. */
  warn?: (message: string) => void;
}

export interface BuiltDependencies {
  deps: TriageDependencies;
  /** Closes the chat model (a passed-in one too, as the runtime always did) and the judge. */
  close(): Promise<void>;
}

export function createTriageDependencies(config: Config, parts: TriageParts): BuiltDependencies {
  const classifier = parts.classifier ?? loadDefaultIntentClassifier();
  const model = parts.model ?? createChatModel(config, classifier, parts.openQuestions);
  const judge = config.TRIAGE_JUDGE === 'on' ? createJudgeModel(config, model) : undefined;
  if (judge?.sameAsWriter) {
    (parts.warn ?? ((message: string) => process.stderr.write(`${message}\n`)))(
      `warning: the judge is the writer's own model (${model.modelId}); it tends to pass its own replies. Set TRIAGE_JUDGE_MODEL to another model.`,
    );
  }
  const deps: TriageDependencies = {
    model,
    crm: parts.crm,
    kb: loadKnowledgeBase(),
    classifier,
    skillDirectories: [SKILLS_DIRECTORY],
    threshold: config.AUTO_SEND_THRESHOLD,
    allowedLinkHosts: config.ALLOWED_LINK_HOSTS,
    autoSendUnknownSenders: config.AUTO_SEND_UNKNOWN_SENDERS === 'on',
    modelBudgetMs: config.TRIAGE_LLM_BUDGET_MS,
    cpuBudgetMs: config.TRIAGE_CPU_BUDGET_MS,
    ...(parts.openQuestions ? { openQuestions: parts.openQuestions } : {}),
    // A second model grades the reply in a tool-less pass before any send, citing its sources.
    ...(judge ? { judge: judge.model } : {}),
  };
  return {
    deps,
    async close() {
      if (judge && !judge.sameAsWriter) await judge.model.close?.();
      await model.close?.();
    },
  };
}
