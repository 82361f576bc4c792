import type { ChatModel } from '../agentao/index.js';
import { lazyChatModel } from '../agentao/models/lazy-chat-model.js';
import { LocalChatModel } from '../triage/local-model/local-chat-model.js';
import type { IntentClassifier } from '../triage/local-model/intent-classifier.js';
import { judgeSettings, llmSettings, type Config } from './config.js';
import type { LlmProvider } from './model-providers.js';

interface LlmChatModelSettings {
  baseURL: string;
  apiKey: string;
  model: string;
  timeoutMs?: number;
  maxRetries?: number;
}

/**
 * One factory per LLM provider of MODEL_PROVIDERS (a provider without one does not compile). The
 * SDKs are imported on a model's first request, so the offline default never loads them.
 */
const LLM_CHAT_MODELS: Readonly<Record<LlmProvider, (settings: LlmChatModelSettings) => Promise<ChatModel>>> = {
  openai: async (settings) => (await import('../agentao/models/openai/index.js')).createOpenAIChatModel(settings),
  anthropic: async (settings) => (await import('../agentao/models/anthropic/index.js')).createAnthropicChatModel(settings),
};

function createLlmChatModel(provider: LlmProvider, settings: LlmChatModelSettings): ChatModel {
  return lazyChatModel({ provider, modelId: settings.model }, () => LLM_CHAT_MODELS[provider](settings));
}

export function createChatModel(config: Config, classifier: IntentClassifier): ChatModel {
  if (config.TRIAGE_MODEL === 'local') {
    return new LocalChatModel({
      classifier,
      autoSendThreshold: config.AUTO_SEND_THRESHOLD,
      autoSendUnknownSenders: config.AUTO_SEND_UNKNOWN_SENDERS === 'on',
    });
  }
  const { baseURL, apiKey, model } = llmSettings(config, config.TRIAGE_MODEL);
  return createLlmChatModel(config.TRIAGE_MODEL, {
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
  return { model: createLlmChatModel(judge.provider, { baseURL: judge.baseURL, apiKey: judge.apiKey, model: judge.model }), sameAsWriter: false };
}
