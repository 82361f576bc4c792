/**
 * A helpdesk stand-in for GENERIC_REPLY_URL that fails on purpose, from a seeded sequence so a run
 * can be repeated: a share of requests answer 500, a share 429 (Retry-After: 1), a share hang
 * (never answered; the connector's timeout ends them), the rest create a reply. It does NOT honour
 * Idempotency-Key, as Zendesk, Intercom and HubSpot document none for these calls: every 2xx is a
 * reply the customer sees, so two for one ticket is a double.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface FailureShares {
  serverError: number;
  tooManyRequests: number;
  hang: number;
}

export interface FlakyHelpdesk {
  readonly replyUrl: string;
  /** Replies created (2xx answered), by ticket id. */
  readonly created: Map<string, number>;
  readonly answered: { ok: number; serverError: number; tooManyRequests: number; hung: number };
  setShares(shares: FailureShares): void;
  close(): Promise<void>;
}

/** mulberry32: a small seeded generator, enough to make a run repeatable. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

export async function startFlakyHelpdesk(shares: FailureShares, seed = 14): Promise<FlakyHelpdesk> {
  const random = seeded(seed);
  let current = shares;
  const created = new Map<string, number>();
  const answered = { ok: 0, serverError: 0, tooManyRequests: 0, hung: 0 };
  const sockets = new Set<Socket>();
  const hanging = new Set<ServerResponse>();

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const draw = random();
      if (draw < current.serverError) {
        answered.serverError += 1;
        response.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"stand-in 500"}');
        return;
      }
      if (draw < current.serverError + current.tooManyRequests) {
        answered.tooManyRequests += 1;
        response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' }).end('{"error":"slow down"}');
        return;
      }
      if (draw < current.serverError + current.tooManyRequests + current.hang) {
        answered.hung += 1;
        hanging.add(response);
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { ticketId: string };
      created.set(body.ticketId, (created.get(body.ticketId) ?? 0) + 1);
      answered.ok += 1;
      response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `reply-${answered.ok}` }));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    replyUrl: `http://127.0.0.1:${port}/reply`,
    created,
    answered,
    setShares(next) {
      current = next;
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      hanging.clear();
      await closed;
    },
  };
}
