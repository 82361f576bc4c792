/** GET / - the review console: static files from web/, no build step. */
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import { PROJECT_ROOT } from '../../paths.js';

export const WEB_DIRECTORY = resolve(PROJECT_ROOT, 'web');

export const consoleRoutes: FastifyPluginAsync = async (app) => {
  await app.register(fastifyStatic, { root: WEB_DIRECTORY, prefix: '/', index: ['index.html'], wildcard: false });
};
