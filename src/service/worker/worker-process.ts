/**
 * `triage worker`: one process that takes triage jobs until SIGTERM or SIGINT. It builds the
 * runtime (store, model, CRM, KB), the queue (pg-boss on PostgreSQL, so several of these processes
 * on several machines share the work; the jobs-table queue on SQLite), the helpdesk connectors and
 * the outbox dispatcher.
 *
 * A database that cannot be reached at start-up is waited for (wait-for-database.ts), and one that
 * goes away later does not end the process (connection-loss-guard.ts).
 *
 * Shutdown is graceful: on the first signal it stops taking jobs, lets in-flight ones finish for
 * up to `stopTimeoutMs`, then aborts and releases the rest (they run again elsewhere), closes the
 * runtime, and resolves, so the CLI exits 0.
 */
import type { TriageDecision } from '../../triage/types.js';
import type { Config } from '../config.js';
import type { Connectors } from '../connectors/create-connectors.js';
import { createLogger } from '../logger.js';
import { createOutboxDispatcher } from '../outbox/outbox-dispatcher.js';
import { createJobQueue, type JobQueueSettings } from '../queue/create-job-queue.js';
import { errorMessage, type JobQueue } from '../queue/job-queue.js';
import type { Logger } from '../queue/logger.js';
import { createTriageRuntime, type RuntimeOverrides, type TriageRuntime } from '../triage-runtime.js';
import { triageThreadCount } from '../triage-threads/triage-thread-pool.js';
import { guardAgainstConnectionLoss } from './connection-loss-guard.js';
import { connectorsFromConfig } from './connectors-from-config.js';
import { openWhenDatabaseAnswers } from './wait-for-database.js';
import { createFailedJobHandler, createWorker, type Worker } from './worker.js';

export interface WorkerProcessOptions {
  /** Where log lines go (the CLI passes stderr). Default: stdout. */
  log?: (line: string) => void;
  /** A logger to use instead of a pino logger built from LOG_LEVEL. */
  logger?: Logger;
  runtimeOverrides?: RuntimeOverrides;
  queue?: JobQueueSettings;
  /** Default: the helpdesks the settings configure. */
  connectors?: Connectors;
  /** Default: WORKER_CONCURRENCY. */
  concurrency?: number;
  /** How long in-flight jobs may finish after a stop signal. Default 30 s. */
  stopTimeoutMs?: number;
  sweepIntervalMs?: number;
  /** Default SIGTERM and SIGINT. */
  signals?: readonly NodeJS.Signals[];
  /** Metrics hooks, passed to the worker. */
  observeOutcome?(decision: TriageDecision, seconds: number): void;
  observeFailure?(): void;
  /** An outbox entry given up (marked failed). */
  observeDeliveryFailure?(kind: 'send' | 'draft'): void;
  /** Called once the worker takes jobs. */
  onReady?(process: RunningWorker): void;
  /** Called when a stop begins, with the signal (or "stop"), before in-flight jobs finish. */
  onStopping?(reason: string): void;
}

export interface RunningWorker {
  readonly runtime: TriageRuntime;
  readonly queue: JobQueue;
  readonly worker: Worker;
  /** Same as a stop signal. */
  stop(): void;
}

export async function runWorkerProcess(config: Config, options: WorkerProcessOptions = {}): Promise<void> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL, options.log ? { write: options.log } : undefined);
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  const stopTimeoutMs = options.stopTimeoutMs ?? 30_000;
  let requestStop!: (reason: string) => void;
  const stopRequested = new Promise<string>((resolve) => {
    requestStop = resolve;
  });
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn({ signal }, 'already stopping; in-flight jobs are released when the stop timeout ends');
      return;
    }
    stopping = true;
    requestStop(signal);
  };
  // Listening before anything slow starts: a SIGTERM during start-up still stops gracefully.
  for (const signal of signals) process.on(signal, onSignal);
  const removeGuard = guardAgainstConnectionLoss(logger);

  // A stop while waiting for the database ends the wait; the process then exits 0.
  const startup = new AbortController();
  void stopRequested.then(() => startup.abort());
  const runtimeOverrides: RuntimeOverrides = {
    warn: (message) => logger.warn({}, message),
    logger,
    // The triage runs on worker threads, off the event loop that accepts webhooks (TRIAGE_THREADS).
    triageThreads: triageThreadCount(config.TRIAGE_THREADS),
    // Nor does SQLite's WAL checkpoint run on that event loop.
    walCheckpointThread: true,
    ...options.runtimeOverrides,
  };
  const runtime = await openWhenDatabaseAnswers(() => createTriageRuntime(config, runtimeOverrides), {
    logger,
    signal: startup.signal,
  });
  if (!runtime) {
    for (const signal of signals) process.off(signal, onSignal);
    removeGuard();
    logger.info({}, 'stopped before the database could be reached');
    return;
  }
  try {
    if (runtime.outboxKeyOrigin.source === 'created-key-file') {
      // Undelivered replies are sealed with this key: without it they cannot be sent.
      logger.warn({ file: runtime.outboxKeyOrigin.file }, 'created a new outbox key file; back it up with the database');
    }
    const connectors = options.connectors ?? connectorsFromConfig(config);
    const dispatcher = createOutboxDispatcher({
      db: runtime.store.db,
      store: runtime.store,
      connectors,
      logger,
      cipher: runtime.outboxCipher,
      ...(options.observeDeliveryFailure ? { onGiveUp: (entry) => options.observeDeliveryFailure?.(entry.kind) } : {}),
    });
    const queue = await createJobQueue({
      store: runtime.store,
      databaseUrl: options.runtimeOverrides?.databaseUrl ?? config.DATABASE_URL,
      onFailed: createFailedJobHandler({ runtime, dispatcher, logger }),
      logger,
      ...pgBossExpiry(config.QUEUE_JOB_EXPIRE_SECONDS),
      ...options.queue,
    });
    const concurrency = options.concurrency ?? config.WORKER_CONCURRENCY;
    const worker = createWorker({
      runtime,
      queue,
      dispatcher,
      connectors,
      concurrency,
      logger,
      ...(options.sweepIntervalMs !== undefined ? { sweepIntervalMs: options.sweepIntervalMs } : {}),
      ...(options.observeOutcome ? { observeOutcome: options.observeOutcome } : {}),
      ...(options.observeFailure ? { observeFailure: options.observeFailure } : {}),
    });
    try {
      await worker.start();
      logger.info({ queue: queue.kind, concurrency, store: runtime.store.dialect, triage: runtime.executor.kind }, 'triage worker ready');
      options.onReady?.({
        runtime,
        queue,
        worker,
        stop: () => {
          stopping = true;
          requestStop('stop');
        },
      });
      const reason = await stopRequested;
      logger.info({ reason, stopTimeoutMs }, 'stopping: taking no new jobs, finishing in-flight ones');
      const stopped = worker.stop({ timeoutMs: stopTimeoutMs });
      options.onStopping?.(reason);
      await stopped;
    } finally {
      await worker.stop({ timeoutMs: stopTimeoutMs });
    }
  } catch (error) {
    logger.error({ error: errorMessage(error) }, 'triage worker failed');
    throw error;
  } finally {
    for (const signal of signals) process.off(signal, onSignal);
    await runtime.close();
    removeGuard();
  }
  logger.info({}, 'triage worker stopped');
}

/**
 * pg-boss expires runs only in its maintenance round, so a crashed worker's ticket waits for up to
 * expiry + maintenance interval: the interval follows a short expiry, never more than pg-boss's 60 s.
 */
function pgBossExpiry(expireInSeconds: number): Pick<JobQueueSettings, 'expireInSeconds' | 'maintenanceIntervalSeconds'> {
  return { expireInSeconds, maintenanceIntervalSeconds: Math.max(1, Math.min(60, Math.floor(expireInSeconds / 2))) };
}
