/**
 * Group commit for the writes of one SQLite process. The process has one SQLite connection and
 * every transaction runs on it in turn, so writes that arrive together are run in ONE transaction:
 * one commit (one fsync with synchronous=FULL, one WAL append with NORMAL) for the group, and each
 * caller is answered only after the commit that holds its rows. The store hands this out as
 * `StoreHandle.transact`: webhook accepts, the queue's claims, the decisions of tickets whose
 * triage ended together and the delivered marks of replies posted together share commits. Nothing
 * waits on a timer: a group is what was submitted in one turn of the event loop (the flush runs in
 * the next `setImmediate`), so a lone write is committed at once.
 *
 * A write that throws rolls its whole group back; the group is then run again one write per
 * transaction, so a failure stays with the caller that caused it. Writes must therefore be safe
 * to run twice when the first run rolled back: they only write through the transaction, and
 * await nothing but the transaction (a write that waited on another write's commit would wait
 * forever inside the group).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database.js';

export interface GroupCommit {
  run<T>(work: (transaction: Transaction<Database>) => Promise<T>): Promise<T>;
}

interface Pending {
  work: (transaction: Transaction<Database>) => Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

export interface GroupCommitOptions {
  /** Writes per transaction at most. Default 64. */
  maxGroupSize?: number;
  /** Called with the size of every group committed (for tests and metrics). */
  onCommit?(size: number): void;
}

export function createGroupCommit(db: Kysely<Database>, options: GroupCommitOptions = {}): GroupCommit {
  const maxGroupSize = options.maxGroupSize ?? 64;
  let pending: Pending[] = [];
  let flushing = false;

  async function commitAlone(item: Pending): Promise<void> {
    try {
      item.resolve(await db.transaction().execute(item.work));
      options.onCommit?.(1);
    } catch (error) {
      item.reject(error);
    }
  }

  async function commitGroup(group: Pending[]): Promise<void> {
    if (group.length === 1) return commitAlone(group[0]!);
    let results: unknown[];
    try {
      results = await db.transaction().execute(async (transaction) => {
        const values: unknown[] = [];
        for (const item of group) values.push(await item.work(transaction));
        return values;
      });
    } catch {
      for (const item of group) await commitAlone(item);
      return;
    }
    options.onCommit?.(group.length);
    group.forEach((item, index) => item.resolve(results[index]));
  }

  async function flush(): Promise<void> {
    try {
      while (pending.length > 0) {
        const group = pending.slice(0, maxGroupSize);
        pending = pending.slice(group.length);
        await commitGroup(group);
      }
    } finally {
      flushing = false;
    }
  }

  return {
    run<T>(work: (transaction: Transaction<Database>) => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
        if (flushing) return;
        flushing = true;
        // After the poll phase: every request parsed in this turn joins the group.
        setImmediate(() => void flush());
      });
    },
  };
}
