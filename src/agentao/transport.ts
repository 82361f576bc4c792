/**
 * Where an agent's events go and who answers its confirmation questions. A transport is the only
 * way out of a run: the CLI prints from it, the service stores from it, tests collect from it.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import type { AgentEvent } from './events.js';

export interface ConfirmationRequest {
  agentId: string;
  callId: string;
  toolName: string;
  args: unknown;
  /** sha256 (hex) of the canonical JSON of `args`: an approval can be bound to these exact arguments. */
  argsHash: string;
  /** Why the engine asked. */
  reason: string;
}

export interface Transport {
  /** Must not throw; the agent shields the run if it does anyway. */
  emit(event: AgentEvent): void;
  /**
   * Answers an `ask`. Only `true` approves. Without this method every `ask` is denied: a headless
   * run never approves on its own.
   */
  confirmTool?(request: ConfirmationRequest): Promise<boolean>;
}

/** sha256 (hex) of the canonical JSON (sorted keys) of a tool call's arguments. */
export function hashToolArgs(args: unknown): string {
  return createHash('sha256').update(canonicalJson(args)).digest('hex');
}

export type EventHandler = (event: AgentEvent) => void | Promise<void>;
export type ToolConfirmer = (request: ConfirmationRequest) => boolean | Promise<boolean>;

export interface SdkTransportOptions {
  onEvent?: EventHandler;
  confirmTool?: ToolConfirmer;
}

/** Events to a callback and confirmations to another, for programs that embed an agent. */
export class SdkTransport implements Transport {
  readonly confirmTool?: (request: ConfirmationRequest) => Promise<boolean>;
  /** How many times the event handler threw or rejected. */
  handlerFailures = 0;
  readonly #onEvent: EventHandler | undefined;

  constructor(options: SdkTransportOptions = {}) {
    this.#onEvent = options.onEvent;
    const confirmer = options.confirmTool;
    if (confirmer) {
      // Only a real `true` approves: a truthy string or object from a sloppy confirmer does not.
      this.confirmTool = async (request) => (await confirmer(request)) === true;
    }
  }

  emit(event: AgentEvent): void {
    const handler = this.#onEvent;
    if (!handler) return;
    try {
      const returned = handler(event);
      if (returned && typeof (returned as Promise<void>).then === 'function') {
        (returned as Promise<void>).then(undefined, (error: unknown) => this.#reportFailure(event, error));
      }
    } catch (error) {
      this.#reportFailure(event, error);
    }
  }

  #reportFailure(event: AgentEvent, error: unknown): void {
    this.handlerFailures += 1;
    // Once is enough to notice; an error event sent back into the broken handler would only fail again.
    if (this.handlerFailures > 1) return;
    const message = error instanceof Error ? error.message : String(error);
    console.warn(`agentao: the onEvent handler failed on a "${event.type}" event (${message}); the run goes on and further failures are not reported.`);
  }
}

/** Drops every event and has no confirmer, so every `ask` is denied. */
export class NullTransport implements Transport {
  emit(_event: AgentEvent): void {}
}
