/**
 * Group commit for webhook accepts on SQLite (src/service/store/group-commit.ts): accepts
 * submitted together share one transaction, a failure stays with its own accept, a group never
 * outgrows its limit, and accepts arriving while a group commits form the next one.
 */
import type { Transaction } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGroupCommit } from '../../../src/service/store/group-commit.js';
import type { Database, StoreHandle } from '../../../src/service/store/database.js';
import { recordWebhookDelivery } from '../../../src/service/store/repositories/ticket-repository.js';
import { deferred } from '../../service/queue/support/deferred.js';
import { createTestStoreLocation, type TestStoreLocation } from '../../service/queue/support/test-stores.js';

describe('group commit on SQLite', () => {
  let location: TestStoreLocation;
  let store: StoreHandle;

  beforeEach(async () => {
    location = createTestStoreLocation('sqlite');
    store = await location.openMigrated();
  });

  afterEach(async () => {
    await store.close();
    await location.destroy();
  });

  /** An accept's write: true the first time a delivery id is seen. */
  function record(deliveryId: string) {
    return (transaction: Transaction<Database>) => recordWebhookDelivery(transaction, { provider: 'generic', deliveryId, ticketId: `generic:${deliveryId}` });
  }

  async function storedDeliveries(): Promise<string[]> {
    const rows = await store.db.selectFrom('webhook_deliveries').select('delivery_id').orderBy('delivery_id').execute();
    return rows.map((row) => row.delivery_id);
  }

  it('commits accepts submitted in one turn in one transaction, each answered with its own result', async () => {
    const groups: number[] = [];
    const group = createGroupCommit(store.db, { onCommit: (size) => groups.push(size) });
    const results = await Promise.all(['a', 'b', 'c', 'a'].map((id) => group.run(record(id))));
    expect(groups).toEqual([4]);
    // The repeated delivery id sees the first one's row inside the same transaction.
    expect(results).toEqual([true, true, true, false]);
    expect(await storedDeliveries()).toEqual(['a', 'b', 'c']);
  });

  it('a failing accept rolls its group back; the others then commit alone and only it fails', async () => {
    const groups: number[] = [];
    const group = createGroupCommit(store.db, { onCommit: (size) => groups.push(size) });
    const failure = new Error('this accept fails');
    const outcomes = await Promise.allSettled([
      group.run(record('first')),
      group.run(async (transaction) => {
        await record('failing')(transaction);
        throw failure;
      }),
      group.run(record('third')),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBe(failure);
    expect(groups).toEqual([1, 1]);
    expect(await storedDeliveries()).toEqual(['first', 'third']);
  });

  it('never puts more than maxGroupSize accepts in one transaction', async () => {
    const groups: number[] = [];
    const group = createGroupCommit(store.db, { maxGroupSize: 2, onCommit: (size) => groups.push(size) });
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((id) => group.run(record(id))));
    expect(groups).toEqual([2, 2, 1]);
    expect(await storedDeliveries()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('accepts that arrive while a group is committing form the next group', async () => {
    const groups: number[] = [];
    const group = createGroupCommit(store.db, { onCommit: (size) => groups.push(size) });
    const inside = deferred();
    const release = deferred();
    const first = [
      group.run(async (transaction) => {
        inside.resolve();
        await release.promise;
        return record('a')(transaction);
      }),
      group.run(record('b')),
    ];
    await inside.promise;
    const second = ['c', 'd', 'e'].map((id) => group.run(record(id)));
    release.resolve();
    await Promise.all([...first, ...second]);
    expect(groups).toEqual([2, 3]);
  });
});
