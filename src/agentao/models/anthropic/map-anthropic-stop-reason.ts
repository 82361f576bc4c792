import type { ChatResponse, UnifiedFinishReason } from '../chat-model.js';

/** Messages API `stop_reason` to our unified reason, keeping the raw value for the audit trail. */
export function mapAnthropicStopReason(raw: string | null | undefined): ChatResponse['finishReason'] {
  const unified = unifiedReason(raw);
  return raw === null || raw === undefined ? { unified } : { unified, raw };
}

function unifiedReason(raw: string | null | undefined): UnifiedFinishReason {
  switch (raw) {
    case 'end_turn':
    case 'stop_sequence':
      return 'stop';
    case 'tool_use':
      return 'tool-calls';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'refusal':
      return 'content-filter';
    default:
      // `pause_turn` (a server tool paused a long turn) and anything newer than this mapping.
      return 'other';
  }
}
