/** GET /healthz (store, queue and backlog; see health/health-report.ts) and GET /metrics (Prometheus). */
import type { FastifyPluginAsync } from 'fastify';
import { registerBacklogMetrics } from '../health/backlog-metrics.js';
import { buildHealthReport, type HealthThresholds } from '../health/health-report.js';
import { createStoreProbe } from '../health/store-probe.js';
import type { ServiceContext } from '../service-context.js';

export const operationsRoutes: FastifyPluginAsync<{ services: ServiceContext }> = async (app, { services }) => {
  const { config } = services;
  const thresholds: HealthThresholds = {
    maxQueueDepth: config.HEALTH_MAX_QUEUE_DEPTH,
    maxJobAgeSeconds: config.HEALTH_MAX_JOB_AGE_SECONDS,
    timeoutMs: config.HEALTH_CHECK_TIMEOUT_MS,
  };
  const probe = createStoreProbe(services.runtime.store);
  app.addHook('onClose', async () => probe.close());
  registerBacklogMetrics(services.metrics.registry, {
    queue: services.queue,
    db: services.runtime.store.db,
    timeoutMs: config.HEALTH_CHECK_TIMEOUT_MS,
  });

  app.get('/healthz', async (_request, reply) => {
    const report = await buildHealthReport(probe, services.queue, thresholds);
    return reply.code(report.ok ? 200 : 503).send({
      status: report.ok ? 'ok' : 'unavailable',
      failing: report.failing,
      store: { ...report.store, dialect: services.runtime.store.dialect },
      queue: {
        kind: services.queue.kind,
        ...report.queue,
        maxDepth: thresholds.maxQueueDepth,
        maxJobAgeSeconds: thresholds.maxJobAgeSeconds,
      },
      model: services.runtime.deps.model.modelId,
    });
  });

  app.get('/metrics', async (_request, reply) => {
    reply.header('content-type', services.metrics.registry.contentType);
    return services.metrics.registry.metrics();
  });
};
