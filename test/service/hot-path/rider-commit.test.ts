/**
 * Riders on PostgreSQL (src/service/store/rider-commit.ts): a write that need not commit at once
 * commits with the next transaction, or alone when none comes; a failure stays with its own caller.
 */
import { describe, expect, it } from 'vitest';
import { startStatementCounter } from '../../../bench/statement-counter.js';
import { createRiderCommit } from '../../../src/service/store/rider-commit.js';
import { useDeliveryStore } from './delivery-store.js';

describe('rider commit on PostgreSQL', () => {
  const fixture = useDeliveryStore('postgres');
  const { record, storedDeliveries } = fixture;

  it('writes the waiting riders in the next transaction: one commit, each resolved after it', async () => {
    const riders = createRiderCommit(fixture.store.db, { maxDelayMs: 60_000 });
    const counter = startStatementCounter();
    try {
      const later = [riders.later(record('rider-1')), riders.later(record('rider-2'))];
      expect(await riders.transact(record('work'))).toBe(true);
      await Promise.all(later);
    } finally {
      counter.stop();
    }
    expect(counter.postgres.commits).toBe(1);
    expect(await storedDeliveries()).toEqual(['rider-1', 'rider-2', 'work']);
  });

  it('commits a rider alone when no transaction comes within its delay', async () => {
    const riders = createRiderCommit(fixture.store.db, { maxDelayMs: 10 });
    await riders.later(record('alone'));
    expect(await storedDeliveries()).toEqual(['alone']);
  });

  it('a failing rider rolls the transaction back; the work then commits alone and only the rider fails', async () => {
    const riders = createRiderCommit(fixture.store.db, { maxDelayMs: 60_000 });
    const failure = new Error('this rider fails');
    const failing = riders.later(async (transaction) => {
      await record('failing-rider')(transaction);
      throw failure;
    });
    const failed = expect(failing).rejects.toBe(failure);
    const fine = riders.later(record('fine-rider'));
    expect(await riders.transact(record('work'))).toBe(true);
    await failed;
    await fine;
    expect(await storedDeliveries()).toEqual(['fine-rider', 'work']);
  });

  it('a failing work fails alone; the riders it carried commit', async () => {
    const riders = createRiderCommit(fixture.store.db, { maxDelayMs: 60_000 });
    const failure = new Error('this work fails');
    const rider = riders.later(record('rider'));
    await expect(
      riders.transact(async (transaction) => {
        await record('work')(transaction);
        throw failure;
      }),
    ).rejects.toBe(failure);
    await rider;
    expect(await storedDeliveries()).toEqual(['rider']);
  });

  it('statement: one round trip and no BEGIN when no rider waits', async () => {
    const riders = createRiderCommit(fixture.store.db, { maxDelayMs: 60_000 });
    const counter = startStatementCounter({ record: true });
    try {
      expect(await riders.statement((executor) => record('alone-statement')(executor as never))).toBe(true);
    } finally {
      counter.stop();
    }
    expect(counter.postgres).toEqual({ statements: 1, commits: 1 });
    expect(counter.recorded.some((text) => /^\s*begin/i.test(text))).toBe(false);
    expect(await storedDeliveries()).toEqual(['alone-statement']);
  });

  it('statement: in one transaction with the riders waiting, which resolve after its commit', async () => {
    const riders = createRiderCommit(fixture.store.db, { maxDelayMs: 60_000 });
    const counter = startStatementCounter();
    try {
      const later = riders.later(record('rider'));
      expect(await riders.statement((executor) => record('statement')(executor as never))).toBe(true);
      await later;
    } finally {
      counter.stop();
    }
    // BEGIN, the rider, the statement, COMMIT.
    expect(counter.postgres).toEqual({ statements: 4, commits: 1 });
    expect(await storedDeliveries()).toEqual(['rider', 'statement']);
  });
});
