/**
 * One list of chat-model providers and one of helpdesks: the settings accept exactly the listed
 * names, the model factory builds every listed provider, the judge falls back to its provider's own
 * settings, and the helpdesk list is what the webhook routes and the outbox recognise.
 */
import { describe, expect, it } from 'vitest';
import { judgeSettings, loadConfig } from '../../src/service/config.js';
import { createChatModel, createJudgeModel } from '../../src/service/model-factory.js';
import { LLM_PROVIDER_SETTINGS, LLM_PROVIDERS, MODEL_PROVIDERS } from '../../src/service/model-providers.js';
import { loadDefaultIntentClassifier } from '../../src/triage/local-model/intent-classifier.js';
import { HELPDESK_PROVIDERS, isHelpdeskProvider, TICKET_SOURCES } from '../../src/triage/types.js';

/** Each LLM provider's settings filled in from the provider table (so a new provider is covered here too). */
function llmEnvironment(provider: (typeof LLM_PROVIDERS)[number], model = `${provider}-model`): Record<string, string> {
  const names = LLM_PROVIDER_SETTINGS[provider];
  return { TRIAGE_MODEL: provider, [names.model]: model, [names.apiKey]: `${provider}-key`, [names.baseURL]: `http://127.0.0.1:9/${provider}` };
}

describe('model providers', () => {
  it('TRIAGE_MODEL accepts every listed provider and nothing else, naming the variable', () => {
    expect(MODEL_PROVIDERS).toEqual(['local', ...LLM_PROVIDERS]);
    for (const provider of MODEL_PROVIDERS) {
      const environment = provider === 'local' ? { TRIAGE_MODEL: 'local' } : llmEnvironment(provider);
      expect(loadConfig(environment).TRIAGE_MODEL).toBe(provider);
    }
    expect(() => loadConfig({ TRIAGE_MODEL: 'gemini' })).toThrow(/TRIAGE_MODEL/);
    expect(() => loadConfig({ TRIAGE_JUDGE_PROVIDER: 'local' })).toThrow(/TRIAGE_JUDGE_PROVIDER/);
  });

  it('the factory builds a model for every listed provider from its own settings', () => {
    const classifier = loadDefaultIntentClassifier();
    expect(createChatModel(loadConfig({}), classifier).modelId).toBe('northwind-local-1');
    for (const provider of LLM_PROVIDERS) {
      expect(createChatModel(loadConfig(llmEnvironment(provider)), classifier).modelId).toBe(`${provider}-model`);
    }
  });

  it("the judge falls back to its provider's own endpoint and key, and to the writer's provider", () => {
    for (const provider of LLM_PROVIDERS) {
      const config = loadConfig({ ...llmEnvironment(provider), TRIAGE_JUDGE: 'on', TRIAGE_JUDGE_MODEL: 'judge-model' });
      expect(judgeSettings(config)).toEqual({
        provider,
        model: 'judge-model',
        baseURL: `http://127.0.0.1:9/${provider}`,
        apiKey: `${provider}-key`,
        sameAsWriter: false,
      });
      expect(createJudgeModel(config, createChatModel(config, loadDefaultIntentClassifier())).model.modelId).toBe('judge-model');
    }
    // The local writer has no LLM settings: the judge is OpenAI-compatible at the default endpoint.
    expect(judgeSettings(loadConfig({ TRIAGE_JUDGE: 'on', TRIAGE_JUDGE_MODEL: 'judge-model' }))).toMatchObject({
      provider: 'openai',
      baseURL: LLM_PROVIDER_SETTINGS.openai.defaultBaseURL,
      apiKey: 'not-needed',
    });
  });

  it('a judge naming the writer\'s own model and endpoint is the writer', () => {
    const config = loadConfig({ ...llmEnvironment('anthropic'), TRIAGE_JUDGE: 'on', TRIAGE_JUDGE_SAME_MODEL: 'allow' });
    expect(judgeSettings(config)).toMatchObject({ provider: 'anthropic', model: 'anthropic-model', sameAsWriter: true });
  });
});

describe('helpdesk providers', () => {
  it('a ticket source is a helpdesk, the CLI or an eval set; only helpdesks have connectors', () => {
    expect(TICKET_SOURCES).toEqual(['cli', 'eval', ...HELPDESK_PROVIDERS]);
    expect(HELPDESK_PROVIDERS.filter(isHelpdeskProvider)).toEqual([...HELPDESK_PROVIDERS]);
    expect(['cli', 'eval', 'freshdesk'].filter(isHelpdeskProvider)).toEqual([]);
  });
});
