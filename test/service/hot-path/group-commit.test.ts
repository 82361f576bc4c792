/**
 * Group commit for webhook accepts on SQLite (src/service/store/group-commit.ts): accepts
 * submitted together share one transaction, a failure stays with its own accept, a group never
 * outgrows its limit, and accepts arriving while a group commits form the next one.
 */
import { describe, expect, it } from 'vitest';
import { createGroupCommit } from '../../../src/service/store/group-commit.js';
import { deferred } from '../../service/queue/support/deferred.js';
import { useDeliveryStore } from './delivery-store.js';

describe('group commit on SQLite', () => {
  const fixture = useDeliveryStore('sqlite');
  const { record, storedDeliveries } = fixture;

  it('commits accepts submitted in one turn in one transaction, each answered with its own result', async () => {
    const groups: number[] = [];
    const group = createGroupCommit(fixture.store.db, { onCommit: (size) => groups.push(size) });
    const results = await Promise.all(['a', 'b', 'c', 'a'].map((id) => group.run(record(id))));
    expect(groups).toEqual([4]);
    // The repeated delivery id sees the first one's row inside the same transaction.
    expect(results).toEqual([true, true, true, false]);
    expect(await storedDeliveries()).toEqual(['a', 'b', 'c']);
  });

  it('a failing accept rolls its group back; the others then commit alone and only it fails', async () => {
    const groups: number[] = [];
    const group = createGroupCommit(fixture.store.db, { onCommit: (size) => groups.push(size) });
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
    const group = createGroupCommit(fixture.store.db, { maxGroupSize: 2, onCommit: (size) => groups.push(size) });
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((id) => group.run(record(id))));
    expect(groups).toEqual([2, 2, 1]);
    expect(await storedDeliveries()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('accepts that arrive while a group is committing form the next group', async () => {
    const groups: number[] = [];
    const group = createGroupCommit(fixture.store.db, { onCommit: (size) => groups.push(size) });
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
