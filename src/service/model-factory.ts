import type { ChatModel } from '../agentao/index.js';
import { createAnthropicChatModel } from '../agentao/models/anthropic/index.js';
import { createOpenAIChatModel } from '../agentao/models/openai/index.js';
import { LocalChatModel } from '../triage/local-model/local-chat-model.js';
import type { IntentClassifier } from '../triage/local-model/intent-classifier.js';
import { judgeSettings, type Config } from './config.js';

export function createChatModel(config: Config, classifier: IntentClassifier): ChatModel {
  switch (config.TRIAGE_MODEL) {
    case 'openai':
      return createOpenAIChatModel({
        baseURL: config.OPENAI_BASE_URL ?? 'https://api.openai.com/v1',
        apiKey: config.OPENAI_API_KEY ?? 'not-needed',
        model: config.OPENAI_MODEL ?? '',
        timeoutMs: config.LLM_TIMEOUT_MS,
        maxRetries: config.LLM_MAX_RETRIES,
      });
    case 'anthropic':
      return createAnthropicChatModel({
        baseURL: config.ANTHROPIC_BASE_URL ?? 'https://api.anthropic.com',
        apiKey: config.ANTHROPIC_API_KEY ?? '',
        model: config.ANTHROPIC_MODEL ?? '',
        timeoutMs: config.LLM_TIMEOUT_MS,
        maxRetries: config.LLM_MAX_RETRIES,
      });
    case 'local':
      return new LocalChatModel({
        classifier,
        autoSendThreshold: config.AUTO_SEND_THRESHOLD,
        autoSendUnknownSenders: config.AUTO_SEND_UNKNOWN_SENDERS === 'on',
      });
  }
}

/**
 * The judge model (TRIAGE_JUDGE=on): its own provider, model, base URL and key, or the writer's
 * own model when the settings name the same one (allowed only with TRIAGE_JUDGE_SAME_MODEL=allow).
 */
export function createJudgeModel(config: Config, writer: ChatModel): { model: ChatModel; sameAsWriter: boolean } {
  const judge = judgeSettings(config);
  if (judge.sameAsWriter) return { model: writer, sameAsWriter: true };
  const model =
    judge.provider === 'openai'
      ? createOpenAIChatModel({ baseURL: judge.baseURL, apiKey: judge.apiKey, model: judge.model })
      : createAnthropicChatModel({ baseURL: judge.baseURL, apiKey: judge.apiKey, model: judge.model });
  return { model, sameAsWriter: false };
}
