import type { ChatModel } from '../agentao/index.js';
import { createAnthropicChatModel } from '../agentao/models/anthropic/index.js';
import { createOpenAIChatModel } from '../agentao/models/openai/index.js';
import { LocalChatModel } from '../triage/local-model/local-chat-model.js';
import type { IntentClassifier } from '../triage/local-model/intent-classifier.js';
import type { OpenQuestionModel } from '../triage/open-question-model.js';
import { judgeSettings, llmSettings, type Config } from './config.js';
import type { LlmProvider } from './model-providers.js';

interface LlmChatModelSettings {
  baseURL: string;
  apiKey: string;
  model: string;
  timeoutMs?: number;
  maxRetries?: number;
}

/** One factory per LLM provider of MODEL_PROVIDERS (a provider without one does not compile). */
const LLM_CHAT_MODELS: Readonly<Record<LlmProvider, (settings: LlmChatModelSettings) => ChatModel>> = {
  openai: createOpenAIChatModel,
  anthropic: createAnthropicChatModel,
};

export function createChatModel(config: Config, classifier: IntentClassifier, openQuestions?: OpenQuestionModel): ChatModel {
  if (config.TRIAGE_MODEL === 'local') {
    return new LocalChatModel({
      classifier,
      ...(openQuestions ? { openQuestions } : {}),
      autoSendThreshold: config.AUTO_SEND_THRESHOLD,
      autoSendUnknownSenders: config.AUTO_SEND_UNKNOWN_SENDERS === 'on',
    });
  }
  const { baseURL, apiKey, model } = llmSettings(config, config.TRIAGE_MODEL);
  return LLM_CHAT_MODELS[config.TRIAGE_MODEL]({
    baseURL,
    apiKey,
    model: model ?? '',
    timeoutMs: config.LLM_TIMEOUT_MS,
    maxRetries: config.LLM_MAX_RETRIES,
  });
}

/**
 * The judge model (TRIAGE_JUDGE=on): its own provider, model, base URL and key, or the writer's
 * own model when the settings name the same one (allowed only with TRIAGE_JUDGE_SAME_MODEL=allow).
 */
export function createJudgeModel(config: Config, writer: ChatModel): { model: ChatModel; sameAsWriter: boolean } {
  const judge = judgeSettings(config);
  if (judge.sameAsWriter) return { model: writer, sameAsWriter: true };
  return { model: LLM_CHAT_MODELS[judge.provider]({ baseURL: judge.baseURL, apiKey: judge.apiKey, model: judge.model }), sameAsWriter: false };
}
