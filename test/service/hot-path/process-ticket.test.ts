/**
 * processTicket's hot path: the run scrubber gives exactly what scrubValue gives (it only caches),
 * and a queued ticket is stored in two commits (before and after the triage) on SQLite.
 */
import { isDeepStrictEqual } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/service/config.js';
import { processTicket } from '../../../src/service/process-ticket.js';
import { scrubTicket } from '../../../src/triage/scrubber.js';
import { createRunScrubber } from '../../../src/triage/scrubber-run-cache.js';
import { listRuns } from '../../../src/service/store/repositories/run-repository.js';
import { insertTicketIfAbsent } from '../../../src/service/store/repositories/ticket-repository.js';
import { createTriageRuntime, type TriageRuntime } from '../../../src/service/triage-runtime.js';
import { triageTicket } from '../../../src/triage/pipeline.js';
import { scrubValue } from '../../../src/triage/scrubber.js';
import type { Ticket } from '../../../src/triage/types.js';
import { createTestStoreLocation, type TestStoreLocation } from '../../service/queue/support/test-stores.js';

let location: TestStoreLocation;
let runtime: TriageRuntime;

beforeAll(async () => {
  location = createTestStoreLocation('sqlite');
  runtime = await createTriageRuntime(loadConfig({}), { databaseUrl: location.databaseUrl });
});

afterAll(async () => {
  await runtime.close();
  await location.destroy();
});

function ticket(id: string, body: string): Ticket {
  return { id, source: 'generic', externalId: id, customerEmail: 'ada@example.com', subject: 'Help', body, receivedAt: new Date().toISOString() };
}

describe('createRunScrubber', () => {
  it('scrubs a run outcome and its events exactly as scrubValue does', async () => {
    const bodies = [
      'Where is my order A1001? My card is 4242 4242 4242 4242 and my password: hunter2, call +44 20 7946 0958.',
      'I forgot my password, my email is someone.else@example.org',
      'Under the GDPR send me my data. api_key=sk-live-0123456789abcdefghijklmnop',
    ];
    for (const [index, body] of bodies.entries()) {
      const { outcome, events } = await triageTicket(ticket(`generic:scrub-${index}`, body), runtime.deps);
      const scrub = createRunScrubber();
      expect(isDeepStrictEqual(scrub(events), scrubValue(events))).toBe(true);
      expect(isDeepStrictEqual(scrub(outcome), scrubValue(outcome))).toBe(true);
    }
  });

  it('keeps the credential-key rules: whole values replaced, counts and flags kept', () => {
    const value = {
      password: 'hunter2',
      pin: 1234,
      tokenCount: 3,
      apiKey: { nested: 'x' },
      passwordReset: true,
      secret: null,
      'ada@example.com': ['mail ada@example.com', 42, undefined],
    };
    const scrubbed = createRunScrubber()(value);
    expect(scrubbed).toEqual(scrubValue(value));
    expect(scrubbed).toMatchObject({ password: '[password]', pin: '[password]', tokenCount: 3, apiKey: '[secret:redacted]', passwordReset: true });
  });

  it('keeps shared objects shared, as scrubValue does', () => {
    const shared = { text: 'write to ada@example.com' };
    const scrubbed = createRunScrubber()({ first: shared, second: shared });
    expect(scrubbed.first).toBe(scrubbed.second);
    expect(scrubbed).toEqual(scrubValue({ first: shared, second: shared }));
  });

  it('hands values that are not plain data to scrubValue whole', () => {
    const cyclic: Record<string, unknown> = { text: 'ada@example.com' };
    cyclic.self = cyclic;
    const withDate = { when: new Date(0), text: 'ada@example.com' };
    const withNullPrototype = Object.assign(Object.create(null) as object, { text: 'ada@example.com' });
    const withProtoKey = JSON.parse('{"__proto__": {"text": "ada@example.com"}}') as object;
    let deep: unknown = 'ada@example.com';
    for (let level = 0; level < 80; level += 1) deep = { level: deep };
    for (const value of [cyclic, withDate, withNullPrototype, deep]) {
      expect(isDeepStrictEqual(createRunScrubber()(value), scrubValue(value))).toBe(true);
    }
    // scrubValue turns a "__proto__" key into the copy's prototype, a new object each call.
    const ours = createRunScrubber()(withProtoKey);
    const theirs = scrubValue(withProtoKey);
    expect(Object.getPrototypeOf(ours)).toEqual(Object.getPrototypeOf(theirs));
    expect(Object.getPrototypeOf(ours)).toEqual({ text: '[email:***@example.com]' });
  });
});

describe('processTicket on SQLite', () => {
  it('stores a queued ticket in two transactions and writes nothing outside them', async () => {
    const queued = ticket('generic:commits-1', 'Where is my order A1001?');
    await insertTicketIfAbsent(runtime.store.db, scrubTicket(queued));
    // Statements are prepared once and cached (database.ts), so executions are what is counted.
    const statements: string[] = [];
    const Statement = Object.getPrototypeOf(new BetterSqlite3(':memory:').prepare('select 1')) as {
      run: (...args: unknown[]) => unknown;
      all: (...args: unknown[]) => unknown;
    };
    const { run: originalRun, all: originalAll } = Statement;
    Statement.run = function (this: { source: string }, ...args: unknown[]) {
      statements.push(this.source);
      return originalRun.apply(this, args);
    };
    Statement.all = function (this: { source: string }, ...args: unknown[]) {
      statements.push(this.source);
      return originalAll.apply(this, args);
    };
    let processed;
    try {
      processed = await processTicket(runtime, queued);
    } finally {
      Statement.run = originalRun;
      Statement.all = originalAll;
    }
    let inTransaction = false;
    let commits = 0;
    const writesOutside: string[] = [];
    for (const statement of statements) {
      if (statement === 'begin') inTransaction = true;
      else if (statement === 'commit' || statement === 'rollback') {
        inTransaction = false;
        if (statement === 'commit') commits += 1;
      } else if (!inTransaction && /^(insert|update|delete)\b/i.test(statement)) writesOutside.push(statement);
    }
    expect(writesOutside).toEqual([]);
    expect(commits).toBe(2);
    expect(processed.duplicate).toBe(false);
    const [run] = await listRuns(runtime.store.db, queued.id);
    expect(run).toMatchObject({ attempt: 1, status: 'succeeded' });
    expect(run!.finishedAt).not.toBeNull();
  });
});
