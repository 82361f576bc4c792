/**
 * Errors of the agentao runtime. One base class so callers can catch "anything from the runtime";
 * subclasses exist only where a caller acts differently on them.
 */

export interface AgentaoErrorOptions {
  cause?: unknown;
}

export class AgentaoError extends Error {
  constructor(message: string, options: AgentaoErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    // new.target keeps the subclass name without every subclass repeating it.
    this.name = new.target.name;
  }
}

/** A tool could not be registered (bad or duplicate name). */
export class ToolRegistryError extends AgentaoError {}

/** `activateSkill` or `SkillManager.get` was asked for a skill that was not discovered. */
export class SkillNotFoundError extends AgentaoError {
  readonly skillName: string;
  readonly availableSkills: readonly string[];

  constructor(skillName: string, availableSkills: readonly string[], options: AgentaoErrorOptions = {}) {
    const available = availableSkills.length > 0 ? availableSkills.join(', ') : '(none)';
    super(`Skill "${skillName}" not found. Available skills: ${available}.`, options);
    this.skillName = skillName;
    this.availableSkills = [...availableSkills];
  }
}

/** The agent was closed; create a new one. */
export class AgentClosedError extends AgentaoError {
  constructor(message = 'The agent is closed; create a new Agent to chat again.', options: AgentaoErrorOptions = {}) {
    super(message, options);
  }
}

export interface ModelCallErrorOptions extends AgentaoErrorOptions {
  /** True when trying the same request again may succeed (rate limit, overload, network). */
  isRetryable?: boolean;
  statusCode?: number;
}

/** A chat model call failed. Providers throw it; the agent wraps anything else in it. */
export class ModelCallError extends AgentaoError {
  readonly isRetryable: boolean;
  readonly statusCode?: number;

  constructor(message: string, options: ModelCallErrorOptions = {}) {
    super(message, options);
    this.isRetryable = options.isRetryable ?? false;
    if (options.statusCode !== undefined) this.statusCode = options.statusCode;
  }
}
