/**
 * Approvals bound to one exact tool call. A human (or a policy service) grants an approval for a
 * call id and the hash of its arguments; the confirmer built here consumes it once. An approval can
 * never be replayed for another call, for changed arguments, or twice.
 */
import type { ConfirmationRequest, ToolConfirmer } from './transport.js';

export interface ApprovalGrant {
  callId: string;
  argsHash: string;
  /** Who approved, for the audit trail. */
  approver: string;
}

export type ApprovalCheck =
  | { approved: true; grant: ApprovalGrant }
  | { approved: false; reason: 'no-approval' | 'arguments-changed' | 'already-used' };

export class ApprovalLedger {
  readonly #grants = new Map<string, ApprovalGrant>();
  readonly #used = new Set<string>();

  grant(grant: ApprovalGrant): void {
    if (this.#used.has(grant.callId)) throw new Error(`call ${grant.callId} was already approved and run`);
    this.#grants.set(grant.callId, { ...grant });
  }

  /** Consumes the approval of this call when it matches exactly; never approves anything else. */
  consume(request: Pick<ConfirmationRequest, 'callId' | 'argsHash'>): ApprovalCheck {
    if (this.#used.has(request.callId)) return { approved: false, reason: 'already-used' };
    const grant = this.#grants.get(request.callId);
    if (!grant) return { approved: false, reason: 'no-approval' };
    if (grant.argsHash !== request.argsHash) return { approved: false, reason: 'arguments-changed' };
    this.#grants.delete(request.callId);
    this.#used.add(request.callId);
    return { approved: true, grant };
  }
}

/**
 * A confirmer for SdkTransport that approves only calls granted in the ledger, optionally asking
 * `requestApproval` first (e.g. to put the question to a person, who then calls `ledger.grant`).
 */
export function ledgerConfirmer(
  ledger: ApprovalLedger,
  options: { requestApproval?: (request: ConfirmationRequest) => Promise<void> | void; onCheck?: (request: ConfirmationRequest, check: ApprovalCheck) => void } = {},
): ToolConfirmer {
  return async (request) => {
    await options.requestApproval?.(request);
    const check = ledger.consume(request);
    options.onCheck?.(request, check);
    return check.approved;
  };
}
