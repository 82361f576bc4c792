/**
 * Small predicates that end an agent loop, in the manner of the AI SDK's stop conditions. The
 * agent checks them after every turn.
 */
import { canonicalJson } from './canonical-json.js';

/** What a tool call looks like to the loop checks: its name and (parsed or raw) arguments. */
export interface ToolCallSignature {
  toolName: string;
  args: unknown;
}

export interface StopConditionState {
  /** Model calls made so far in this chat. */
  iterations: number;
  /** Tool calls of this chat, oldest first. */
  toolCalls: readonly ToolCallSignature[];
}

export type StopCondition = (state: StopConditionState) => boolean;

/** Stops once `count` model calls were made. */
export function stepCountIs(count: number): StopCondition {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`stepCountIs needs a positive integer, got ${count}`);
  return (state) => state.iterations >= count;
}

/**
 * True when the last `threshold` tool calls are the same tool with the same canonical arguments
 * (key order does not matter): the model is repeating itself and more turns will not help.
 */
export function isDoomLoop(history: readonly ToolCallSignature[], threshold = 3): boolean {
  if (!Number.isInteger(threshold) || threshold < 2) throw new RangeError(`isDoomLoop needs a threshold of at least 2, got ${threshold}`);
  if (history.length < threshold) return false;
  const recent = history.slice(-threshold);
  const first = signature(recent[0]!);
  return recent.every((call) => signature(call) === first);
}

/** The stop condition form of `isDoomLoop`. */
export function doomLoopDetected(threshold = 3): StopCondition {
  return (state) => isDoomLoop(state.toolCalls, threshold);
}

function signature(call: ToolCallSignature): string {
  return `${call.toolName}\u0000${canonicalJson(call.args)}`;
}
