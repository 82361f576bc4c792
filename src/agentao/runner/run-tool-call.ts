/**
 * One tool call, from the model's raw request to the tool message the model reads next:
 * parse -> look up -> validate -> permission (-> confirmation) -> execute. Every mistake of the
 * model and every denial becomes a tool result the model can react to; nothing here throws.
 */
import type { z } from 'zod';
import { createEvent, type AgentEvent, type PermissionAction, type ToolCallStatus } from '../events.js';
import type { ChatMessage, ModelToolCall } from '../models/chat-model.js';
import {
  type DenialDetails,
  isPermissionDecision,
  permissionDecisionSource,
  type PermissionEngine,
  type PermissionRequest,
} from '../permission-engine.js';
import type { Tool } from '../tool.js';
import type { ToolRegistry } from '../tool-registry.js';
import { hashToolArgs, type Transport } from '../transport.js';
import { raceAbort } from './abort.js';
import { errorMessage, toJsonValue, toolResultForms } from './json-value.js';

/** What happened to one tool call. */
export interface ToolCallRecord {
  callId: string;
  toolName: string;
  /** The validated arguments; the parsed JSON when validation failed; the raw text when it was not JSON. */
  args: unknown;
  status: ToolCallStatus;
  /**
   * What the permission engine decided. A call rejected before the permission check (bad JSON,
   * unknown tool, invalid arguments) or cancelled before it records `deny`: it never ran.
   */
  permission: PermissionAction;
  /** Whether the call was finally allowed to run (after any confirmation). */
  outcome: 'allow' | 'deny';
  result?: unknown;
  error?: string;
}

export interface ToolCallContext {
  agentId: string;
  tools: ToolRegistry;
  permissionEngine: PermissionEngine;
  transport: Transport;
  emit(event: AgentEvent): void;
  /** Aborted by the chat's signal and by close(). */
  signal: AbortSignal;
}

export interface ToolCallOutcome {
  record: ToolCallRecord;
  message: Extract<ChatMessage, { role: 'tool' }>;
}

type PermissionOutcome = {
  action: PermissionAction;
  outcome: 'allow' | 'deny';
  reason: string;
  source: 'rule' | 'mode' | 'decide' | 'confirm';
  /** A denial's structured details, passed on to the tool message. */
  details?: DenialDetails;
};

const CANCELLED_TEXT = 'Cancelled: the run was aborted before this tool call finished.';

export async function runToolCall(call: ModelToolCall, context: ToolCallContext): Promise<ToolCallOutcome> {
  const { agentId } = context;
  const callId = call.id;
  const toolName = call.name;
  const startedAt = performance.now();
  const parsed = parseArguments(call.arguments);
  let args: unknown = parsed.ok ? parsed.value : call.arguments;
  let permission: PermissionAction = 'deny';
  let outcome: 'allow' | 'deny' = 'deny';

  context.emit(createEvent('tool-call-start', { agentId, callId, toolName, args: toJsonValue(args) }));

  const finish = (
    status: ToolCallStatus,
    content: string,
    detail: { result?: unknown; error?: string } = {},
    denialDetails?: DenialDetails,
    resultJson?: unknown,
  ): ToolCallOutcome => {
    const durationMs = performance.now() - startedAt;
    context.emit(
      createEvent('tool-call-end', {
        agentId,
        callId,
        toolName,
        status,
        durationMs,
        ...('result' in detail ? { result: resultJson === undefined ? toJsonValue(detail.result) : resultJson } : {}),
        ...(detail.error !== undefined ? { error: detail.error } : {}),
      }),
    );
    const record: ToolCallRecord = { callId, toolName, args, status, permission, outcome, ...detail };
    const message: ToolCallOutcome['message'] = { role: 'tool', toolCallId: callId, toolName, content };
    if (status !== 'ok') message.isError = true;
    if (denialDetails) message.details = denialDetails;
    return { record, message };
  };
  const fail = (error: string): ToolCallOutcome => finish('error', `Error: ${error}`, { error });
  const cancel = (): ToolCallOutcome => finish('cancelled', CANCELLED_TEXT, { error: 'cancelled' });

  if (context.signal.aborted) return cancel();
  if (!parsed.ok) {
    return fail(`the arguments of tool "${toolName}" are not valid JSON (${parsed.error}); send a JSON object.`);
  }
  const tool = context.tools.get(toolName);
  if (!tool) {
    const available = context.tools.names().join(', ') || '(none)';
    return fail(`unknown tool "${toolName}". Available tools: ${available}.`);
  }

  let validation: z.ZodSafeParseResult<unknown>;
  try {
    validation = await tool.parameters.safeParseAsync(parsed.value);
  } catch (error) {
    return fail(`the arguments of tool "${toolName}" could not be checked: ${errorMessage(error)}`);
  }
  if (!validation.success) {
    return fail(`invalid arguments for tool "${toolName}": ${formatIssues(validation.error.issues)}. The tool was not run.`);
  }
  args = validation.data;

  let decided: PermissionOutcome;
  try {
    decided = await decidePermission(tool, args, callId, context);
  } catch {
    // Only an abort reaches here: decidePermission turns every other failure into a denial.
    return cancel();
  }
  permission = decided.action;
  outcome = decided.outcome;
  context.emit(
    createEvent('permission-decision', {
      agentId,
      callId,
      toolName,
      args: toJsonValue(args),
      decision: decided.action,
      outcome: decided.outcome,
      reason: decided.reason,
      source: decided.source,
    }),
  );
  if (decided.outcome === 'deny') {
    const text = `Permission denied: ${decided.reason}`;
    return finish('denied', text, { error: text }, decided.details);
  }

  try {
    const validArgs = args;
    const result = await raceAbort(
      () => tool.execute(validArgs, { signal: context.signal, callId, agentId }),
      context.signal,
    );
    const { text, json } = toolResultForms(result);
    return finish('ok', text, { result }, undefined, json);
  } catch (error) {
    if (context.signal.aborted) return cancel();
    return fail(`tool "${toolName}" failed: ${errorMessage(error)}`);
  }
}

/** The engine's decision, then the confirmer's answer for an `ask`. Throws only when aborted. */
async function decidePermission(tool: Tool, args: unknown, callId: string, context: ToolCallContext): Promise<PermissionOutcome> {
  const { agentId, signal } = context;
  const request: PermissionRequest = { toolName: tool.name, args, tool, callId, agentId };
  let decision: unknown;
  try {
    decision = await raceAbort(() => context.permissionEngine.decide(tool.name, args, request), signal);
  } catch (error) {
    if (signal.aborted) throw error;
    // Fail closed: a broken policy must never let a call through.
    return { action: 'deny', outcome: 'deny', reason: `the permission engine failed: ${errorMessage(error)}`, source: 'decide' };
  }
  if (!isPermissionDecision(decision)) {
    return { action: 'deny', outcome: 'deny', reason: 'the permission engine returned an invalid decision', source: 'decide' };
  }
  const source = permissionDecisionSource(decision);
  if (decision.action === 'deny') {
    return { action: 'deny', outcome: 'deny', reason: decision.reason, source, ...denialDetailsOf(decision) };
  }
  if (decision.action === 'allow') {
    return { action: 'allow', outcome: 'allow', reason: decision.reason, source };
  }

  const confirm = context.transport.confirmTool?.bind(context.transport);
  if (!confirm) {
    return {
      action: 'ask',
      outcome: 'deny',
      reason: `${decision.reason}; no confirmer is attached and a headless run never approves on its own`,
      source: 'confirm',
    };
  }
  let approved: unknown;
  try {
    const argsHash = hashToolArgs(args);
    approved = await raceAbort(
      () => confirm({ agentId, callId, toolName: tool.name, args: toJsonValue(args), argsHash, reason: decision.reason }),
      signal,
    );
  } catch (error) {
    if (signal.aborted) throw error;
    return { action: 'ask', outcome: 'deny', reason: `${decision.reason}; the confirmer failed: ${errorMessage(error)}`, source: 'confirm' };
  }
  return approved === true
    ? { action: 'ask', outcome: 'allow', reason: `${decision.reason}; approved by the confirmer`, source: 'confirm' }
    : { action: 'ask', outcome: 'deny', reason: `${decision.reason}; declined by the confirmer`, source: 'confirm' };
}

// Overrides may return anything at run time: only a plain object is passed on as details.
function denialDetailsOf(decision: { details?: unknown }): { details?: DenialDetails } {
  return isDetailsObject(decision.details) ? { details: decision.details } : {};
}

function isDetailsObject(value: unknown): value is DenialDetails {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function parseArguments(text: unknown): { ok: true; value: unknown } | { ok: false; error: string } {
  // Several providers send an empty string (or nothing) for a call without arguments.
  if (text === undefined || text === null || (typeof text === 'string' && text.trim() === '')) return { ok: true, value: {} };
  if (typeof text !== 'string') return { ok: true, value: text };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
}

function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(arguments)';
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}
