/**
 * Webhook accept throughput: how many signed generic webhooks per second our service verifies,
 * stores and enqueues, next to bare Fastify answering 202 to the same POST (JSON parsed, nothing
 * stored). Cases, in one run on one machine:
 *
 *   bare Fastify                  - parse the JSON body, answer 202
 *   ours, SQLite                  - buildApp with a real runtime on a SQLite file (WAL) and the
 *                                   jobs-table queue, not started: HMAC check, normalise, scrub,
 *                                   ticket + job in one transaction (accepts arriving together
 *                                   share one, see group-commit.ts), 202; with the queue's default
 *                                   synchronous=NORMAL, and again with FULL (an fsync per commit)
 *   ours, PostgreSQL + pg-boss    - the same on PostgreSQL (fresh schemas), the pg-boss job sent
 *                                   inside the ticket's transaction, pg-boss not working
 *   draining, main thread         - ours on SQLite while the service's own workers drain a backlog
 *                                   (--backlog tickets, 1,000 by default, enqueued before the load;
 *                                   WORKER_CONCURRENCY 4), triage on the HTTP process's event loop
 *                                   (TRIAGE_THREADS=0)
 *   draining, triage threads      - the same with the triage on worker threads (TRIAGE_THREADS=auto:
 *                                   one per core, at nice 10: --threads, --niceness); storage stays
 *                                   on the main thread
 * The two draining cases run only when asked for (--cases draining,draining-threads).
 *
 * Every request carries a unique ticket id and the HMAC of its own body, built per request by
 * autocannon's `setupRequest`. The server runs in this process on 127.0.0.1, port 0; autocannon
 * runs in a child process (this file again, `--load-generator`) so the load generator does not
 * share the server's event loop (both still share the machine's cores). After each case the store is counted: every stored ticket must
 * have its job, and every 202 answered `queued` must be a stored ticket.
 *
 * Run: npx tsx bench/webhook-throughput.ts [--duration 5] [--connections 10] [--cases bare,sqlite,sqlite-full,postgres,draining,draining-threads] [--backlog 1000] [--threads auto] [--niceness 10] [--json]
 */
import { createHmac, randomBytes } from 'node:crypto';
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../src/service/app.js';
import { loadConfig } from '../src/service/config.js';
import { createLogger } from '../src/service/logger.js';
import { createMetrics } from '../src/service/metrics.js';
import { createOutboxDispatcher } from '../src/service/outbox/outbox-dispatcher.js';
import { scrubTicket } from '../src/triage/scrubber.js';
import { createJobQueue } from '../src/service/queue/create-job-queue.js';
import type { JobQueue } from '../src/service/queue/job-queue.js';
import { silentLogger } from '../src/service/queue/logger.js';
import { insertTicketIfAbsent } from '../src/service/store/repositories/ticket-repository.js';
import { createTriageRuntime, type TriageRuntime } from '../src/service/triage-runtime.js';
import { openThreadCpuClock } from '../src/service/triage-threads/thread-cpu-time.js';
import { triageThreadCount } from '../src/service/triage-threads/triage-thread-pool.js';
import { connectorsFromConfig } from '../src/service/worker/connectors-from-config.js';
import { createFailedJobHandler, createWorker, type Worker } from '../src/service/worker/worker.js';
import { dropSchemas } from './queue-throughput.js';
import { SAMPLE_TICKETS } from './triage-latency.js';
import { runAsScript } from './run-as-script.js';

export type WebhookCaseName = 'bare' | 'sqlite' | 'sqlite-full' | 'postgres' | 'draining' | 'draining-threads';

export interface WebhookThroughputOptions {
  /** Measured seconds per case. Default 5. */
  durationSeconds?: number;
  /** Unmeasured seconds per case first (JIT, pools, SQLite pages). Default 1. */
  warmupSeconds?: number;
  /** Concurrent HTTP connections. Default 10. */
  connections?: number;
  /** Default bare, sqlite, sqlite-full, postgres; "postgres" needs a reachable PostgreSQL. */
  cases?: readonly WebhookCaseName[];
  /** Tickets queued before a draining case's load starts. Default 1,000. */
  backlog?: number;
  /** TRIAGE_THREADS of the draining-threads case. Default "auto". */
  threads?: 'auto' | number;
  /** TRIAGE_THREAD_NICENESS of the draining-threads case. Default 10, the setting's default. */
  niceness?: number;
  /** Default: DATABASE_URL when it is postgres://..., else postgres://postgres@127.0.0.1:5432/test. */
  postgresUrl?: string;
  log?: (line: string) => void;
}

export interface WebhookCaseResult {
  case: WebhookCaseName;
  name: string;
  /** 2xx answers in the measured window. */
  requests: number;
  /** 2xx answers whose body said `"status":"queued"`. */
  queued: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  requestsPerSecond: number;
  latencyMeanMs: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** requestsPerSecond over bare Fastify's, when bare Fastify ran. */
  ratioToBare: number | null;
  /**
   * Server CPU per answered request in the measured window (the load generator is another process):
   * the whole process, and its main thread alone (null off Linux). Steadier than req/s on a shared
   * machine; in a draining case both include the backlog's storage, the process also its triage.
   */
  cpuMsPerRequest: number;
  mainThreadCpuMsPerRequest: number | null;
  /**
   * The server's event-loop delay in the measured window (perf_hooks, 1 ms resolution), p99 and
   * max: how long the main thread was busy when a request came; the rest of a request's p99 is
   * waiting for a CPU (other processes, the triage threads) and the load generator.
   */
  eventLoopDelayP99Ms: number;
  eventLoopDelayMaxMs: number;
  /** What the store holds after the case (warm-up included); null for bare Fastify. */
  stored: { tickets: number; jobs: number } | null;
  /** Draining cases: tickets decided while the load ran (warm-up included), and the threads used (0 = main thread). */
  drain: { backlog: number; decided: number; threads: number } | null;
}

export interface WebhookThroughputReport {
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  results: WebhookCaseResult[];
}

const SECRET = 'bench-webhook-secret';
const PATH = '/webhooks/generic';
const CASE_NAMES: Record<WebhookCaseName, string> = {
  bare: 'bare Fastify (parse JSON, 202)',
  sqlite: 'ours, SQLite (WAL, synchronous=NORMAL)',
  'sqlite-full': 'ours, SQLite (WAL, synchronous=FULL)',
  postgres: 'ours, PostgreSQL + pg-boss',
  draining: 'ours, SQLite, backlog draining, triage on the main thread',
  'draining-threads': 'ours, SQLite, backlog draining, triage on worker threads',
};
const DEFAULT_CASES: readonly WebhookCaseName[] = ['bare', 'sqlite', 'sqlite-full', 'postgres'];

export function defaultPostgresUrl(): string {
  const url = process.env.DATABASE_URL;
  return url !== undefined && url.startsWith('postgres') ? url : 'postgres://postgres@127.0.0.1:5432/test';
}

interface Target {
  url: string;
  /** Stored tickets and jobs, or null when nothing is stored. */
  count(): Promise<{ tickets: number; jobs: number } | null>;
  /** Draining cases: starts the workers on the backlog (called just before the load). */
  startDraining?(): Promise<void>;
  /** Draining cases: what has been decided so far. */
  drain?(): Promise<{ backlog: number; decided: number; threads: number }>;
  close(): Promise<void>;
}

export async function runWebhookThroughputBench(options: WebhookThroughputOptions = {}): Promise<WebhookThroughputReport> {
  const durationSeconds = options.durationSeconds ?? 5;
  const warmupSeconds = options.warmupSeconds ?? 1;
  const connections = options.connections ?? 10;
  const cases = options.cases ?? DEFAULT_CASES;
  const log = options.log ?? (() => {});
  const results: WebhookCaseResult[] = [];
  for (const name of cases) {
    const target =
      name === 'bare'
        ? await startBareFastify()
        : name === 'postgres'
          ? await startOurs({ dialect: 'postgres', url: options.postgresUrl ?? defaultPostgresUrl() })
          : name === 'draining' || name === 'draining-threads'
            ? await startOurs({ dialect: 'sqlite', synchronous: 'normal' }, { backlog: options.backlog ?? 1000, threads: name === 'draining-threads' ? (options.threads ?? 'auto') : 0, niceness: options.niceness ?? 10 })
            : await startOurs({ dialect: 'sqlite', synchronous: name === 'sqlite-full' ? 'full' : 'normal' });
    try {
      await target.startDraining?.();
      // Each phase gets its own id prefix: ids stay unique across warm-up and measurement.
      if (warmupSeconds > 0) await fire({ url: target.url, durationSeconds: warmupSeconds, connections, prefix: `warm-${randomBytes(4).toString('hex')}` });
      const mainThreadClock = openThreadCpuClock();
      const loopDelay = monitorEventLoopDelay({ resolution: 1 });
      loopDelay.enable();
      const cpuBefore = process.cpuUsage();
      const mainThreadBefore = mainThreadClock?.now();
      const measured = await fire({ url: target.url, durationSeconds, connections, prefix: `run-${randomBytes(4).toString('hex')}` });
      const cpu = process.cpuUsage(cpuBefore);
      const mainThreadMs = mainThreadBefore === undefined ? undefined : mainThreadClock!.now() - mainThreadBefore;
      mainThreadClock?.close();
      loopDelay.disable();
      const drain = (await target.drain?.()) ?? null;
      const stored = await target.count();
      const result: WebhookCaseResult = {
        case: name,
        name: CASE_NAMES[name],
        requests: measured.requests,
        queued: measured.queued,
        non2xx: measured.non2xx,
        errors: measured.errors,
        timeouts: measured.timeouts,
        requestsPerSecond: round(measured.requests / measured.seconds, 1),
        latencyMeanMs: round(measured.latencyMeanMs, 3),
        latencyP50Ms: round(measured.latencyP50Ms, 3),
        latencyP99Ms: round(measured.latencyP99Ms, 3),
        ratioToBare: null,
        cpuMsPerRequest: round((cpu.user + cpu.system) / 1000 / Math.max(1, measured.requests), 4),
        mainThreadCpuMsPerRequest: mainThreadMs === undefined ? null : round(mainThreadMs / Math.max(1, measured.requests), 4),
        eventLoopDelayP99Ms: round(loopDelay.percentile(99) / 1e6, 2),
        eventLoopDelayMaxMs: round(loopDelay.max / 1e6, 2),
        stored,
        drain,
      };
      results.push(result);
      log(
        `${result.name}: ${result.requestsPerSecond} req/s, p50 ${result.latencyP50Ms} ms, p99 ${result.latencyP99Ms} ms, ` +
          `server CPU ${result.cpuMsPerRequest} ms/request (main thread ${result.mainThreadCpuMsPerRequest ?? '-'}), ` +
          `event-loop delay p99 ${result.eventLoopDelayP99Ms} ms (max ${result.eventLoopDelayMaxMs})` +
          (stored ? `, stored ${stored.tickets} tickets / ${stored.jobs} jobs` : '') +
          (drain ? `, ${drain.decided} of ${drain.backlog} backlog tickets decided meanwhile (${drain.threads} triage threads)` : '') +
          (result.non2xx + result.errors > 0 ? `, ${result.non2xx} non-2xx, ${result.errors} errors` : ''),
      );
    } finally {
      await target.close();
    }
  }
  const bare = results.find((result) => result.case === 'bare');
  if (bare) for (const result of results) result.ratioToBare = round(result.requestsPerSecond / bare.requestsPerSecond, 3);
  return { durationSeconds, warmupSeconds, connections, results };
}

async function startBareFastify(): Promise<Target> {
  const app = Fastify({ logger: false });
  app.post<{ Body: { id?: string } }>(PATH, async (request, reply) => reply.code(202).send({ ticketId: `generic:${request.body.id}`, status: 'queued' }));
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url, count: async () => null, close: () => app.close() };
}

/**
 * The service as `triage serve` builds it (real logger at warn, metrics, connectors from the
 * settings), with the queue created but never started: only the accept path is measured. The
 * per-client rate limit is off (RATE_LIMIT_PER_MINUTE=0).
 */
async function startOurs(
  store: { dialect: 'sqlite'; synchronous: 'normal' | 'full' } | { dialect: 'postgres'; url: string },
  draining?: { backlog: number; threads: 'auto' | number; niceness: number },
): Promise<Target> {
  const folder = mkdtempSync(join(tmpdir(), 'webhook-bench-'));
  const suffix = randomBytes(6).toString('hex');
  const schema = `bench_${suffix}`;
  const bossSchema = `bench_boss_${suffix}`;
  const databaseUrl = store.dialect === 'sqlite' ? `sqlite:${join(folder, 'bench.db')}` : store.url;
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    GENERIC_WEBHOOK_SECRET: SECRET,
    // Never called: the queue does not run, so nothing is dispatched.
    GENERIC_REPLY_URL: 'http://127.0.0.1:9/reply',
    REVIEWER_TOKEN: 'bench-reviewer-token-0123456789',
    LOG_LEVEL: 'warn',
    // One load generator on one address stands for many helpdesks: the per-client limit is off.
    RATE_LIMIT_PER_MINUTE: '0',
    // PostgreSQL requires an outbox key; the bench's store is thrown away.
    OUTBOX_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
    ...(draining ? { TRIAGE_THREADS: String(draining.threads), TRIAGE_THREAD_NICENESS: String(draining.niceness) } : {}),
  });
  let runtime: TriageRuntime | undefined;
  let queue: JobQueue | undefined;
  let worker: Worker | undefined;
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  const close = async (): Promise<void> => {
    await app?.close();
    await worker?.stop({ timeoutMs: 0 });
    await queue?.stop({ timeoutMs: 0 }).catch(() => undefined);
    await runtime?.close();
    if (store.dialect === 'postgres') await dropSchemas(store.url, [schema, bossSchema]);
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    // As `triage serve` builds it: the worker process passes TRIAGE_THREADS to the runtime, and
    // SQLite's WAL checkpoints run on a thread of their own.
    runtime = await createTriageRuntime(config, {
      walCheckpointThread: true,
      ...(store.dialect === 'postgres' ? { schema } : {}),
      ...(draining ? { triageThreads: triageThreadCount(config.TRIAGE_THREADS) } : {}),
    });
    const logger = createLogger(config.LOG_LEVEL);
    const drainRuntime = runtime;
    const dispatcher = createOutboxDispatcher({ db: runtime.store.db, store: runtime.store, connectors: {}, logger: silentLogger, cipher: runtime.outboxCipher });
    queue = await createJobQueue({
      store: runtime.store,
      databaseUrl,
      onFailed: draining ? createFailedJobHandler({ runtime, dispatcher, logger: silentLogger }) : async () => undefined,
      logger,
      ...(store.dialect === 'postgres' ? { pgBossSchema: bossSchema } : { sqliteSynchronous: store.synchronous }),
    });
    if (draining) {
      await enqueueBacklog(runtime, queue, draining.backlog);
      worker = createWorker({ runtime, queue, dispatcher, concurrency: config.WORKER_CONCURRENCY, logger: silentLogger, sweepIntervalMs: 0 });
    }
    app = await buildApp({
      config,
      runtime,
      queue,
      connectors: connectorsFromConfig(config),
      metrics: createMetrics(),
      logger,
      reviewerToken: config.REVIEWER_TOKEN!,
    });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const db = runtime.store.db;
    const jobsQueue = queue;
    const drainingWorker = worker;
    return {
      url,
      close,
      ...(draining && drainingWorker
        ? {
            startDraining: () => drainingWorker.start(),
            async drain() {
              const decided = await db
                .selectFrom('decisions')
                .select((expression) => expression.fn.countAll<string | number>().as('count'))
                .where('ticket_id', 'like', 'backlog-%')
                .executeTakeFirstOrThrow();
              return { backlog: draining.backlog, decided: Number(decided.count), threads: drainRuntime.executor.kind === 'threads' ? triageThreadCount(config.TRIAGE_THREADS) : 0 };
            },
          }
        : {}),
      async count() {
        const tickets = await db.selectFrom('tickets').select((expression) => expression.fn.countAll<string | number>().as('count')).executeTakeFirstOrThrow();
        const jobs =
          jobsQueue.kind === 'sqlite'
            ? await db.selectFrom('jobs').select((expression) => expression.fn.countAll<string | number>().as('count')).where('queue', '=', 'triage').executeTakeFirstOrThrow()
            : ((await sql<{ count: string }>`select count(*) as count from ${sql.table(`${bossSchema}.job`)} where name = 'triage'`.execute(db)).rows[0] ?? { count: 0 });
        return { tickets: Number(tickets.count), jobs: Number(jobs.count) };
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * The backlog, stored and enqueued as the webhook does (ticket + job in one transaction), in a few
 * large transactions so setting it up is quick. CLI tickets: their replies are delivered locally.
 */
async function enqueueBacklog(runtime: TriageRuntime, queue: JobQueue, count: number): Promise<void> {
  for (let start = 0; start < count; start += 100) {
    await runtime.store.db.transaction().execute(async (transaction) => {
      for (let index = start; index < Math.min(count, start + 100); index++) {
        const sample = SAMPLE_TICKETS[index % SAMPLE_TICKETS.length]!;
        const { ticket } = await insertTicketIfAbsent(
          transaction,
          scrubTicket({ id: `backlog-${index}`, source: 'cli', customerEmail: sample.email, body: sample.body, receivedAt: new Date().toISOString() }),
        );
        await queue.enqueue({ ticketId: ticket.id }, { transaction });
      }
    });
  }
}

interface LoadInput {
  url: string;
  durationSeconds: number;
  connections: number;
  /** Ticket ids are `${prefix}-${n}`. */
  prefix: string;
}

interface LoadResult {
  requests: number;
  queued: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  seconds: number;
  latencyMeanMs: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
}

/**
 * Runs autocannon in a child process (this same file through tsx; Node 20 worker threads do not
 * take tsx's loader) and returns its summary.
 */
async function fire(input: LoadInput): Promise<LoadResult> {
  const child = fork(fileURLToPath(import.meta.url), [LOAD_GENERATOR_FLAG], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    await once(child, 'spawn');
    child.send(input);
    const [message] = (await Promise.race([
      once(child, 'message'),
      once(child, 'exit').then(([code]) => Promise.reject(new Error(`the load generator exited with code ${String(code)} before reporting`))),
    ])) as [LoadResult];
    return message;
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill();
      await once(child, 'exit');
    }
  }
}

const LOAD_GENERATOR_FLAG = '--load-generator';

/** One signed generic webhook: a unique ticket id and the HMAC of exactly these bytes. */
export function signedWebhook(ticketId: string, secret = SECRET): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({ id: ticketId, customer_email: 'ada@example.com', subject: 'Order', body: `Where is my order A1001? (${ticketId})` });
  const signature = createHmac('sha256', secret).update(body).digest('hex');
  return { body, headers: { 'content-type': 'application/json', 'x-signature': `sha256=${signature}` } };
}

async function generateLoad(input: LoadInput): Promise<LoadResult> {
  let sequence = 0;
  let queued = 0;
  const result = await autocannon({
    url: input.url,
    connections: input.connections,
    duration: input.durationSeconds,
    requests: [
      {
        method: 'POST',
        path: PATH,
        setupRequest: (request) => {
          const { body, headers } = signedWebhook(`${input.prefix}-${sequence++}`);
          return { ...request, body, headers };
        },
        onResponse: (status, body) => {
          if (status === 202 && body.includes('"status":"queued"')) queued++;
        },
      },
    ],
  });
  return {
    requests: result['2xx'],
    queued,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    seconds: result.duration,
    latencyMeanMs: result.latency.mean,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
  };
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

export function formatWebhookReport(report: WebhookThroughputReport): string {
  const header = ['case', 'req/s', 'p50 ms', 'p99 ms', 'vs bare', 'CPU ms/req', 'main ms/req', 'loop delay p99/max ms', 'stored tickets/jobs', 'non-2xx+errors', 'backlog decided meanwhile'];
  const rows = report.results.map((result) => [
    result.name,
    result.requestsPerSecond.toFixed(0),
    result.latencyP50Ms.toFixed(0),
    result.latencyP99Ms.toFixed(0),
    result.ratioToBare === null ? '-' : `${result.ratioToBare.toFixed(2)}x`,
    result.cpuMsPerRequest.toFixed(3),
    result.mainThreadCpuMsPerRequest === null ? '-' : result.mainThreadCpuMsPerRequest.toFixed(3),
    `${result.eventLoopDelayP99Ms.toFixed(1)}/${result.eventLoopDelayMaxMs.toFixed(1)}`,
    result.stored ? `${result.stored.tickets}/${result.stored.jobs}` : '-',
    String(result.non2xx + result.errors),
    result.drain ? `${result.drain.decided}/${result.drain.backlog}, ${result.drain.threads} threads` : '-',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]): string =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  if (process.argv.includes(LOAD_GENERATOR_FLAG)) {
    const [input] = (await once(process, 'message')) as [LoadInput];
    const result = await generateLoad(input);
    await new Promise<void>((resolve, reject) => process.send!(result, (error: Error | null) => (error ? reject(error) : resolve())));
    return;
  }
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '5' },
      warmup: { type: 'string', default: '1' },
      connections: { type: 'string', default: '10' },
      cases: { type: 'string', default: DEFAULT_CASES.join(',') },
      backlog: { type: 'string', default: '1000' },
      threads: { type: 'string', default: 'auto' },
      niceness: { type: 'string', default: '10' },
      json: { type: 'boolean', default: false },
    },
  });
  const cases = values.cases.split(',').map((name) => name.trim()) as WebhookCaseName[];
  for (const name of cases) if (!(name in CASE_NAMES)) throw new Error(`unknown case "${name}": use ${Object.keys(CASE_NAMES).join(', ')}`);
  const report = await runWebhookThroughputBench({
    durationSeconds: Number(values.duration),
    warmupSeconds: Number(values.warmup),
    connections: Number(values.connections),
    cases,
    backlog: Number(values.backlog),
    threads: values.threads === 'auto' ? 'auto' : Number(values.threads),
    niceness: Number(values.niceness),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  if (values.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  process.stdout.write(
    `Webhook accept throughput, ${report.connections} connections, ${report.durationSeconds} s per case after ${report.warmupSeconds} s warm-up, Node ${process.version}\n\n${formatWebhookReport(report)}\n`,
  );
}

runAsScript(import.meta.url, main);
