/**
 * A stand-in for a helpdesk API on 127.0.0.1 (port 0): records every request and answers from a
 * handler, so tests check exactly what a connector sent.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path and query as received. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body parsed as JSON, undefined when empty or not JSON. */
  json: unknown;
}

export type StandInAnswer =
  | { status: number; json?: unknown; text?: string; headers?: Record<string, string> }
  /** Accept the request and never answer: for timeouts. */
  | 'never'
  /** Accept the request and close the connection without an answer: a dropped connection. */
  | 'drop';

export type StandInHandler = (request: RecordedRequest) => StandInAnswer;

export interface StandInServer {
  baseUrl: string;
  requests: RecordedRequest[];
  /** Resolves with the next request the stand-in receives: lets a test wait for it instead of sleeping. */
  nextRequest(): Promise<RecordedRequest>;
  /** Replaces the handler for the next requests. */
  answer(handler: StandInHandler): void;
  close(): Promise<void>;
}

export async function startStandInServer(handler: StandInHandler = () => ({ status: 200, json: {} })): Promise<StandInServer> {
  let current = handler;
  const requests: RecordedRequest[] = [];
  const pending = new Set<ServerResponse>();
  let waiters: Array<(request: RecordedRequest) => void> = [];

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = body === '' ? undefined : JSON.parse(body);
      } catch {
        json = undefined;
      }
      const recorded: RecordedRequest = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body,
        json,
      };
      requests.push(recorded);
      const notify = waiters;
      waiters = [];
      for (const waiter of notify) waiter(recorded);
      const answer = current(recorded);
      if (answer === 'never') {
        pending.add(response);
        return;
      }
      if (answer === 'drop') {
        response.socket?.destroy();
        return;
      }
      const headers: Record<string, string> = { ...answer.headers };
      let payload = answer.text ?? '';
      if (answer.json !== undefined) {
        payload = JSON.stringify(answer.json);
        headers['content-type'] ??= 'application/json';
      }
      response.writeHead(answer.status, headers);
      response.end(payload);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    nextRequest() {
      return new Promise((resolve) => waiters.push(resolve));
    },
    answer(next) {
      current = next;
    },
    async close() {
      for (const response of pending) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
