/**
 * SQLite's WAL checkpoints on a thread of their own. By default the connection that commits runs a
 * checkpoint whenever the WAL passes 1,000 pages, inside that commit: on the service's one
 * connection that is the event loop answering webhooks, and a checkpoint there took 10-30 ms on
 * the benchmark machine (a group commit's p99 fell from 9-10 ms to 4-5 ms without them,
 * docs/benchmarks.md). This thread runs PASSIVE checkpoints on its own connection every
 * `intervalMs`; PASSIVE never waits for readers or writers, so the main connection keeps
 * committing meanwhile. The main connection keeps a far higher automatic threshold as a backstop,
 * should this thread stop.
 *
 * The thread is plain CommonJS evaluated from a string (nothing of this project is imported there),
 * so it runs the same from the sources and from dist/.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Pages the main connection lets the WAL grow to before it checkpoints itself (about 40 MB). */
export const BACKSTOP_AUTOCHECKPOINT_PAGES = 10_000;

export interface CheckpointResult {
  /** `PRAGMA wal_checkpoint(PASSIVE)`: frames in the WAL, and how many of them are now in the database file. */
  log: number;
  checkpointed: number;
}

export interface WalCheckpointer {
  close(): Promise<void>;
}

export interface WalCheckpointerOptions {
  filename: string;
  /** Default 1,000 ms. */
  intervalMs?: number;
  /** Every checkpoint's result (tests, metrics). */
  onCheckpoint?(result: CheckpointResult): void;
  /** A checkpoint that failed (the database busy or gone); the next interval tries again. */
  onError?(message: string): void;
}

const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.filename);
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ type: 'checkpoint', log: row.log, checkpointed: row.checkpointed });
  } catch (error) {
    parentPort.postMessage({ type: 'error', message: String(error && error.message || error) });
  }
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export function startWalCheckpointer(options: WalCheckpointerOptions): WalCheckpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(THREAD_SOURCE, {
    eval: true,
    name: 'sqlite-wal-checkpointer',
    workerData: { driver, filename: options.filename, intervalMs: options.intervalMs ?? 1_000 },
  });
  // Nothing waits on it: the process may exit while it sleeps.
  worker.unref();
  worker.on('message', (message: { type: 'checkpoint'; log: number; checkpointed: number } | { type: 'error'; message: string }) => {
    if (message.type === 'checkpoint') options.onCheckpoint?.({ log: message.log, checkpointed: message.checkpointed });
    else options.onError?.(message.message);
  });
  // A thread that could not open the file is reported once; the backstop threshold still holds.
  worker.on('error', (error) => options.onError?.(error.message));
  let exited = false;
  const exit = new Promise<void>((resolve) => {
    worker.once('exit', () => {
      exited = true;
      resolve();
    });
  });
  let closed: Promise<void> | undefined;
  return {
    close() {
      closed ??= (async () => {
        if (exited) return;
        // Referenced again while closing: an unreferenced thread's exit would not keep this
        // process alive long enough to hear of it, and whoever awaits close() would never resume.
        worker.ref();
        worker.postMessage('close');
        // A thread stuck on a busy database is ended all the same.
        const timer = setTimeout(() => void worker.terminate(), 2_000);
        await exit;
        clearTimeout(timer);
      })();
      return closed;
    },
  };
}
