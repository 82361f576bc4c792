/**
 * A helpdesk stand-in for the generic connector's GENERIC_REPLY_URL: a node:http server on
 * 127.0.0.1 that records every request and honours Idempotency-Key (a repeated key gets the first
 * answer again and creates nothing), as a real helpdesk's idempotent API does.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Condition } from '../../queue/support/deferred.js';

export interface RecordedRequest {
  idempotencyKey: string | undefined;
  body: { ticketId: string; externalId: string; text: string; public: boolean; tags?: string[] };
  /** False when the key had been seen: the helpdesk created nothing. */
  created: boolean;
}

export interface StandInHelpdesk {
  readonly replyUrl: string;
  /** Every request, in arrival order. */
  readonly requests: RecordedRequest[];
  /** What the helpdesk created: one entry per distinct idempotency key. */
  created(): RecordedRequest[];
  /** The next `count` requests fail with `status` (and create nothing). */
  failNext(count: number, status: number, headers?: Record<string, string>): void;
  until(predicate: (helpdesk: StandInHelpdesk) => boolean): Promise<void>;
  close(): Promise<void>;
}

export async function startStandInHelpdesk(): Promise<StandInHelpdesk> {
  const requests: RecordedRequest[] = [];
  const answers = new Map<string, string>();
  const failures: { status: number; headers: Record<string, string> }[] = [];
  const condition = new Condition();
  let nextId = 1;

  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const failure = failures.shift();
      if (failure) {
        response.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers });
        response.end(JSON.stringify({ error: 'stand-in failure' }));
        return;
      }
      const key = header(request, 'idempotency-key');
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as RecordedRequest['body'];
      const seen = key !== undefined ? answers.get(key) : undefined;
      const id = seen ?? `reply-${nextId++}`;
      if (key !== undefined && seen === undefined) answers.set(key, id);
      requests.push({ idempotencyKey: key, body, created: seen === undefined });
      response.writeHead(seen === undefined ? 201 : 200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ id }));
      condition.changed();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const helpdesk: StandInHelpdesk = {
    replyUrl: `http://127.0.0.1:${port}/reply`,
    requests,
    created: () => requests.filter((entry) => entry.created),
    failNext(count, status, headers = {}) {
      for (let index = 0; index < count; index += 1) failures.push({ status, headers });
    },
    until: (predicate) => condition.until(() => predicate(helpdesk)),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
  return helpdesk;
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
