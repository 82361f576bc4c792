/**
 * A triage run's result as the store keeps it: scrubbed of PII and secrets, each audit event's data
 * already JSON text. It is made where the triage ran (on a triage thread, or on this thread for
 * the in-process executor), so the thread that writes the store only seals the reply and runs its
 * statements: scrubbing and serialising a run cost that thread about as much CPU as the writes,
 * and with triage threads it is also the thread that answers webhooks.
 */
import type { OutboxEntry, TriageRunResult } from '../triage/pipeline.js';
import { createRunScrubber } from '../triage/scrubber-run-cache.js';
import type { TriageOutcome } from '../triage/types.js';
import { toJsonText } from './store/dialect.js';
import type { SerializedAuditEvent } from './store/repositories/audit-repository.js';

export interface RecordedRun {
  stopReason: TriageRunResult['stopReason'];
  /** Scrubbed. */
  outcome: TriageOutcome;
  /** Scrubbed, in the run's order. */
  events: SerializedAuditEvent[];
  /** `text` scrubbed (shown and audited); `exactText` as decided, for the sealed copy only. */
  outbox: OutboxEntry & { exactText: string };
}

export function recordRun(result: TriageRunResult): RecordedRun {
  // One cache for the whole run: its events, outcome and reply repeat the same strings.
  const scrub = createRunScrubber();
  return {
    stopReason: result.stopReason,
    outcome: scrub(result.outcome),
    events: scrub(result.events).map((event) => ({ type: event.type, ts: event.ts, dataText: toJsonText(event.data) })),
    outbox: { ...result.outbox, text: scrub(result.outbox.text), exactText: result.outbox.text },
  };
}
