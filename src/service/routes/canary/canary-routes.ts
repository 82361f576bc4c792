/**
 * The canary over HTTP, for the console and operators: the last reports, one report with what
 * changed, and adopting a report as the baseline. Same bearer token as the reviewer API. Also
 * puts the canary's gauges into /metrics.
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { registerCanaryMetrics } from '../../canary/canary-metrics.js';
import { HttpError } from '../../http-errors.js';
import {
  adoptCanaryReport,
  adoptedCanaryBaseline,
  getCanaryReport,
  latestFinishedCanaryReport,
  listCanaryReports,
} from '../../store/repositories/canary-report-repository.js';
import type { ServiceContext } from '../../service-context.js';
import { createReviewerDirectory } from '../../review/reviewer-directory.js';

const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(20) }).strict();
const adoptBody = z.object({ reportId: z.string().min(1).max(100).optional() }).strict();

function parseOr400<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) {
    throw new HttpError(400, 'invalid_request', parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '));
  }
  return parsed.data;
}

export const canaryRoutes: FastifyPluginAsync<{ services: ServiceContext }> = async (app, { services }) => {
  const { db } = services.runtime.store;
  registerCanaryMetrics(services.metrics.registry, db);

  const reviewers = createReviewerDirectory(services.reviewerToken, services.config.REVIEWER_TOKENS ?? []);
  app.addHook('onRequest', async (request) => {
    if (!reviewers.authenticate(request.headers.authorization)) {
      throw new HttpError(401, 'unauthorized', 'send Authorization: Bearer <REVIEWER_TOKEN>');
    }
  });

  app.get('/reports', async (request) => {
    const { limit } = parseOr400(listQuery, request.query);
    const [reports, baseline] = await Promise.all([listCanaryReports(db, limit), adoptedCanaryBaseline(db)]);
    return { baselineId: baseline?.id ?? null, reports };
  });

  app.get<{ Params: { id: string } }>('/reports/:id', async (request) => {
    const report = await getCanaryReport(db, request.params.id);
    if (!report) throw new HttpError(404, 'not_found', `no canary report with id "${request.params.id}"`);
    return report;
  });

  app.post('/adopt', async (request) => {
    const { reportId } = parseOr400(adoptBody, request.body);
    const target = reportId ? await getCanaryReport(db, reportId) : await latestFinishedCanaryReport(db);
    if (!target) throw new HttpError(404, 'not_found', reportId ? `no canary report with id "${reportId}"` : 'no finished canary report to adopt');
    if (target.status !== 'finished') throw new HttpError(409, 'not_finished', `canary report ${target.id} is ${target.status}: only a finished report can be the baseline`);
    const adopted = await adoptCanaryReport(db, target.id);
    return { reportId: adopted.id, adoptedAt: adopted.adoptedAt };
  });
};
