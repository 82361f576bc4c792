/** `triage show <ticketId>`: the stored ticket, its outcome, its outbox entry and its audit events (scrubbed). */
import { InputError } from '../../service/errors.js';
import { listAuditEvents } from '../../service/store/repositories/audit-repository.js';
import { getDecision } from '../../service/store/repositories/decision-repository.js';
import { getOutboxForTicket } from '../../service/store/repositories/outbox-repository.js';
import { getTicket } from '../../service/store/repositories/ticket-repository.js';
import { json, type CliIo } from '../cli-io.js';
import { formatOutcome } from '../format-outcome.js';
import { withCommandRuntime } from '../open-runtime.js';

export async function runShowCommand(io: CliIo, ticketId: string, options: { json?: boolean }): Promise<void> {
  await withCommandRuntime(io, async (runtime) => {
    const { db } = runtime.store;
    const ticket = await getTicket(db, ticketId);
    if (!ticket) throw new InputError(`no ticket with id "${ticketId}"`, 'not_found');
    const [outcome, events, outbox] = await Promise.all([getDecision(db, ticketId), listAuditEvents(db, ticketId), getOutboxForTicket(db, ticketId)]);
    if (options.json) {
      io.stdout(json({ ticket, outcome: outcome ?? null, outbox, events }));
      return;
    }
    io.stdout(`Ticket ${ticket.id} from ${ticket.customerEmail} (${ticket.source}), status ${ticket.status}\n`);
    if (ticket.subject) io.stdout(`Subject: ${ticket.subject}\n`);
    io.stdout(`${ticket.body}\n\n`);
    if (outcome) io.stdout(`${formatOutcome(outcome)}\n\n`);
    io.stdout(`Audit trail (${events.length} events):\n`);
    for (const event of events) {
      const data = event.data as Record<string, unknown>;
      const detail = [data.toolName, data.decision, data.status, data.reason, data.stopReason].filter(Boolean).join(' ');
      io.stdout(`  ${String(event.seq).padStart(3)} ${event.ts} ${event.type.padEnd(20)} ${detail}\n`);
    }
  });
}
