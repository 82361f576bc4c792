/**
 * End-to-end tickets per second through the durable queue: N tickets are stored and enqueued (as
 * the webhook does, ticket + job in one transaction each), then workers with the local model drain
 * the queue: triage, scrubbed audit trail, decision, outbox row, and the reply posted to a stand-in
 * helpdesk (the generic connector against a node:http server in this process).
 *
 * Cases:
 *   sqlite-1, sqlite-4      - SQLite file, jobs-table queue, one in-process worker with concurrency 1 or 4
 *                             (the queue's default synchronous=NORMAL; sqlite-1-full: FULL)
 *   sqlite-threads          - as sqlite-4, the triage on worker threads (TRIAGE_THREADS auto, nice 0),
 *                             as `triage serve` runs it: the main thread only stores and delivers
 *   pg-boss-1, pg-boss-4    - PostgreSQL + pg-boss: 1 or 4 workers IN THIS PROCESS, each its own
 *                             runtime, store pool and pg-boss instance, concurrency 1 each
 *   pg-boss-4-processes     - 4 child processes (`--worker` mode of this file, through tsx), each a
 *                             worker as `triage worker` builds it, concurrency 1: real scale-out
 *                             over the machine's cores
 *
 * The clock starts when the workers are told to start (every worker built and ready) and stops at
 * the last decision stored (`decisions.created_at`, the timestamp written in the decision's
 * transaction). Afterwards every ticket must have exactly one decision and one outbox row, every
 * outbox row must be delivered and the helpdesk must have created one reply or note per ticket.
 *
 * PostgreSQL: DATABASE_URL when it is postgres://..., else postgres://postgres@127.0.0.1:5432/test;
 * every case runs in fresh schemas (store and pg-boss) dropped afterwards.
 *
 * `--statements` adds, per in-process case, each statement's SQL (the first 100 characters, spaces
 * folded) with how many times per ticket it was sent: what a ticket costs, statement by statement.
 *
 * Run: npx tsx bench/queue-throughput.ts [--tickets 1000] [--cases sqlite-1,sqlite-4,sqlite-1-full,pg-boss-1,pg-boss-4,pg-boss-4-processes] [--statements] [--json]
 */
import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/service/config.js';
import { createGenericConnector } from '../src/service/connectors/generic/generic-connector.js';
import { createOutboxDispatcher } from '../src/service/outbox/outbox-dispatcher.js';
import { scrubTicket } from '../src/triage/scrubber.js';
import { createJobQueue } from '../src/service/queue/create-job-queue.js';
import type { JobQueue } from '../src/service/queue/job-queue.js';
import { silentLogger } from '../src/service/queue/logger.js';
import { insertTicketIfAbsent } from '../src/service/store/repositories/ticket-repository.js';
import { createTriageRuntime, type TriageRuntime } from '../src/service/triage-runtime.js';
import { openThreadCpuClock } from '../src/service/triage-threads/thread-cpu-time.js';
import { triageThreadCount } from '../src/service/triage-threads/triage-thread-pool.js';
import { createFailedJobHandler, createWorker, type Worker } from '../src/service/worker/worker.js';
import type { Ticket } from '../src/triage/types.js';
import { type StatementCounter, startStatementCounter } from './statement-counter.js';
import { SAMPLE_TICKETS } from './triage-latency.js';
import { runAsScript } from './run-as-script.js';

export type QueueCaseName = 'sqlite-1' | 'sqlite-4' | 'sqlite-1-full' | 'sqlite-threads' | 'pg-boss-1' | 'pg-boss-4' | 'pg-boss-4-processes';

interface QueueCase {
  name: string;
  dialect: 'sqlite' | 'postgres';
  workers: number;
  concurrency: number;
  processes: boolean;
  /** SQLite only; default "normal", as createJobQueue sets it. */
  synchronous?: 'normal' | 'full';
  /** Triage on worker threads (TRIAGE_THREADS auto); default on the main thread. */
  threads?: boolean;
}

export const QUEUE_CASES: Readonly<Record<QueueCaseName, QueueCase>> = {
  'sqlite-1': { name: 'SQLite, jobs table, concurrency 1', dialect: 'sqlite', workers: 1, concurrency: 1, processes: false },
  'sqlite-4': { name: 'SQLite, jobs table, concurrency 4', dialect: 'sqlite', workers: 1, concurrency: 4, processes: false },
  'sqlite-1-full': { name: 'SQLite, synchronous=FULL, concurrency 1', dialect: 'sqlite', workers: 1, concurrency: 1, processes: false, synchronous: 'full' },
  'sqlite-threads': { name: 'SQLite, concurrency 4, triage on threads', dialect: 'sqlite', workers: 1, concurrency: 4, processes: false, threads: true },
  'pg-boss-1': { name: 'PostgreSQL, pg-boss, 1 worker', dialect: 'postgres', workers: 1, concurrency: 1, processes: false },
  'pg-boss-4': { name: 'PostgreSQL, pg-boss, 4 workers in-process', dialect: 'postgres', workers: 4, concurrency: 1, processes: false },
  'pg-boss-4-processes': { name: 'PostgreSQL, pg-boss, 4 worker processes', dialect: 'postgres', workers: 4, concurrency: 1, processes: true },
};

/** sqlite-1-full is left out by default: at an fsync per commit it takes long and says little more. */
export const DEFAULT_QUEUE_CASES: readonly QueueCaseName[] = ['sqlite-1', 'sqlite-4', 'pg-boss-1', 'pg-boss-4', 'pg-boss-4-processes'];

export interface QueueThroughputOptions {
  /** Tickets per case. Default 1000. */
  tickets?: number;
  /** Default every case. */
  cases?: readonly QueueCaseName[];
  postgresUrl?: string;
  log?: (line: string) => void;
  /** List each statement's shape with its count per ticket (`statementShapes`). */
  statementShapes?: boolean;
}

export interface QueueCaseResult {
  case: QueueCaseName;
  name: string;
  tickets: number;
  workers: number;
  concurrency: number;
  processes: boolean;
  /** Storing + enqueueing the N tickets, one transaction each, before any worker runs. */
  enqueuePerSecond: number;
  /** From "start" to the last decision stored. */
  drainSeconds: number;
  ticketsPerSecond: number;
  /** From "start" to the helpdesk's last reply or note. */
  deliveredSeconds: number;
  /**
   * Per ticket, from "start" until every reply is delivered; in-process cases only (null with
   * worker processes). CPU is this process's (workers, stand-in helpdesk, bench), not PostgreSQL's.
   */
  perTicket: { cpuMs: number; mainThreadCpuMs: number | null; statements: number; commits: number } | null;
  /** With `statementShapes`: each statement's first 100 characters and its count per ticket, most frequent first. */
  statementShapes?: { sql: string; perTicket: number }[];
  sent: number;
  drafted: number;
  check: {
    decisions: number;
    outboxRows: number;
    /** Tickets with exactly one decision and exactly one outbox row. */
    ticketsWithOneOfEach: number;
    outboxDelivered: number;
    /** Distinct replies or notes the stand-in helpdesk created. */
    helpdeskCreated: number;
    ok: boolean;
  };
}

export interface QueueThroughputReport {
  tickets: number;
  results: QueueCaseResult[];
}



export function defaultPostgresUrl(): string {
  const url = process.env.DATABASE_URL;
  return url !== undefined && url.startsWith('postgres') ? url : 'postgres://postgres@127.0.0.1:5432/test';
}

function benchTicket(prefix: string, index: number): Ticket {
  const sample = SAMPLE_TICKETS[index % SAMPLE_TICKETS.length]!;
  const externalId = `${prefix}-${index}`;
  return {
    id: `generic:${externalId}`,
    source: 'generic',
    externalId,
    customerEmail: sample.email,
    subject: 'Help',
    body: sample.body,
    receivedAt: new Date().toISOString(),
  };
}

export async function runQueueThroughputBench(options: QueueThroughputOptions = {}): Promise<QueueThroughputReport> {
  const tickets = options.tickets ?? 1000;
  const cases = options.cases ?? DEFAULT_QUEUE_CASES;
  const log = options.log ?? (() => {});
  const helpdesk = await startHelpdesk();
  const results: QueueCaseResult[] = [];
  try {
    for (const name of cases) {
      helpdesk.reset();
      const result = await runCase(name, tickets, helpdesk, options.postgresUrl ?? defaultPostgresUrl(), options.statementShapes === true);
      results.push(result);
      log(
        `${result.name}: ${result.ticketsPerSecond} tickets/s (${result.tickets} in ${result.drainSeconds} s; delivered by ${result.deliveredSeconds} s), ` +
          `enqueue ${result.enqueuePerSecond}/s, ${result.sent} sent / ${result.drafted} drafted, ` +
          (result.perTicket
            ? `per ticket ${result.perTicket.cpuMs} ms CPU (main thread ${result.perTicket.mainThreadCpuMs ?? '-'}), ${result.perTicket.statements} statements, ${result.perTicket.commits} commits, `
            : '') +
          `check ${result.check.ok ? 'ok' : `FAILED ${JSON.stringify(result.check)}`}`,
      );
    }
  } finally {
    await helpdesk.close();
  }
  return { tickets, results };
}

interface Location {
  databaseUrl: string;
  schema?: string;
  bossSchema?: string;
  destroy(): Promise<void>;
}

function createLocation(dialect: 'sqlite' | 'postgres', postgresUrl: string): Location {
  if (dialect === 'sqlite') {
    const folder = mkdtempSync(join(tmpdir(), 'queue-bench-'));
    return { databaseUrl: `sqlite:${join(folder, 'bench.db')}`, destroy: async () => rmSync(folder, { recursive: true, force: true }) };
  }
  const suffix = randomBytes(6).toString('hex');
  const schema = `bench_${suffix}`;
  const bossSchema = `bench_boss_${suffix}`;
  return { databaseUrl: postgresUrl, schema, bossSchema, destroy: () => dropSchemas(postgresUrl, [schema, bossSchema]) };
}

/** A worker as `triage worker` builds it, not started. */
interface WorkerStack {
  runtime: TriageRuntime;
  queue: JobQueue;
  worker: Worker;
}

interface StackSettings {
  replyUrl: string;
  concurrency: number;
  synchronous?: 'normal' | 'full';
  threads?: boolean;
  onDecision?: () => void;
}

async function buildWorkerStack(location: Pick<Location, 'databaseUrl' | 'schema' | 'bossSchema'>, settings: StackSettings): Promise<WorkerStack> {
  const { replyUrl, concurrency, onDecision } = settings;
  // Every process of the bench shares one outbox key (PostgreSQL requires one); the store is thrown away.
  const config = loadConfig({
    DATABASE_URL: location.databaseUrl,
    GENERIC_REPLY_URL: replyUrl,
    LOG_LEVEL: 'silent',
    OUTBOX_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
    // No webhooks to give way to here: the threads run at the process's priority.
    TRIAGE_THREAD_NICENESS: '0',
  });
  // As `triage worker` builds it (WAL checkpoints on a thread of their own on SQLite).
  const runtime = await createTriageRuntime(config, {
    walCheckpointThread: true,
    ...(location.schema ? { schema: location.schema } : {}),
    ...(settings.threads ? { triageThreads: triageThreadCount('auto') } : {}),
  });
  try {
    const generic = createGenericConnector({ webhookSecret: 'bench', replyUrl });
    const dispatcher = createOutboxDispatcher({ db: runtime.store.db, store: runtime.store, connectors: { generic }, logger: silentLogger, cipher: runtime.outboxCipher });
    const queue = await createJobQueue({
      store: runtime.store,
      databaseUrl: location.databaseUrl,
      onFailed: createFailedJobHandler({ runtime, dispatcher, logger: silentLogger }),
      logger: silentLogger,
      ...(location.bossSchema ? { pgBossSchema: location.bossSchema } : {}),
      ...(settings.synchronous ? { sqliteSynchronous: settings.synchronous } : {}),
    });
    const worker = createWorker({
      runtime,
      queue,
      dispatcher,
      concurrency,
      logger: silentLogger,
      sweepIntervalMs: 0,
      ...(onDecision ? { observeOutcome: () => onDecision() } : {}),
    });
    return { runtime, queue, worker };
  } catch (error) {
    await runtime.close();
    throw error;
  }
}

async function runCase(name: QueueCaseName, count: number, helpdesk: Helpdesk, postgresUrl: string, shapes = false): Promise<QueueCaseResult> {
  const spec = QUEUE_CASES[name];
  const location = createLocation(spec.dialect, postgresUrl);
  const stacks: WorkerStack[] = [];
  const children: ChildWorker[] = [];
  let accepting: WorkerStack | undefined;
  let counter: StatementCounter | undefined;
  // With the triage on threads, process CPU counts the threads too; the main thread's share is
  // what webhooks compete with. Undefined off Linux.
  const mainThreadClock = openThreadCpuClock();
  try {
    // In-process workers report each decision; child processes are watched through the store.
    let decided = 0;
    let allDecided: (() => void) | undefined;
    const decisionsDone = new Promise<void>((resolve) => {
      allDecided = resolve;
    });
    const onDecision = (): void => {
      decided += 1;
      if (decided >= count) allDecided?.();
    };
    if (spec.processes) {
      children.push(...(await Promise.all(Array.from({ length: spec.workers }, () => startChildWorker(location, helpdesk.replyUrl, spec.concurrency)))));
      accepting = await buildWorkerStack(location, { replyUrl: helpdesk.replyUrl, concurrency: 1 });
    } else {
      for (let index = 0; index < spec.workers; index += 1) {
        stacks.push(
          await buildWorkerStack(location, {
            replyUrl: helpdesk.replyUrl,
            concurrency: spec.concurrency,
            onDecision,
            ...(spec.synchronous ? { synchronous: spec.synchronous } : {}),
            ...(spec.threads ? { threads: true } : {}),
          }),
        );
      }
      accepting = stacks[0]!;
    }
    const { db } = accepting.runtime.store;

    const prefix = `bench-${randomBytes(4).toString('hex')}`;
    const enqueueStarted = performance.now();
    for (let index = 0; index < count; index += 1) {
      const ticket = benchTicket(prefix, index);
      await db.transaction().execute(async (transaction) => {
        const { inserted, ticket: stored } = await insertTicketIfAbsent(transaction, scrubTicket(ticket));
        if (inserted) await accepting!.queue.enqueue({ ticketId: stored.id }, { transaction });
      });
    }
    const enqueueSeconds = (performance.now() - enqueueStarted) / 1000;

    counter = startStatementCounter({ record: shapes });
    const cpuBefore = process.cpuUsage();
    const mainThreadCpuBefore = mainThreadClock?.now();
    const startedAt = Date.now();
    if (spec.processes) {
      for (const child of children) child.process.send({ type: 'go' });
      await waitForCount(db, 'decisions', count);
    } else {
      await Promise.all(stacks.map((stack) => stack.worker.start()));
      await decisionsDone;
    }
    await helpdesk.until(count);
    const deliveredAt = Date.now();
    // The helpdesk answers before the dispatcher marks the row delivered.
    await waitForCount(db, 'outbox', count, { status: 'delivered' });
    const cpu = process.cpuUsage(cpuBefore);
    const mainThreadCpu = mainThreadCpuBefore === undefined ? undefined : mainThreadClock!.now() - mainThreadCpuBefore;
    counter.stop();
    const counts = spec.dialect === 'sqlite' ? counter.sqlite : counter.postgres;
    const perTicket = spec.processes
      ? null
      : {
          cpuMs: round((cpu.user + cpu.system) / 1000 / count, 2),
          mainThreadCpuMs: mainThreadCpu === undefined ? null : round(mainThreadCpu / count, 2),
          statements: round(counts.statements / count, 1),
          commits: round(counts.commits / count, 2),
        };
    const statementShapes = shapes && !spec.processes ? shapesPerTicket(counter.recorded, count) : undefined;

    const last = await db.selectFrom('decisions').select((expression) => expression.fn.max('created_at').as('last')).executeTakeFirstOrThrow();
    const drainSeconds = (Date.parse(String(last.last)) - startedAt) / 1000;
    const decisions = await db
      .selectFrom('decisions')
      .select(['decision', (expression) => expression.fn.countAll<string | number>().as('count')])
      .groupBy('decision')
      .execute();
    const byDecision = Object.fromEntries(decisions.map((row) => [row.decision, Number(row.count)]));
    const check = await checkStore(db, count, helpdesk.createdCount());
    return {
      case: name,
      name: spec.name,
      tickets: count,
      workers: spec.workers,
      concurrency: spec.concurrency,
      processes: spec.processes,
      enqueuePerSecond: round(count / enqueueSeconds, 0),
      drainSeconds: round(drainSeconds, 3),
      ticketsPerSecond: round(count / drainSeconds, 1),
      deliveredSeconds: round((deliveredAt - startedAt) / 1000, 3),
      perTicket,
      ...(statementShapes ? { statementShapes } : {}),
      sent: byDecision.sent ?? 0,
      drafted: byDecision.drafted ?? 0,
      check,
    };
  } finally {
    mainThreadClock?.close();
    counter?.stop();
    await Promise.all(children.map((child) => child.stop()));
    await Promise.all(stacks.map((stack) => stack.worker.stop({ timeoutMs: 5_000 })));
    if (accepting && !stacks.includes(accepting)) await accepting.queue.stop({ timeoutMs: 0 });
    await Promise.all([...stacks, ...(accepting && !stacks.includes(accepting) ? [accepting] : [])].map((stack) => stack.runtime.close()));
    await location.destroy();
  }
}

function shapesPerTicket(recorded: readonly string[], count: number): { sql: string; perTicket: number }[] {
  const counts = new Map<string, number>();
  for (const text of recorded) {
    const shape = text.replace(/\s+/g, ' ').trim().slice(0, 100);
    counts.set(shape, (counts.get(shape) ?? 0) + 1);
  }
  return [...counts]
    .map(([text, total]) => ({ sql: text, perTicket: round(total / count, 2) }))
    .sort((left, right) => right.perTicket - left.perTicket);
}

async function checkStore(db: TriageRuntime['store']['db'], count: number, helpdeskCreated: number): Promise<QueueCaseResult['check']> {
  const countOf = async (query: Promise<{ count: string | number | bigint }>) => Number((await query).count);
  const decisions = await countOf(db.selectFrom('decisions').select((expression) => expression.fn.countAll<string | number>().as('count')).executeTakeFirstOrThrow());
  const outboxRows = await countOf(db.selectFrom('outbox').select((expression) => expression.fn.countAll<string | number>().as('count')).executeTakeFirstOrThrow());
  const outboxDelivered = await countOf(
    db.selectFrom('outbox').select((expression) => expression.fn.countAll<string | number>().as('count')).where('status', '=', 'delivered').executeTakeFirstOrThrow(),
  );
  const ticketsWithOneOfEach = await countOf(
    sql<{ count: string | number }>`
      select count(*) as count from tickets t
      where (select count(*) from decisions d where d.ticket_id = t.id) = 1
        and (select count(*) from outbox o where o.ticket_id = t.id) = 1`
      .execute(db)
      .then((result) => result.rows[0]!),
  );
  return {
    decisions,
    outboxRows,
    ticketsWithOneOfEach,
    outboxDelivered,
    helpdeskCreated,
    ok: decisions === count && outboxRows === count && ticketsWithOneOfEach === count && outboxDelivered === count && helpdeskCreated === count,
  };
}

/** Child processes write through their own connections; a cheap count every 20 ms sees their progress. */
async function waitForCount(db: TriageRuntime['store']['db'], table: 'decisions' | 'outbox', count: number, where: { status?: 'delivered' } = {}): Promise<void> {
  for (;;) {
    let query = db.selectFrom(table).select((expression) => expression.fn.countAll<string | number>().as('count'));
    if (where.status && table === 'outbox') query = query.where(sql.ref('status'), '=', where.status);
    const row = await query.executeTakeFirstOrThrow();
    if (Number(row.count) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Shared with webhook-throughput.ts: every bench case cleans up its schemas. */
export async function dropSchemas(url: string, schemas: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}

interface Helpdesk {
  replyUrl: string;
  reset(): void;
  createdCount(): number;
  /** Resolves once `count` distinct replies or notes were created. */
  until(count: number): Promise<void>;
  close(): Promise<void>;
}

/** Answers every reply or note at once; counts distinct idempotency keys (what it "created"). */
async function startHelpdesk(): Promise<Helpdesk> {
  let keys = new Set<string>();
  let waiter: { count: number; resolve: () => void } | undefined;
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const key = request.headers['idempotency-key'];
      if (typeof key === 'string') keys.add(key);
      response.writeHead(201, { 'content-type': 'application/json' });
      response.end(`{"id":"reply-${keys.size}"}`);
      if (waiter && keys.size >= waiter.count) {
        waiter.resolve();
        waiter = undefined;
      }
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    replyUrl: `http://127.0.0.1:${port}/reply`,
    reset: () => {
      keys = new Set();
    },
    createdCount: () => keys.size,
    until: (count) =>
      keys.size >= count
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            waiter = { count, resolve };
          }),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

interface ChildWorker {
  process: ChildProcess;
  stop(): Promise<void>;
}

interface ChildWorkerInput {
  databaseUrl: string;
  schema?: string;
  bossSchema?: string;
  replyUrl: string;
  concurrency: number;
}

const WORKER_FLAG = '--worker';

/** Starts this file as a worker process and waits until its worker is built (not started). */
async function startChildWorker(location: Location, replyUrl: string, concurrency: number): Promise<ChildWorker> {
  const child = fork(fileURLToPath(import.meta.url), [WORKER_FLAG], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = once(child, 'exit');
  const input: ChildWorkerInput = {
    databaseUrl: location.databaseUrl,
    ...(location.schema ? { schema: location.schema } : {}),
    ...(location.bossSchema ? { bossSchema: location.bossSchema } : {}),
    replyUrl,
    concurrency,
  };
  await once(child, 'spawn');
  child.send({ type: 'build', input });
  await Promise.race([
    once(child, 'message'),
    exited.then(([code]) => Promise.reject(new Error(`a worker process exited with code ${String(code)} before it was ready`))),
  ]);
  return {
    process: child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.send({ type: 'stop' });
      await exited;
    },
  };
}

/** The `--worker` side: build on "build", report ready, start on "go", stop and exit on "stop". */
async function runChildWorker(): Promise<void> {
  let stack: WorkerStack | undefined;
  const done = new Promise<void>((resolve, reject) => {
    process.on('message', (message: { type: string; input?: ChildWorkerInput }) => {
      void (async () => {
        if (message.type === 'build' && message.input) {
          const { input } = message;
          stack = await buildWorkerStack(input, { replyUrl: input.replyUrl, concurrency: input.concurrency });
          process.send!({ type: 'ready' });
        } else if (message.type === 'go') {
          await stack?.worker.start();
        } else if (message.type === 'stop') {
          await stack?.worker.stop({ timeoutMs: 5_000 });
          await stack?.runtime.close();
          resolve();
        }
      })().catch(reject);
    });
  });
  await done;
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

export function formatQueueReport(report: QueueThroughputReport): string {
  const header = ['case', 'tickets/s', 'drain s', 'delivered s', 'enqueue/s', 'CPU ms/t', 'main ms/t', 'stmts/t', 'commits/t', 'sent/drafted', 'check'];
  const rows = report.results.map((result) => [
    result.name,
    result.ticketsPerSecond.toFixed(0),
    result.drainSeconds.toFixed(2),
    result.deliveredSeconds.toFixed(2),
    String(result.enqueuePerSecond),
    result.perTicket ? result.perTicket.cpuMs.toFixed(2) : '-',
    result.perTicket?.mainThreadCpuMs != null ? result.perTicket.mainThreadCpuMs.toFixed(2) : '-',
    result.perTicket ? result.perTicket.statements.toFixed(1) : '-',
    result.perTicket ? result.perTicket.commits.toFixed(2) : '-',
    `${result.sent}/${result.drafted}`,
    result.check.ok ? 'ok' : 'FAILED',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]): string =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  if (process.argv.includes(WORKER_FLAG)) {
    await runChildWorker();
    return;
  }
  const { values } = parseArgs({
    options: {
      tickets: { type: 'string', default: '1000' },
      cases: { type: 'string', default: DEFAULT_QUEUE_CASES.join(',') },
      json: { type: 'boolean', default: false },
      statements: { type: 'boolean', default: false },
    },
  });
  const cases = values.cases.split(',').map((name) => name.trim()) as QueueCaseName[];
  for (const name of cases) if (!(name in QUEUE_CASES)) throw new Error(`unknown case "${name}": use ${Object.keys(QUEUE_CASES).join(', ')}`);
  const report = await runQueueThroughputBench({
    tickets: Number(values.tickets),
    cases,
    statementShapes: values.statements,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  if (values.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  process.stdout.write(`End-to-end tickets per second through the queue, ${report.tickets} tickets per case, Node ${process.version}\n\n${formatQueueReport(report)}\n`);
}

runAsScript(import.meta.url, main);
