import { beforeAll, describe, expect, it } from 'vitest';
import { InvalidStoreInputError } from '../../../src/service/store/errors.js';
import {
  getDecision,
  queryDecisions,
  saveDecision,
  type SaveDecisionInput,
} from '../../../src/service/store/repositories/decision-repository.js';
import { startRun } from '../../../src/service/store/repositories/run-repository.js';
import { insertTicketIfAbsent } from '../../../src/service/store/repositories/ticket-repository.js';
import { withTransaction } from '../../../src/service/store/repositories/with-transaction.js';
import type { TriageDecision } from '../../../src/triage/types.js';
import { makeTicket } from './fixtures/store-data.js';
import { storeDialects, useMigratedStore } from './store-dialects.js';

const DAY = 24 * 60 * 60 * 1000;
// A fixed "now" keeps the inclusive-bound checks exact; the query takes explicit bounds anyway.
const NOW = new Date('2026-11-28T12:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

interface Fixture {
  name: string;
  confidence: number;
  decision: TriageDecision;
  tags: string[];
  createdAt: Date;
}

const FIXTURES: Fixture[] = [
  { name: 'low', confidence: 0.5, decision: 'drafted', tags: ['retention'], createdAt: daysAgo(1) },
  { name: 'just-below', confidence: 0.8499, decision: 'drafted', tags: [], createdAt: daysAgo(2) },
  { name: 'at-min', confidence: 0.85, decision: 'drafted', tags: ['legal-review'], createdAt: daysAgo(3) },
  { name: 'middle', confidence: 0.9, decision: 'drafted', tags: ['enterprise', 'retention'], createdAt: daysAgo(4) },
  { name: 'at-max', confidence: 0.92, decision: 'sent', tags: [], createdAt: daysAgo(5) },
  { name: 'just-above', confidence: 0.9201, decision: 'sent', tags: [], createdAt: daysAgo(6) },
  { name: 'exactly-7-days', confidence: 0.95, decision: 'sent', tags: [], createdAt: daysAgo(7) },
  { name: 'old', confidence: 0.88, decision: 'drafted', tags: ['retention'], createdAt: daysAgo(8) },
];

describe.each(storeDialects)('decision repository on $name', (dialect) => {
  const store = useMigratedStore(dialect);
  const ticketIds = new Map<string, string>();
  const nameOf = (ticketId: string) => [...ticketIds].find(([, id]) => id === ticketId)?.[0];

  async function decide(fixture: Omit<Fixture, 'name'>, ticketId?: string): Promise<SaveDecisionInput> {
    const id = ticketId ?? (await insertTicketIfAbsent(store.handle.db, makeTicket())).ticket.id;
    const run = await startRun(store.handle.db, { ticketId: id, model: 'local' });
    const input: SaveDecisionInput = {
      ticketId: id,
      runId: run.id,
      decision: fixture.decision,
      confidence: fixture.confidence,
      intent: 'track_order',
      tags: fixture.tags,
      reply: `Reply with confidence ${fixture.confidence}`,
      steps: [{ tool: 'get_order_status', args: { order_id: 'A1001' }, permission: 'allow', ok: true }],
      reasons: ['order is shipped'],
      createdAt: fixture.createdAt,
    };
    await saveDecision(store.handle.db, input);
    return input;
  }

  beforeAll(async () => {
    for (const fixture of FIXTURES) ticketIds.set(fixture.name, (await decide(fixture)).ticketId);
  });

  const names = async (query: Parameters<typeof queryDecisions>[1]) =>
    (await queryDecisions(store.handle.db, query)).map((row) => nameOf(row.ticketId));

  it('saves an outcome and reads it back whole, confidence to the last bit', async () => {
    // Full double precision: a float4 column (PostgreSQL's `real`) would read back 0.9123457.
    const input = await decide({ confidence: 0.9123456789012345, decision: 'sent', tags: ['vip'], createdAt: NOW });
    const stored = await getDecision(store.handle.db, input.ticketId);
    expect(stored).toEqual({ ...input, createdAt: NOW.toISOString() });
    expect(await getDecision(store.handle.db, 'no-such-ticket')).toBeNull();
  });

  it('confidence 0.85 to 0.92 includes both bounds exactly and nothing outside', async () => {
    const window = { since: daysAgo(7), until: daysAgo(1) };
    expect(await names({ ...window, minConfidence: 0.85, maxConfidence: 0.92 })).toEqual(['at-min', 'middle', 'at-max']);
  });

  it('since 7 days includes a decision made exactly 7 days ago and excludes older ones', async () => {
    expect(await names({ since: daysAgo(7), until: daysAgo(1) })).toEqual([
      'low',
      'just-below',
      'at-min',
      'middle',
      'at-max',
      'just-above',
      'exactly-7-days',
    ]);
  });

  it('accepts bounds as strings in any ISO form and compares them as instants', async () => {
    // The same instant as daysAgo(7), written without milliseconds and with an offset.
    expect(await names({ since: '2026-11-21T14:00:00+02:00', until: '2026-11-21T12:00:00Z' })).toEqual(['exactly-7-days']);
  });

  it('filters on decision and on tag, alone and together, newest first', async () => {
    const window = { since: daysAgo(30), until: daysAgo(1) };
    expect(await names({ ...window, decision: 'sent' })).toEqual(['at-max', 'just-above', 'exactly-7-days']);
    expect(await names({ ...window, tag: 'retention' })).toEqual(['low', 'middle', 'old']);
    expect(await names({ ...window, tag: 'retention', decision: 'drafted', minConfidence: 0.6 })).toEqual([
      'middle',
      'old',
    ]);
    expect(await names({ ...window, tag: 'no-such-tag' })).toEqual([]);
  });

  it('pages with limit and offset, and defaults to 100 rows', async () => {
    const window = { since: daysAgo(30), until: daysAgo(1) };
    expect(await names({ ...window, limit: 2 })).toEqual(['low', 'just-below']);
    expect(await names({ ...window, limit: 2, offset: 2 })).toEqual(['at-min', 'middle']);
    await expect(queryDecisions(store.handle.db, { limit: 0 })).rejects.toBeInstanceOf(InvalidStoreInputError);
    await expect(queryDecisions(store.handle.db, { since: 'last tuesday' })).rejects.toBeInstanceOf(
      InvalidStoreInputError,
    );
  });

  it('saving again replaces the decision and its tags', async () => {
    const first = await decide({ confidence: 0.7, decision: 'drafted', tags: ['replace-me', 'keep'], createdAt: daysAgo(40) });
    await decide({ confidence: 0.97, decision: 'sent', tags: ['keep', 'keep'], createdAt: daysAgo(40) }, first.ticketId);
    const stored = await getDecision(store.handle.db, first.ticketId);
    expect(stored).toMatchObject({ decision: 'sent', confidence: 0.97, tags: ['keep'] });
    const window = { since: daysAgo(41), until: daysAgo(39) };
    expect(await queryDecisions(store.handle.db, { ...window, tag: 'replace-me' })).toEqual([]);
    expect((await queryDecisions(store.handle.db, { ...window, tag: 'keep' })).map((row) => row.ticketId)).toEqual([
      first.ticketId,
    ]);
  });

  it('the decision and its tags are one unit: a rolled-back caller transaction leaves neither', async () => {
    const { ticket } = await insertTicketIfAbsent(store.handle.db, makeTicket());
    const run = await startRun(store.handle.db, { ticketId: ticket.id, model: 'local' });
    await expect(
      withTransaction(store.handle.db, async (transaction) => {
        await saveDecision(transaction, {
          ticketId: ticket.id,
          runId: run.id,
          decision: 'drafted',
          confidence: 0.4,
          intent: 'cancel_order',
          tags: ['rolled-back-tag'],
          reply: 'r',
          steps: [],
          reasons: [],
        });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await getDecision(store.handle.db, ticket.id)).toBeNull();
    expect(await queryDecisions(store.handle.db, { tag: 'rolled-back-tag' })).toEqual([]);
  });
});
