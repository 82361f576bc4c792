import type { Logger } from 'pino';
import type { Connectors } from './connectors/index.js';
import type { Config } from './config.js';
import type { TriageMetrics } from './metrics.js';
import type { JobQueue } from './queue/job-queue.js';
import type { TriageRuntime } from './triage-runtime.js';

/** What the HTTP routes share: built once by the server (or a test) and passed to buildApp. */
export interface ServiceContext {
  config: Config;
  runtime: TriageRuntime;
  queue: JobQueue;
  connectors: Connectors;
  metrics: TriageMetrics;
  logger: Logger;
  reviewerToken: string;
  /** Delivers a ticket's pending outbox rows now (after a reviewer's approval). */
  dispatch?(ticketId: string): Promise<void>;
  onAccepted?(results: { ticketId: string; status: 'queued' | 'duplicate' }[]): void;
}
