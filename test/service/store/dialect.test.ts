import { describe, expect, it } from 'vitest';
import {
  fromDatabaseBoolean,
  isUniqueViolation,
  lockForUpdateSkipLocked,
  parseJsonText,
  toDatabaseBoolean,
  toJsonText,
  toTimestamp,
} from '../../../src/service/store/dialect.js';
import { InvalidStoreInputError } from '../../../src/service/store/errors.js';
import { storeDialects, useMigratedStore } from './store-dialects.js';

describe('dialect value conversions', () => {
  it('normalises every timestamp form of one instant to the same string', () => {
    const expected = '2026-11-28T10:00:00.000Z';
    expect(toTimestamp('2026-11-28T10:00:00Z')).toBe(expected);
    expect(toTimestamp('2026-11-28T12:00:00+02:00')).toBe(expected);
    expect(toTimestamp(new Date(expected))).toBe(expected);
    expect(toTimestamp(Date.parse(expected))).toBe(expected);
    expect(() => toTimestamp('not a date', 'since')).toThrow(InvalidStoreInputError);
    expect(() => toTimestamp('not a date', 'since')).toThrow(/since/);
  });

  it('stores booleans as 0/1 and JSON as text', () => {
    expect([toDatabaseBoolean(true), toDatabaseBoolean(false)]).toEqual([1, 0]);
    expect([fromDatabaseBoolean(1), fromDatabaseBoolean(0), fromDatabaseBoolean(null)]).toEqual([true, false, false]);
    expect(parseJsonText(toJsonText({ a: [1, 'b'] }), null)).toEqual({ a: [1, 'b'] });
    expect(toJsonText(undefined)).toBe('null');
    expect(parseJsonText(null, ['fallback'])).toEqual(['fallback']);
  });
});

function job(id: string) {
  const now = new Date().toISOString();
  return {
    id,
    queue: 'triage',
    ticket_id: id,
    payload: '{}',
    status: 'pending' as const,
    attempts: 0,
    max_attempts: 3,
    run_after: now,
    locked_by: null,
    locked_until: null,
    last_error: null,
    created_at: now,
    updated_at: now,
  };
}

describe.each(storeDialects)('dialect behaviour on $name', (dialect) => {
  const store = useMigratedStore(dialect);

  it('recognises a unique violation of this database', async () => {
    await store.handle.db.insertInto('jobs').values(job('unique-1')).execute();
    const error = await store.handle.db
      .insertInto('jobs')
      .values({ ...job('unique-2'), ticket_id: 'unique-1' })
      .execute()
      .then(
        () => undefined,
        (caught: unknown) => caught,
      );
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(new Error('other'))).toBe(false);
  });

  it('claims with skip locked: a second worker skips the row the first holds instead of waiting', async () => {
    const query = () =>
      lockForUpdateSkipLocked(
        store.handle.db.selectFrom('jobs').select('id').where('id', '=', 'claim-1'),
        store.handle.dialect,
      );
    const compiled = query().compile().sql.toLowerCase();
    if (dialect.name === 'sqlite') {
      // SQLite has no row locks; the claim's transaction is the lock.
      expect(compiled).not.toContain('for update');
      return;
    }
    expect(compiled).toContain('for update skip locked');
    await store.handle.db.insertInto('jobs').values(job('claim-1')).execute();
    let releaseFirst!: () => void;
    const firstMayCommit = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    let firstHoldsIt!: (ids: string[]) => void;
    const firstClaimed = new Promise<string[]>((resolve) => {
      firstHoldsIt = resolve;
    });
    const first = store.handle.db.transaction().execute(async (transaction) => {
      const rows = await lockForUpdateSkipLocked(
        transaction.selectFrom('jobs').select('id').where('id', '=', 'claim-1'),
        'postgres',
      ).execute();
      firstHoldsIt(rows.map((row) => row.id));
      await firstMayCommit;
    });
    expect(await firstClaimed).toEqual(['claim-1']);
    const second = await store.handle.db.transaction().execute(async (transaction) =>
      lockForUpdateSkipLocked(transaction.selectFrom('jobs').select('id').where('id', '=', 'claim-1'), 'postgres').execute(),
    );
    expect(second).toEqual([]);
    releaseFirst();
    await first;
    expect(await query().execute()).toEqual([{ id: 'claim-1' }]);
  });
});
