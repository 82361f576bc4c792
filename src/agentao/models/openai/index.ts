export { createOpenAIChatModel, DEFAULT_TIMEOUT_MS, type OpenAIChatModelSettings } from './openai-chat-model.js';
export { convertToOpenAIMessages, convertToOpenAITools } from './convert-to-openai-messages.js';
export { mapOpenAIFinishReason } from './map-openai-finish-reason.js';
