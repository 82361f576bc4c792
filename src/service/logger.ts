/**
 * Structured logs (pino) that never carry secrets or customer PII: credentials are redacted by path,
 * and every string that reaches the log passes through the scrubber.
 */
import pino, { type Logger, type LoggerOptions } from 'pino';
import { scrubValue } from '../triage/scrubber.js';

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-signature"]',
  'req.headers["x-hub-signature"]',
  'req.headers["x-zendesk-webhook-signature"]',
  'req.headers["x-hubspot-signature-v3"]',
  'req.headers.cookie',
  '*.apiKey',
  '*.api_key',
  '*.token',
  '*.password',
  '*.secret',
  '*.accessToken',
];

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    formatters: {
      // Scrub what callers pass as structured fields (ticket text in an error, an email in a message).
      log: (object) => scrubValue(object),
    },
    hooks: {
      logMethod(args, method) {
        method.apply(
          this,
          args.map((arg) => (typeof arg === 'string' ? scrubValue(arg) : arg)) as Parameters<typeof method>,
        );
      },
    },
  };
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return destination ? pino(loggerOptions(level), destination) : pino(loggerOptions(level));
}
