/**
 * One line per audit event for the timeline, so a reviewer can read a run top to bottom without
 * opening the JSON: which tool, what the permission engine decided and why, how the run stopped.
 * Pure (no DOM) so it is unit-tested under Node.
 */
import { formatDuration, truncate } from './format.js';

const MAX_SUMMARY = 220;

/** @param {unknown} value */
function record(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? /** @type {Record<string, any>} */ (value) : {};
}

/** `query: "Please cancel…"` from a tool's arguments, shortened. */
function describeArguments(args) {
  const entries = Object.entries(record(args));
  if (entries.length === 0) return '';
  return entries
    .map(([name, value]) => `${name}: ${truncate(JSON.stringify(value) ?? String(value), 60)}`)
    .join(', ');
}

/** The authenticated reviewer, with the name typed in when the shared token was used. */
function reviewerName(data) {
  const name = data.reviewer ?? 'reviewer';
  return data.declaredName ? `${name} (${data.declaredName})` : name;
}

function joinParts(...parts) {
  return parts.filter((part) => part !== undefined && part !== null && part !== '').join(' · ');
}

const summarizers = {
  'skill-activation': (data) => `skill ${data.name ?? '?'} activated`,
  'agent-start': (data) =>
    joinParts(`model ${data.provider ?? '?'}/${data.modelId ?? '?'}`, Array.isArray(data.tools) ? `${data.tools.length} tools` : '', Array.isArray(data.skills) && data.skills.length > 0 ? `skills ${data.skills.join(', ')}` : ''),
  'agent-end': (data) =>
    joinParts(`stop: ${data.stopReason ?? '?'}`, data.iterations === undefined ? '' : `${data.iterations} iterations`, formatDuration(data.durationMs)),
  'turn-start': (data) => `turn ${data.turn ?? '?'}`,
  'turn-end': (data) => `turn ${data.turn ?? '?'}: ${data.toolCalls ?? 0} tool call${data.toolCalls === 1 ? '' : 's'}`,
  'model-call-start': (data) => `turn ${data.turn ?? '?'} · ${data.messages ?? '?'} messages`,
  'model-call-end': (data) => {
    const calls = Array.isArray(data.toolCalls) ? data.toolCalls.map((call) => record(call).name).filter(Boolean) : [];
    const finish = record(data.finishReason).unified ?? data.finishReason;
    return joinParts(
      `finish: ${typeof finish === 'string' ? finish : '?'}`,
      calls.length > 0 ? `calls ${calls.join(', ')}` : '',
      calls.length === 0 && typeof data.content === 'string' && data.content ? `“${truncate(data.content, 80)}”` : '',
      formatDuration(data.durationMs),
    );
  },
  'tool-call-start': (data) => `${data.toolName ?? '?'}(${describeArguments(data.args)})`,
  'permission-decision': (data) => {
    // An `ask` is settled by the confirmer; show both when they differ, since that is the interesting case.
    const verdict = data.decision === data.outcome || data.outcome === undefined ? data.decision : `${data.decision} → ${data.outcome}`;
    return joinParts(`${data.toolName ?? '?'}: ${verdict ?? '?'}`, data.source ? `by ${data.source}` : '', data.reason);
  },
  'tool-call-end': (data) => joinParts(`${data.toolName ?? '?'}: ${data.status ?? '?'}`, data.error, formatDuration(data.durationMs)),
  error: (data) => joinParts(`${data.phase ?? 'error'}: ${data.message ?? ''}`, data.name),
  'review-approved': (data) => joinParts(`approved by ${reviewerName(data)}`, data.edited ? 'text edited' : 'text unchanged', data.tookOverFrom ? `taken over from ${data.tookOverFrom}` : ''),
  'review-rejected': (data) => joinParts(`rejected by ${reviewerName(data)}`, data.reason ? `reason: ${data.reason}` : '', data.tookOverFrom ? `taken over from ${data.tookOverFrom}` : ''),
  'review-claimed': (data) => joinParts(`claimed by ${reviewerName(data)}`, data.tookOverFrom ? `taken over from ${data.tookOverFrom}` : ''),
  'review-released': (data) => `released by ${reviewerName(data)}`,
  'triage-failed': (data) => joinParts(`triage failed after ${data.attempts ?? '?'} attempt(s)`, data.reason),
};

/**
 * @param {{type: string, data?: unknown}} event
 * @returns {string}
 */
export function summarizeEvent(event) {
  const data = record(event?.data);
  const summarize = summarizers[event?.type];
  const text = summarize ? summarize(data) : describeArguments(Object.fromEntries(Object.entries(data).filter(([name]) => name !== 'agentId')));
  return truncate(text.replace(/\s+/g, ' ').trim(), MAX_SUMMARY);
}

/**
 * What the timeline should draw attention to: a denial, a failure, a human decision, or nothing.
 * @returns {'deny' | 'error' | 'review' | 'normal'}
 */
export function eventTone(event) {
  const data = record(event?.data);
  if (event?.type === 'permission-decision' && (data.outcome ?? data.decision) === 'deny') return 'deny';
  if (event?.type === 'error' || event?.type === 'triage-failed') return 'error';
  if (event?.type === 'tool-call-end' && data.status !== 'ok') return 'error';
  if (event?.type === 'agent-end' && data.stopReason !== 'answer') return 'error';
  if (typeof event?.type === 'string' && event.type.startsWith('review-')) return 'review';
  return 'normal';
}
