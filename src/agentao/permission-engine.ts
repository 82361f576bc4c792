/**
 * Decides whether one tool call may run. The agent asks the engine about EVERY call through
 * `decide()`, so a subclass that overrides `decide()` is always honoured (the Python original's
 * example overrode a method its runtime no longer called, and a low-confidence send went out).
 */
import type { PermissionAction } from './events.js';
import type { Tool } from './tool.js';

export type { PermissionAction } from './events.js';

export type PermissionMode = 'read-only' | 'workspace-write' | 'full-access';

export type PermissionDecision =
  | { action: 'allow'; reason: string }
  | { action: 'deny'; reason: string; details?: DenialDetails }
  | { action: 'ask'; reason: string };

/**
 * What a denial says beyond its text, for a model that runs in this process (the local model):
 * the runner puts it on the tool message as `details`. Provider converters send only the text,
 * so nothing here reaches a remote model; a policy that must stay unnamed stays out of both.
 */
export type DenialDetails = Readonly<Record<string, unknown>>;

export interface PermissionRule {
  /** Tool name pattern. A string is a regular expression that must match the whole name; a RegExp is used as given. */
  tool: string | RegExp;
  /**
   * Top-level argument patterns, all of which must match. A string is a regular expression that
   * must match the whole of `String(value)` (a RegExp is used as given); a missing argument never matches.
   */
  args?: Record<string, string | RegExp>;
  action: PermissionAction;
  reason?: string;
}

export interface PermissionRequest {
  toolName: string;
  args: unknown;
  /** The registered tool, or undefined when the name is unknown. */
  tool: Tool | undefined;
  callId: string;
  agentId: string;
}

export interface PermissionEngineOptions {
  mode?: PermissionMode;
  rules?: PermissionRule[];
}

/** Which step of the engine produced a decision, for the audit trail. */
export type PermissionDecisionSource = 'rule' | 'mode' | 'decide';

const PERMISSION_MODES: readonly PermissionMode[] = ['read-only', 'workspace-write', 'full-access'];
const PERMISSION_ACTIONS: readonly PermissionAction[] = ['allow', 'deny', 'ask'];

// Decisions made by the base steps are tagged so the audit can tell a rule or the mode default from
// a subclass's own verdict; a decision object the base did not produce is the subclass's.
const decisionSources = new WeakMap<object, Exclude<PermissionDecisionSource, 'decide'>>();

/** Which step made `decision`: `rule`, `mode`, or `decide` for anything an override returned itself. */
export function permissionDecisionSource(decision: PermissionDecision): PermissionDecisionSource {
  return decisionSources.get(decision) ?? 'decide';
}

/** True when `value` is a well-formed decision (overrides may return anything at run time). */
export function isPermissionDecision(value: unknown): value is PermissionDecision {
  if (value === null || typeof value !== 'object') return false;
  const { action, reason } = value as { action?: unknown; reason?: unknown };
  return PERMISSION_ACTIONS.includes(action as PermissionAction) && typeof reason === 'string';
}

/**
 * The permission engine.
 *
 * Order of the default `decide()`:
 * 1. `rules`, in order: the first rule whose tool pattern and argument patterns all match decides.
 * 2. The mode default:
 *    - `read-only`: allow tools declared `isReadOnly`, deny all others;
 *    - `workspace-write`: allow, but `ask` for tools declared `requiresConfirmation`;
 *    - `full-access`: allow everything.
 *    In `read-only` and `workspace-write`, a tool declared `requiresConfirmation` is asked about
 *    even when it is read-only, and a tool the engine cannot see (no `request.tool`) is treated as
 *    one that writes and requires confirmation.
 *
 * A subclass overrides `decide()` (sync or async) and may call `super.decide()` for the default.
 * The agent calls `decide()` for every tool call after the arguments validated; an `ask` goes to
 * the transport's confirmer and is a denial when there is none or it fails.
 */
export class PermissionEngine {
  mode: PermissionMode;
  rules: PermissionRule[];
  readonly #compiled = new Map<string, RegExp>();

  constructor(options: PermissionEngineOptions = {}) {
    const mode = options.mode ?? 'read-only';
    if (!PERMISSION_MODES.includes(mode)) {
      throw new TypeError(`Unknown permission mode "${String(mode)}"; use one of ${PERMISSION_MODES.join(', ')}.`);
    }
    this.mode = mode;
    this.rules = [...(options.rules ?? [])];
    // Compile now so a bad pattern fails at construction, not at the first tool call.
    this.rules.forEach((rule, index) => this.#validateRule(rule, index));
  }

  decide(toolName: string, args: unknown, request?: PermissionRequest): PermissionDecision | Promise<PermissionDecision> {
    const byRule = this.decideByRules(toolName, args, request);
    if (byRule) return tagged(byRule, 'rule');
    return tagged(this.decideByMode(toolName, args, request), 'mode');
  }

  /** The first matching rule's decision, or undefined when no rule matches. */
  protected decideByRules(toolName: string, args: unknown, _request?: PermissionRequest): PermissionDecision | undefined {
    for (const [index, rule] of this.rules.entries()) {
      if (!this.#ruleMatches(rule, toolName, args)) continue;
      const reason = rule.reason ?? `rule ${index + 1} (${describePattern(rule.tool)}) says ${rule.action}`;
      return { action: rule.action, reason };
    }
    return undefined;
  }

  /** The default of the current mode for this tool. */
  protected decideByMode(toolName: string, _args: unknown, request?: PermissionRequest): PermissionDecision {
    const tool = request?.tool;
    if (this.mode === 'full-access') {
      return { action: 'allow', reason: `mode full-access allows every tool` };
    }
    if (!tool || tool.requiresConfirmation) {
      const why = tool ? 'requires confirmation' : 'is not known to the engine';
      return { action: 'ask', reason: `tool "${toolName}" ${why} (mode ${this.mode})` };
    }
    if (this.mode === 'workspace-write') {
      return { action: 'allow', reason: 'mode workspace-write allows tools without confirmation' };
    }
    if (tool.isReadOnly) {
      return { action: 'allow', reason: `tool "${toolName}" is read-only (mode read-only)` };
    }
    return { action: 'deny', reason: `tool "${toolName}" is not read-only and the mode is read-only` };
  }

  #ruleMatches(rule: PermissionRule, toolName: string, args: unknown): boolean {
    if (!this.#pattern(rule.tool).test(toolName)) return false;
    if (!rule.args) return true;
    const entries = Object.entries(rule.args);
    if (entries.length === 0) return true;
    if (args === null || typeof args !== 'object' || Array.isArray(args)) return false;
    const record = args as Record<string, unknown>;
    return entries.every(([name, pattern]) => {
      if (!Object.hasOwn(record, name) || record[name] === undefined) return false;
      return this.#pattern(pattern).test(String(record[name]));
    });
  }

  #pattern(pattern: string | RegExp): RegExp {
    if (pattern instanceof RegExp) {
      // A global or sticky regex keeps lastIndex between test() calls: strip those flags.
      return pattern.global || pattern.sticky ? new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')) : pattern;
    }
    let compiled = this.#compiled.get(pattern);
    if (!compiled) {
      compiled = new RegExp(`^(?:${pattern})$`);
      this.#compiled.set(pattern, compiled);
    }
    return compiled;
  }

  #validateRule(rule: PermissionRule, index: number): void {
    if (!PERMISSION_ACTIONS.includes(rule.action)) {
      throw new TypeError(`Permission rule ${index + 1} has unknown action "${String(rule.action)}".`);
    }
    try {
      this.#pattern(rule.tool);
      for (const pattern of Object.values(rule.args ?? {})) this.#pattern(pattern);
    } catch (error) {
      throw new TypeError(`Permission rule ${index + 1} has an invalid pattern: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
}

function tagged(decision: PermissionDecision, source: 'rule' | 'mode'): PermissionDecision {
  // A copy, so a decision object a subclass reuses elsewhere is never mis-tagged.
  const copy = { action: decision.action, reason: decision.reason } as PermissionDecision;
  decisionSources.set(copy, source);
  return copy;
}

function describePattern(pattern: string | RegExp): string {
  return pattern instanceof RegExp ? pattern.toString() : pattern;
}
