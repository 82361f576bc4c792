import type { ChatModel, ChatRequest, ChatResponse } from './chat-model.js';

/**
 * A chat model created on its first request: the provider's SDK (hundreds of milliseconds of
 * module loading) is imported only by a process that calls the model, not by every process that
 * could. `load` runs at most once; a failed load is tried again on the next request.
 */
export function lazyChatModel(identity: { provider: string; modelId: string }, load: () => Promise<ChatModel>): ChatModel {
  let loading: Promise<ChatModel> | undefined;
  const model = (): Promise<ChatModel> => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
  return {
    provider: identity.provider,
    modelId: identity.modelId,
    generate: async (request: ChatRequest): Promise<ChatResponse> => (await model()).generate(request),
    close: async (): Promise<void> => {
      if (loading) await (await loading.catch(() => undefined))?.close?.();
    },
  };
}
