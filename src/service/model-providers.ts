/**
 * The chat-model providers, written once: TRIAGE_MODEL's and TRIAGE_JUDGE_PROVIDER's accepted
 * values, the model factory's cases and the judge's fallbacks all derive from these lists.
 * `local` is the offline model; the others are LLM wire formats (a judge must be one of them).
 */
export const LLM_PROVIDERS = ['openai', 'anthropic'] as const;
export type LlmProvider = (typeof LLM_PROVIDERS)[number];

export const MODEL_PROVIDERS = ['local', ...LLM_PROVIDERS] as const;
export type ModelProvider = (typeof MODEL_PROVIDERS)[number];

export function isLlmProvider(provider: ModelProvider): provider is LlmProvider {
  return provider !== 'local';
}

/** Which settings hold each LLM provider's endpoint, key and model, and the endpoint when none is set. */
export const LLM_PROVIDER_SETTINGS = {
  openai: { baseURL: 'OPENAI_BASE_URL', apiKey: 'OPENAI_API_KEY', model: 'OPENAI_MODEL', defaultBaseURL: 'https://api.openai.com/v1' },
  anthropic: { baseURL: 'ANTHROPIC_BASE_URL', apiKey: 'ANTHROPIC_API_KEY', model: 'ANTHROPIC_MODEL', defaultBaseURL: 'https://api.anthropic.com' },
} as const satisfies Record<LlmProvider, { baseURL: string; apiKey: string; model: string; defaultBaseURL: string }>;
