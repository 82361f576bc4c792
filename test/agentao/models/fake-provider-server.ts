/**
 * A real HTTP server on 127.0.0.1 (port 0) that replays scripted replies in order and records what
 * it received, so provider tests exercise the SDKs, sockets and our parsing together.
 */
import { EventEmitter, once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedReply {
  status?: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string as it is. */
  body?: unknown;
  /** `cut`: send the headers and half the body, then destroy the socket. `hang`: never answer. */
  behaviour?: 'respond' | 'cut' | 'hang';
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  body: any;
}

export interface FakeProviderServer {
  baseURL: string;
  requests: RecordedRequest[];
  /** Resolves once `count` requests have arrived (at once if they already have). */
  waitForRequests(count: number): Promise<void>;
  close(): Promise<void>;
}

export function loadFixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../fixtures/providers/${name}`, import.meta.url), 'utf8'));
}

export async function startFakeProviderServer(replies: ScriptedReply[]): Promise<FakeProviderServer> {
  const requests: RecordedRequest[] = [];
  const events = new EventEmitter();
  const pending = [...replies];

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = rawBody === '' ? undefined : JSON.parse(rawBody);
      } catch {
        body = undefined;
      }
      requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, rawBody, body });
      events.emit('request');
      const reply = pending.shift() ?? {
        status: 599,
        body: { error: { message: `The test scripted no reply for request ${requests.length}.` } },
      };
      send(response, reply);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}`,
    requests,
    async waitForRequests(count) {
      while (requests.length < count) await once(events, 'request');
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(response: ServerResponse, reply: ScriptedReply): void {
  if (reply.behaviour === 'hang') return;
  const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
  const contentType = typeof reply.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json';
  response.writeHead(reply.status ?? 200, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(text),
    ...reply.headers,
  });
  if (reply.behaviour === 'cut') {
    // Destroy only once the half body has left, so the client really sees a truncated body.
    response.write(text.slice(0, Math.floor(text.length / 2)), () => response.socket?.destroy());
    return;
  }
  response.end(text);
}
