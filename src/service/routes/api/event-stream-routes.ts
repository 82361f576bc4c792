/**
 * GET /api/events/stream: server-sent events for the review console. One poller per app reads the
 * store's change signature while at least one console listens and tells every stream what changed
 * (`decisions`, `outbox`, `claims`); the console then re-reads what it shows. Authenticated like
 * every /api route (the console reads the stream with fetch, which can send the bearer header).
 */
import type { ServerResponse } from 'node:http';
import type { FastifyPluginAsync } from 'fastify';
import { changedParts, readChangeSignature, type ChangeSignature } from '../../review/change-signature.js';
import type { ServiceContext } from '../../service-context.js';

/** A comment line this often keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 15_000;

export const eventStreamRoutes: FastifyPluginAsync<{ services: ServiceContext }> = async (app, { services }) => {
  const { db } = services.runtime.store;
  const pollMs = services.config.CONSOLE_STREAM_POLL_MS;
  const streams = new Set<ServerResponse>();
  let signature: ChangeSignature | null = null;
  let poller: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let polling = false;

  const broadcast = (text: string) => {
    for (const stream of streams) stream.write(text);
  };

  async function poll() {
    if (polling) return;
    polling = true;
    try {
      const next = await readChangeSignature(db);
      const parts = signature ? changedParts(signature, next) : [];
      signature = next;
      if (parts.length > 0) broadcast(`event: changed\ndata: ${JSON.stringify({ parts })}\n\n`);
    } catch (error) {
      // A store hiccup skips one tick; the next poll compares against the last good signature.
      services.logger.warn({ err: error }, 'console event stream could not read the store');
    } finally {
      polling = false;
    }
  }

  function startPolling() {
    if (poller) return;
    poller = setInterval(() => void poll(), pollMs);
    heartbeat = setInterval(() => broadcast(': keep-alive\n\n'), HEARTBEAT_MS);
  }

  function stopPolling() {
    clearInterval(poller);
    clearInterval(heartbeat);
    poller = undefined;
    heartbeat = undefined;
    signature = null;
  }

  app.get('/events/stream', async (request, reply) => {
    // Read before answering, so a change right after the console connects is not taken as the baseline.
    if (!signature) signature = await readChangeSignature(db);
    reply.hijack();
    const stream = reply.raw;
    stream.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      // nginx buffers responses by default, which would hold events back.
      'x-accel-buffering': 'no',
    });
    stream.write(`retry: 5000\nevent: ready\ndata: ${JSON.stringify({ reviewer: request.reviewer?.name ?? null })}\n\n`);
    streams.add(stream);
    startPolling();
    request.raw.on('close', () => {
      streams.delete(stream);
      if (streams.size === 0) stopPolling();
    });
  });

  // Open streams would keep the server from closing: end them first.
  app.addHook('preClose', async () => {
    for (const stream of streams) stream.end();
    streams.clear();
    stopPolling();
  });
};
