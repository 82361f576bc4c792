/**
 * Triage on worker threads, so a backlog being drained does not hold up the HTTP event loop.
 * Storage stays with the caller (one writer): a thread gets the stored, scrubbed ticket and returns
 * the run recorded for the store (scrubbed and serialised there, recorded-run.ts). Each run goes to the thread with the fewest runs in
 * flight; an abort of the caller's signal is posted to the thread, which aborts that run. A thread
 * that dies fails its runs (the queue retries them) and is replaced.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Ticket } from '../../triage/types.js';
import type { Config } from '../config.js';
import type { RecordedRun } from '../recorded-run.js';
import { TriageThreadError, TriageThreadExitedError } from '../errors.js';
import { silentLogger, type Logger } from '../queue/logger.js';
import { resolveThreadEntry, THREAD_ENTRY_DIRECTORY } from './thread-entry.js';
import { createTurnTaking } from './turn-taking.js';
import { describeAbortReason, type FromThread, type ToThread, type TriageThreadData } from './thread-protocol.js';
import type { TriageExecutor, TriageRunOptions } from './triage-executor.js';

export interface TriageThreadPoolOptions {
  threads: number;
  config: Config;
  databaseUrl: string;
  schema?: string;
  /** Tests only: see TriageThreadData.dependencyHook. */
  dependencyHook?: string;
  logger?: Logger;
  /** How long a closing thread may take to close its clients before it is terminated. Default 5 s. */
  closeTimeoutMs?: number;
  /** Tests: where the thread entry lives (default: beside this module). */
  entryDirectory?: URL;
}

export interface TriageThreadPool extends TriageExecutor {
  readonly kind: 'threads';
  /** Resolves once every first thread has built its parts; rejects with the first start failure. */
  readonly started: Promise<void>;
  /** Threads running now. */
  liveThreads(): number;
  /** Threads started so far, replacements included. */
  startedThreads(): number;
}

/** TRIAGE_THREADS: "auto" is one thread per core the process may use. */
export function triageThreadCount(setting: Config['TRIAGE_THREADS']): number {
  return setting === 'auto' ? availableParallelism() : setting;
}

interface PendingRun {
  ticketId: string;
  resolve(result: RecordedRun): void;
  reject(error: Error): void;
  detach(): void;
}

interface Slot {
  readonly index: number;
  readonly worker: Worker;
  readonly runs: Map<number, PendingRun>;
  readonly ready: Promise<void>;
  isReady: boolean;
  exited: boolean;
}

export function createTriageThreadPool(options: TriageThreadPoolOptions): TriageThreadPool {
  if (!Number.isInteger(options.threads) || options.threads < 1) throw new RangeError(`a triage thread pool needs at least one thread, got ${options.threads}`);
  const logger = options.logger ?? silentLogger;
  const entry = resolveThreadEntry(options.entryDirectory ?? THREAD_ENTRY_DIRECTORY);
  const data: TriageThreadData = {
    config: options.config,
    databaseUrl: options.databaseUrl,
    ...(options.schema !== undefined ? { schema: options.schema } : {}),
    ...(options.dependencyHook !== undefined ? { dependencyHook: options.dependencyHook } : {}),
    ...(entry.typescriptEntry !== undefined ? { entry: entry.typescriptEntry } : {}),
  };
  let closing = false;
  let sequence = 0;
  let started = 0;
  const handBack = createTurnTaking();

  function spawn(index: number): Slot {
    started++;
    const worker = new Worker(entry.url, { workerData: data, name: `triage-thread-${index}` });
    let markReady!: () => void;
    let failStart!: (error: Error) => void;
    const ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      failStart = reject;
    });
    // A start failure is reported through `started` or the runs it fails, not as an unhandled rejection.
    ready.catch(() => undefined);
    const slot: Slot = { index, worker, runs: new Map(), ready, isReady: false, exited: false };
    let failure: Error | undefined;
    worker.on('message', (message: FromThread) => {
      if (message.type === 'ready') {
        slot.isReady = true;
        markReady();
        return;
      }
      const pending = slot.runs.get(message.id);
      if (!pending) return;
      slot.runs.delete(message.id);
      pending.detach();
      if (message.type === 'result') {
        handBack(() => pending.resolve(message.result));
      } else {
        const error = new TriageThreadError(message.error.message, { threadErrorName: message.error.name, isRetryable: message.error.isRetryable });
        handBack(() => pending.reject(error));
      }
    });
    worker.on('error', (error) => {
      failure = error;
    });
    worker.on('exit', (code) => {
      slot.exited = true;
      const why = failure ? failure.message : `exit code ${code}`;
      failStart(new TriageThreadExitedError(`triage thread ${index} could not start: ${why}`, { cause: failure }));
      for (const [id, pending] of slot.runs) {
        slot.runs.delete(id);
        pending.detach();
        pending.reject(new TriageThreadExitedError(`triage thread ${index} stopped (${why}) while triaging ${pending.ticketId}`, { cause: failure }));
      }
      if (closing) return;
      if (slot.isReady) {
        logger.error({ thread: index, error: why }, 'a triage thread stopped; its runs failed and are retried; starting a new thread');
        slots[index] = spawn(index);
      } else {
        // Not replaced at once (a broken setting would loop): the next run starts it again.
        logger.error({ thread: index, error: why }, 'a triage thread could not start');
      }
    });
    return slot;
  }

  const slots: Slot[] = Array.from({ length: options.threads }, (_, index) => spawn(index));

  function pickSlot(): Slot {
    for (const slot of slots) if (slot.exited) slots[slot.index] = spawn(slot.index);
    return slots.reduce((best, slot) => (slot.runs.size < best.runs.size ? slot : best));
  }

  return {
    kind: 'threads',
    started: Promise.all(slots.map((slot) => slot.ready)).then(() => undefined),
    liveThreads: () => slots.filter((slot) => !slot.exited).length,
    startedThreads: () => started,

    triage(ticket: Ticket, runOptions: TriageRunOptions = {}): Promise<RecordedRun> {
      if (closing) return Promise.reject(new TriageThreadError('the triage threads are closed', { isRetryable: true }));
      const slot = pickSlot();
      const id = ++sequence;
      const { signal } = runOptions;
      return new Promise<RecordedRun>((resolve, reject) => {
        const cancel = (): void => post(slot, { type: 'cancel', id, reason: describeAbortReason(signal?.reason) });
        signal?.addEventListener('abort', cancel, { once: true });
        slot.runs.set(id, { ticketId: ticket.id, resolve, reject, detach: () => signal?.removeEventListener('abort', cancel) });
        post(slot, { type: 'run', id, ticket, rethrowRetryableModelErrors: runOptions.rethrowRetryableModelErrors });
        if (signal?.aborted) cancel();
      });
    },

    async close(): Promise<void> {
      if (closing) return;
      closing = true;
      const closeTimeoutMs = options.closeTimeoutMs ?? 5000;
      await Promise.all(
        slots.map(async (slot) => {
          if (slot.exited) return;
          const exited = new Promise<void>((resolve) => slot.worker.once('exit', () => resolve()));
          post(slot, { type: 'close' });
          // A thread stuck in CPU work or a client that will not close is ended all the same.
          const timer = setTimeout(() => void slot.worker.terminate(), closeTimeoutMs);
          await exited;
          clearTimeout(timer);
        }),
      );
    },
  };
}

function post(slot: Slot, message: ToThread): void {
  slot.worker.postMessage(message);
}
