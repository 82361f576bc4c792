export {
  createAnthropicChatModel,
  DEFAULT_ANTHROPIC_API_VERSION,
  DEFAULT_ANTHROPIC_MAX_TOKENS,
  type AnthropicChatModelSettings,
} from './anthropic-chat-model.js';
export { convertToAnthropicMessages, convertToAnthropicTools } from './convert-to-anthropic-messages.js';
export { mapAnthropicStopReason } from './map-anthropic-stop-reason.js';
