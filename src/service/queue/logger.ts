/**
 * The part of pino the queue, the worker and the outbox use, so tests can pass a recorder and
 * production passes a pino logger unchanged.
 */
export interface Logger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  /** Alert level: someone should look (a ticket handed to a human, a reply that cannot be delivered). */
  error(fields: Record<string, unknown>, message: string): void;
}

export const silentLogger: Logger = Object.freeze({
  info() {},
  warn() {},
  error() {},
});
