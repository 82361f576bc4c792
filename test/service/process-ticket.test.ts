import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { processTicket } from '../../src/service/process-ticket.js';
import { listRuns, startRun } from '../../src/service/store/repositories/run-repository.js';
import { insertTicketIfAbsent } from '../../src/service/store/repositories/ticket-repository.js';
import { createTestServices, type TestServices } from './support/test-services.js';

describe('processTicket', () => {
  let services: TestServices;
  beforeEach(async () => {
    services = await createTestServices();
  });
  afterEach(async () => services.cleanup());

  it('closes the run a crashed attempt left running before it starts the next', async () => {
    const ticket = { id: 'T-crash', source: 'generic' as const, customerEmail: 'ada@example.com', body: 'I forgot my password', receivedAt: new Date().toISOString() };
    const { db } = services.runtime.store;
    await insertTicketIfAbsent(db, ticket);
    const crashed = await startRun(db, { ticketId: ticket.id, model: 'local' });
    const processed = await processTicket(services.runtime, ticket);
    const runs = await listRuns(db, ticket.id);
    expect(runs.map((run) => [run.id === crashed.id ? 'crashed' : 'retry', run.status])).toEqual([
      ['crashed', 'failed'],
      ['retry', 'succeeded'],
    ]);
    expect(runs[0]?.error).toMatch(/abandoned/);
    expect(processed.outcome.decision).toBe('sent');
    // And a second call returns the stored outcome without a new run.
    expect((await processTicket(services.runtime, ticket)).duplicate).toBe(true);
    expect(await listRuns(db, ticket.id)).toHaveLength(2);
  });
});
