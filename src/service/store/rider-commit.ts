/**
 * Writes that need not commit at once ride along with the next transaction of the process, on
 * PostgreSQL: a delivered mark written at the start of the next ticket's transaction costs two
 * statements instead of a transaction of its own (begin, two statements, commit: two round trips
 * saved). A rider that finds no transaction to join within `maxDelayMs` commits alone. SQLite gets
 * the same from its group commit (group-commit.ts) and does not use this.
 *
 * A rider's promise resolves only after the commit that holds it. When that transaction fails,
 * whose failure it was is unknown: each rider then commits alone and the work runs again alone, so
 * a failure stays with its own caller. Like group commit, work must be safe to run again after a
 * rollback and must await only the transaction.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database.js';

type Work<T> = (transaction: Transaction<Database>) => Promise<T>;

interface Rider {
  work: Work<unknown>;
  resolve(): void;
  reject(error: unknown): void;
}

export interface RiderCommit {
  /** Runs `work` in a transaction, with the riders waiting at that moment written first. */
  transact<T>(work: Work<T>): Promise<T>;
  /** Commits `work` with the next `transact` or `statement`, or alone after at most `maxDelayMs`. */
  later(work: Work<unknown>): Promise<void>;
  /**
   * For work that is one statement: run alone (its own implicit transaction, one round trip) when
   * no rider waits, else as `transact` does, after the riders in one transaction.
   */
  statement<T>(work: (executor: Kysely<Database> | Transaction<Database>) => Promise<T>): Promise<T>;
}

export interface RiderCommitOptions {
  /** How long a rider waits for a transaction to join. Default 50 ms. */
  maxDelayMs?: number;
}

export function createRiderCommit(db: Kysely<Database>, options: RiderCommitOptions = {}): RiderCommit {
  const maxDelayMs = options.maxDelayMs ?? 50;
  let riders: Rider[] = [];
  let timer: NodeJS.Timeout | undefined;

  function take(): Rider[] {
    const taken = riders;
    riders = [];
    clearTimeout(timer);
    timer = undefined;
    return taken;
  }

  async function commitAlone(rider: Rider): Promise<void> {
    try {
      await db.transaction().execute(rider.work);
      rider.resolve();
    } catch (error) {
      rider.reject(error);
    }
  }

  const commit: RiderCommit = {
    async transact<T>(work: Work<T>): Promise<T> {
      const taken = take();
      if (taken.length === 0) return db.transaction().execute(work);
      let result: T;
      try {
        result = await db.transaction().execute(async (transaction) => {
          for (const rider of taken) await rider.work(transaction);
          return work(transaction);
        });
      } catch {
        for (const rider of taken) await commitAlone(rider);
        return db.transaction().execute(work);
      }
      for (const rider of taken) rider.resolve();
      return result;
    },

    later(work) {
      return new Promise<void>((resolve, reject) => {
        riders.push({ work, resolve, reject });
        timer ??= setTimeout(() => {
          for (const rider of take()) void commitAlone(rider);
        }, maxDelayMs);
      });
    },

    statement(work) {
      return riders.length === 0 ? work(db) : commit.transact(work);
    },
  };
  return commit;
}
