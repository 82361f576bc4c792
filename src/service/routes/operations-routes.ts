/** GET /healthz (store and queue) and GET /metrics (Prometheus). */
import { sql } from 'kysely';
import type { FastifyPluginAsync } from 'fastify';
import type { ServiceContext } from '../service-context.js';
import { countOutboxByStatus } from '../store/repositories/outbox-repository.js';

export const operationsRoutes: FastifyPluginAsync<{ services: ServiceContext }> = async (app, { services }) => {
  app.get('/healthz', async (_request, reply) => {
    const store = await sql`select 1 as ok`
      .execute(services.runtime.store.db)
      .then(() => ({ ok: true }))
      .catch((error: unknown) => ({ ok: false, detail: error instanceof Error ? error.message : String(error) }));
    const queue = await services.queue
      .health()
      .catch((error: unknown) => ({ ok: false, detail: error instanceof Error ? error.message : String(error), pending: 0, active: 0 }));
    const ok = store.ok && queue.ok;
    return reply.code(ok ? 200 : 503).send({
      status: ok ? 'ok' : 'unavailable',
      store: { ...store, dialect: services.runtime.store.dialect },
      queue: { kind: services.queue.kind, ...queue },
      model: services.runtime.deps.model.modelId,
    });
  });

  app.get('/metrics', async (_request, reply) => {
    const outbox = await countOutboxByStatus(services.runtime.store.db);
    for (const [state, count] of Object.entries(outbox)) services.metrics.outboxEntries.set({ state }, count);
    reply.header('content-type', services.metrics.registry.contentType);
    return services.metrics.registry.metrics();
  });
};
