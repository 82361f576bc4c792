/**
 * Structured logs (pino) that never carry secrets or customer PII: credentials are redacted by path,
 * and every string that reaches the log passes through the scrubber, including URLs (a token sent
 * as `?token=`), the fields of class instances and what pino's serializers produce (they run after
 * the log formatter, so their output is scrubbed again here).
 */
import pino, { type Logger, type LoggerOptions, type SerializerFn } from 'pino';
import { scrubText, scrubValue } from '../triage/scrubber.js';

const scrubFields = <T>(value: T): T => scrubValue(value, { walkInstances: true });

/** A request as Fastify logs it: method, the URL with its query scrubbed, where it came from. */
function serializeRequest(request: { method?: string; url?: string; hostname?: string; ip?: string; socket?: { remotePort?: number } }) {
  return scrubFields({
    method: request.method,
    url: typeof request.url === 'string' ? scrubText(request.url).text : undefined,
    hostname: request.hostname,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  });
}

function serializeResponse(reply: { statusCode?: number }) {
  return { statusCode: reply.statusCode };
}

const serializeError: SerializerFn = (error) => scrubFields(pino.stdSerializers.err(error));

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
    serializers: { req: serializeRequest, res: serializeResponse, err: serializeError },
    formatters: {
      // Scrub what callers pass as structured fields (ticket text in an error, an email in a message).
      // A request or reply is left to its serializer below, which reads its getters (url, method)
      // and scrubs what it keeps; copying the instance here would lose them.
      log: (object) => {
        const { req, res, ...fields } = object;
        const scrubbed = scrubFields(fields);
        if (req !== undefined) scrubbed.req = req;
        if (res !== undefined) scrubbed.res = res;
        return scrubbed;
      },
    },
    hooks: {
      logMethod(args, method) {
        method.apply(
          this,
          args.map((arg) => (typeof arg === 'string' ? scrubText(arg).text : arg)) as Parameters<typeof method>,
        );
      },
    },
  };
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return destination ? pino(loggerOptions(level), destination) : pino(loggerOptions(level));
}
