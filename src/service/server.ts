/**
 * `triage serve`: the HTTP service (webhooks, API, console) with in-process queue workers. It runs
 * inside the worker process's lifecycle, so start-up, SIGTERM handling and shutdown are the same as
 * `triage worker`: on SIGTERM the HTTP server stops accepting first, then in-flight jobs finish or
 * are released.
 */
import type { Config } from './config.js';
import { buildApp } from './app.js';
import type { CanarySchedule, Clock } from './canary/timer-schedule.js';
import { createLogger } from './logger.js';
import { createMetrics } from './metrics.js';
import { createOutboxDispatcher } from './outbox/outbox-dispatcher.js';
import { connectorsFromConfig } from './worker/connectors-from-config.js';
import { runWorkerProcess, type WorkerProcessOptions } from './worker/worker-process.js';
import { ServiceStartError } from './errors.js';
import { parsePort } from './serve/listen-port.js';
import { resolveReviewerToken } from './serve/reviewer-token.js';
import { startServiceCanary } from './serve/start-service-canary.js';

export { runWorkerProcess };

export interface ServeOptions {
  port?: string | number;
  host?: string;
  /** Where log lines go (the CLI passes stderr). */
  log?: (line: string) => void;
  /** Called once the server listens, with its address and a stop function (same as SIGTERM). */
  onListening?(address: string, stop: () => void): void;
  worker?: Omit<WorkerProcessOptions, 'onReady' | 'onStopping' | 'logger' | 'log'>;
  /** The canary timer's clock on SQLite (tests drive it). */
  canaryClock?: Clock;
}

export async function serve(config: Config, options: ServeOptions = {}): Promise<void> {
  const port = parsePort(options.port, config.PORT);
  const host = options.host ?? config.HOST;
  const logger = createLogger(config.LOG_LEVEL, options.log ? { write: options.log } : undefined);
  const metrics = createMetrics();
  const connectors = options.worker?.connectors ?? connectorsFromConfig(config);
  const reviewerToken = resolveReviewerToken({
    configured: config.REVIEWER_TOKEN,
    host,
    port,
    log: options.log ?? ((line: string) => process.stderr.write(line)),
  });
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let listenError: unknown;
  let canary: CanarySchedule | undefined;
  await runWorkerProcess(config, {
    ...options.worker,
    connectors,
    logger,
    observeOutcome: (decision, seconds) => metrics.observeOutcome(decision, seconds),
    observeFailure: () => metrics.failed.inc(),
    observeDeliveryFailure: (kind) => metrics.outboxDeliveriesFailed.inc({ kind }),
    async onReady(running) {
      const dispatcher = createOutboxDispatcher({
        db: running.runtime.store.db,
        store: running.runtime.store,
        connectors,
        logger,
        cipher: running.runtime.outboxCipher,
        onGiveUp: (entry) => metrics.outboxDeliveriesFailed.inc({ kind: entry.kind }),
      });
      app = await buildApp({
        config,
        runtime: running.runtime,
        queue: running.queue,
        connectors,
        metrics,
        logger,
        reviewerToken,
        dispatch: async (ticketId) => {
          await dispatcher.dispatch(ticketId);
        },
      });
      try {
        const address = await app.listen({ port, host });
        logger.info({ address }, 'triage service listening');
        canary = await startServiceCanary({
          config,
          store: running.runtime.store,
          logger,
          ...(options.canaryClock ? { clock: options.canaryClock } : {}),
        });
        options.onListening?.(address, () => running.stop());
      } catch (error) {
        logger.error({ error: error instanceof Error ? error.message : String(error) }, 'cannot listen');
        listenError = error;
        running.stop();
      }
    },
    onStopping: () => {
      // Stop taking webhooks before the workers drain; a helpdesk retries what it could not deliver.
      void app?.close();
      void canary?.stop();
    },
  });
  await app?.close();
  // A supervisor must see a service that never listened (EADDRINUSE, EACCES) as a failure: exit 1.
  if (listenError !== undefined) {
    const reason = listenError instanceof Error ? listenError.message : String(listenError);
    throw new ServiceStartError(`cannot listen on ${host}:${port}: ${reason}`, { cause: listenError });
  }
}
