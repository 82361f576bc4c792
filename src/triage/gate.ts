/**
 * The confidence gate: the triage's permission engine. Read-only by default; drafting is allowed;
 * `send_reply` is allowed only when the send guard passes. It overrides `decide()`, which the agentao
 * runtime calls for every tool call, so the policy cannot be bypassed by the loop.
 */
import { PermissionEngine, type PermissionDecision, type PermissionRequest } from '../agentao/index.js';
import { CpuBudgetExceededError, type CpuBudget } from './cpu-budget.js';
import { sendDenial } from './send-denial.js';
import { assessSend, type SendGuardOptions } from './send-guard.js';
import type { TriageSession } from './triage-session.js';

export { GENERIC_SEND_DENIAL } from './send-denial.js';

export class ConfidenceGate extends PermissionEngine {
  constructor(
    private readonly session: TriageSession,
    private readonly options: SendGuardOptions,
    /** The ticket's CPU budget; the reply checks are one of its stages. */
    private readonly cpuBudget?: CpuBudget,
  ) {
    super({
      mode: 'read-only',
      rules: [{ tool: 'draft_reply', action: 'allow', reason: 'drafts only reach a human reviewer' }],
    });
  }

  override async decide(toolName: string, args: unknown, request?: PermissionRequest): Promise<PermissionDecision> {
    const fields = (args ?? {}) as Record<string, unknown>;
    if (toolName === 'get_customer_profile') {
      const email = String(fields.email ?? '').trim().toLowerCase();
      if (email !== this.session.ticket.customerEmail.trim().toLowerCase()) {
        return { action: 'deny', reason: "only the ticket's own customer may be looked up" };
      }
    }
    if (toolName === 'send_reply') {
      const proposed = {
        text: String(fields.text ?? ''),
        confidence: Number.isFinite(Number(fields.confidence)) ? Number(fields.confidence) : 0,
        intent: typeof fields.intent === 'string' ? fields.intent : undefined,
        callId: request?.callId ?? '',
      };
      // Denials latch: a model that was refused once does not get to rephrase until one passes.
      if (this.session.sendDenied) {
        this.session.deniedReplies.push(proposed);
        const latched = 'a send was already refused in this run, so every later send is refused too';
        this.session.denialReasons.set(proposed.callId, [latched]);
        if (!this.session.denials.includes(latched)) this.session.denials.push(latched);
        return sendDenial({ refusedBy: 'latched', tags: [] });
      }
      const assess = () => assessSend(this.session, proposed, this.options);
      let assessment;
      try {
        assessment = this.cpuBudget ? this.cpuBudget.measure('reply checks', assess) : assess();
      } catch (error) {
        if (!(error instanceof CpuBudgetExceededError)) throw error;
        this.session.deniedReplies.push(proposed);
        this.session.denials.push(error.message);
        return sendDenial({ refusedBy: 'cpu-budget', tags: [] });
      }
      if (!assessment.allowed) {
        this.session.deniedReplies.push(proposed);
        this.session.denialReasons.set(proposed.callId, assessment.reasons);
        for (const reason of assessment.reasons) if (!this.session.denials.includes(reason)) this.session.denials.push(reason);
        return sendDenial({ refusedBy: 'send-guard', tags: assessment.tags });
      }
      return {
        action: 'allow',
        reason: `send guard passed at confidence ${assessment.confidence.toFixed(2)} (threshold ${this.options.threshold})`,
      };
    }
    return super.decide(toolName, args, request);
  }
}
