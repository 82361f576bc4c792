/**
 * prepareQuery: a statement written with Kysely's builder, compiled once per dialect, run with new
 * values each time; the builder's own constants stay as compiled; inside a transaction it joins it.
 */
import { describe, expect, it } from 'vitest';
import { prepareQuery } from '../../../src/service/store/prepared-query.js';
import { insertTicketIfAbsent } from '../../../src/service/store/repositories/ticket-repository.js';
import { makeTicket } from './fixtures/store-data.js';
import { storeDialects, useMigratedStore } from './store-dialects.js';

describe.each(storeDialects)('prepareQuery on $name', (dialect) => {
  const store = useMigratedStore(dialect);

  it('compiles once and runs with each call values, keeping the builder constants', async () => {
    const first = makeTicket({ id: 'prepared-1', externalId: 'prepared-1' });
    const second = makeTicket({ id: 'prepared-2', externalId: 'prepared-2' });
    await insertTicketIfAbsent(store.handle.db, first);
    await insertTicketIfAbsent(store.handle.db, second);
    let builds = 0;
    const setStatus = prepareQuery<[status: 'running' | 'sent', id: string], { id: string; status: string; source: string }>((db, slot) => {
      builds += 1;
      return db
        .updateTable('tickets')
        .set({ status: slot(0) })
        .where('id', '=', slot<string>(1))
        // A constant of the builder's own, kept as compiled.
        .where('status', '=', 'queued')
        .returning(['id', 'status', 'source']);
    });
    const one = await setStatus.execute(store.handle.db, ['running', first.id]);
    const two = await setStatus.execute(store.handle.db, ['sent', second.id]);
    const again = await setStatus.execute(store.handle.db, ['sent', first.id]);
    expect(one.rows).toEqual([{ id: first.id, status: 'running', source: first.source }]);
    expect(two.rows).toEqual([{ id: second.id, status: 'sent', source: second.source }]);
    // The first ticket is no longer queued: the constant filter still applies.
    expect(again.rows).toEqual([]);
    expect(builds).toBe(1);
  });

  it('runs inside the caller transaction: a rollback undoes it', async () => {
    const ticket = makeTicket({ id: 'prepared-3', externalId: 'prepared-3' });
    await insertTicketIfAbsent(store.handle.db, ticket);
    const setStatus = prepareQuery<[id: string], never>((db, slot) => db.updateTable('tickets').set({ status: 'failed' }).where('id', '=', slot<string>(0)));
    const select = prepareQuery<[id: string], { status: string }>((db, slot) => db.selectFrom('tickets').select('status').where('id', '=', slot<string>(0)));
    await expect(
      store.handle.db.transaction().execute(async (transaction) => {
        const result = await setStatus.execute(transaction, [ticket.id]);
        expect(Number(result.numAffectedRows)).toBe(1);
        expect((await select.execute(transaction, [ticket.id])).rows).toEqual([{ status: 'failed' }]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await select.execute(store.handle.db, [ticket.id])).rows).toEqual([{ status: 'queued' }]);
  });
});
