/**
 * buildApp(): the Fastify application with its routes, separate from server.ts so tests use
 * app.inject() and the benchmark can run it in-process.
 */
import Fastify, { type FastifyError } from 'fastify';
import { ConfigError, InputError } from './errors.js';
import { errorBody, HttpError } from './http-errors.js';
import { apiRoutes } from './routes/api/api-routes.js';
import { canaryRoutes } from './routes/canary/canary-routes.js';
import { consoleRoutes } from './routes/console/console-routes.js';
import { registerRateLimit } from './rate-limit.js';
import { operationsRoutes } from './routes/operations-routes.js';
import { webhookRoutes } from './routes/webhooks/webhook-routes.js';
import { isTransientStoreError } from './store/errors.js';
import type { ServiceContext } from './service-context.js';

/** A webhook carrying more than this is refused with 413 (tickets are capped far below). */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Fastify's JSON parser rethrows JSON.parse's SyntaxError with a 400 status on it; ours carry none. */
function isBodyParserSyntaxError(error: unknown): boolean {
  return error instanceof SyntaxError && (error as { statusCode?: number }).statusCode === 400;
}

export async function buildApp(services: ServiceContext) {
  const app = Fastify({
    loggerInstance: services.logger,
    bodyLimit: BODY_LIMIT_BYTES,
    // Our own ids make log lines of one request easy to find.
    genReqId: () => crypto.randomUUID(),
  });

  app.setErrorHandler((error: FastifyError | HttpError | Error, request, reply) => {
    if (error instanceof HttpError) return reply.code(error.statusCode).send(errorBody(error.code, error.message));
    if (error instanceof InputError) return reply.code(error.statusCode).send(errorBody(error.code, error.message));
    if (error instanceof ConfigError) return reply.code(503).send(errorBody('not_configured', error.message));
    const fastifyError = error as FastifyError;
    if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.code(413).send(errorBody('body_too_large', `the body is larger than ${BODY_LIMIT_BYTES} bytes`));
    }
    if (fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.code(415).send(errorBody('unsupported_media_type', 'send application/json'));
    }
    // Only the body parsers' own errors mean "your JSON is bad": a SyntaxError thrown by our code is a bug.
    if (fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || isBodyParserSyntaxError(error)) {
      return reply.code(400).send(errorBody('malformed_json', 'the body is not valid JSON'));
    }
    if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
      return reply.code(fastifyError.statusCode).send(errorBody(fastifyError.code ?? 'bad_request', fastifyError.message));
    }
    if (isTransientStoreError(error)) {
      request.log.error({ err: error, errorId: request.id }, 'store unavailable');
      return reply.code(503).send(errorBody('unavailable', `the store is unavailable; it is safe to retry (error id ${request.id})`));
    }
    // A bug: 500 with an id that finds the stack trace in the log, never "safe to retry".
    request.log.error({ err: error, errorId: request.id }, 'request failed');
    return reply.code(500).send(errorBody('internal', `internal error (error id ${request.id})`));
  });
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send(errorBody('not_found', `no route for ${request.method} ${request.url.split('?')[0]}`));
  });

  const perMinute = services.config.RATE_LIMIT_PER_MINUTE;
  // Before every route's own hooks (the API's token check): see rate-limit.ts.
  if (perMinute > 0) await registerRateLimit(app, perMinute);

  await app.register(operationsRoutes, { services });
  await app.register(webhookRoutes, { prefix: '/webhooks', services });
  await app.register(apiRoutes, { prefix: '/api', services });
  await app.register(canaryRoutes, { prefix: '/api/canary', services });
  await app.register(consoleRoutes);
  return app;
}
export type TriageApp = Awaited<ReturnType<typeof buildApp>>;
