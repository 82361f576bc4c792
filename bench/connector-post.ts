/**
 * What posting one reply costs the thread that stores results: the generic connector's `postReply`
 * to a local node:http server (in this process, so its CPU is in every row), through the default
 * transport (undici's `request`) and through `fetch` injected in its place, alternately, in
 * rounds. CPU time (user + system) and wall time per post, after a warm-up.
 *
 * Run: npx tsx bench/connector-post.ts [--posts 2000] [--rounds 2]
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { createGenericConnector } from '../src/service/connectors/generic/generic-connector.js';
import type { HelpdeskConnector } from '../src/service/connectors/helpdesk-connector.js';
import { isScript } from './run-as-script.js';

export interface ConnectorPostResult {
  transport: 'request' | 'fetch';
  round: number;
  cpuMsPerPost: number;
  wallMsPerPost: number;
}

export interface ConnectorPostReport {
  posts: number;
  results: ConnectorPostResult[];
}

export async function runConnectorPostBench(options: { posts?: number; rounds?: number; warmup?: number } = {}): Promise<ConnectorPostReport> {
  const posts = options.posts ?? 2000;
  const rounds = options.rounds ?? 2;
  const warmup = options.warmup ?? 300;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(201, { 'content-type': 'application/json' });
      response.end('{"id":"reply-1"}');
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const replyUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/reply`;
  const connectors: Record<ConnectorPostResult['transport'], HelpdeskConnector> = {
    request: createGenericConnector({ webhookSecret: 'bench', replyUrl }),
    fetch: createGenericConnector({ webhookSecret: 'bench', replyUrl, fetch: globalThis.fetch }),
  };
  // A reply as the worker posts one: a composed answer of a few hundred characters.
  const text = `Hi Ada,\n\n${'Your order A1001 left our warehouse and is on its way. '.repeat(8)}\n\nBest regards,\nThe Northwind Support Team`;
  const ticket = { id: 'generic:bench-1', source: 'generic' as const, externalId: 'bench-1', customerEmail: 'ada@example.com', body: 'Where is my order A1001?', receivedAt: new Date().toISOString() };
  const post = (connector: HelpdeskConnector, index: number) => connector.postReply({ ticket, text, idempotencyKey: `generic:bench-${index}:send`, outboxId: `outbox-${index}` });
  const results: ConnectorPostResult[] = [];
  try {
    for (let round = 1; round <= rounds; round += 1) {
      for (const transport of ['request', 'fetch'] as const) {
        const connector = connectors[transport];
        for (let index = 0; index < warmup; index += 1) await post(connector, index);
        const cpuBefore = process.cpuUsage();
        const started = performance.now();
        for (let index = 0; index < posts; index += 1) await post(connector, index);
        const cpu = process.cpuUsage(cpuBefore);
        results.push({ transport, round, cpuMsPerPost: (cpu.user + cpu.system) / 1000 / posts, wallMsPerPost: (performance.now() - started) / posts });
      }
    }
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  return { posts, results };
}

if (isScript(import.meta.url)) {
  const { values } = parseArgs({ options: { posts: { type: 'string', default: '2000' }, rounds: { type: 'string', default: '2' } } });
  const report = await runConnectorPostBench({ posts: Number(values.posts), rounds: Number(values.rounds) });
  process.stdout.write(`generic connector postReply to a local server, ${report.posts} posts per row, Node ${process.version}\n`);
  for (const result of report.results) {
    process.stdout.write(`round ${result.round}, ${result.transport.padEnd(7)}: ${result.cpuMsPerPost.toFixed(3)} ms CPU, ${result.wallMsPerPost.toFixed(3)} ms wall per post\n`);
  }
  process.exit(0);
}
