import type { ChatResponse, UnifiedFinishReason } from '../chat-model.js';

/**
 * Chat Completions `finish_reason` to our unified reason, keeping the raw value for the audit trail.
 * Some OpenAI-compatible servers (Ollama, llama.cpp) answer `stop`, or nothing, even when they return
 * tool calls; the calls are what the loop acts on, so then they decide. `length` and
 * `content_filter` are kept as they are: a truncated or filtered tool call is worth knowing about.
 */
export function mapOpenAIFinishReason(
  raw: string | null | undefined,
  hasToolCalls: boolean,
): ChatResponse['finishReason'] {
  const unified = unifiedReason(raw);
  const adjusted = hasToolCalls && (unified === 'stop' || unified === 'other') ? 'tool-calls' : unified;
  return raw === null || raw === undefined ? { unified: adjusted } : { unified: adjusted, raw };
}

function unifiedReason(raw: string | null | undefined): UnifiedFinishReason {
  switch (raw) {
    case 'stop':
      return 'stop';
    case 'length':
      return 'length';
    case 'content_filter':
      return 'content-filter';
    case 'tool_calls':
    case 'function_call':
      return 'tool-calls';
    default:
      return 'other';
  }
}
