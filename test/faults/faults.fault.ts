/**
 * The fault-injection suite (`npm run test:faults`): the real service, spawned as an operator runs
 * it (`node bin/triage.js serve` / `worker`), under bounded faults. Each scenario sends every ticket
 * three times at once and retries each delivery until it is acknowledged, as helpdesks do, then
 * reports accepted, processed, exactly once, doubles, lost, 5xx, stuck and time to recover (see
 * support/scenario-report.ts), prints the table and writes var/faults/results.json.
 *
 * What must hold whatever the fault: no acknowledged ticket is lost, and no ticket gets two
 * replies. Stuck tickets and recovery times are reported, not asserted: they depend on the
 * machine and on the retry schedules (docs/reliability.md).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startFlakyHelpdesk, type FlakyHelpdesk } from './support/flaky-helpdesk.js';
import { deliverTickets } from './support/load-driver.js';
import { postgresProgress, type ProgressReader, sqliteProgress } from './support/progress.js';
import { createScratchDatabase, type ScratchDatabase } from './support/scratch-database.js';
import { figuresFrom, machineLine, renderTable, saveResults, type ScenarioFigures } from './support/scenario-report.js';
import { spawnService, type ServiceProcess } from './support/service-process.js';
import { startTcpProxy } from './support/tcp-proxy.js';

const TICKETS = 120;
const COPIES = 3;
const HEALTHY = { serverError: 0, tooManyRequests: 0, hang: 0 };
const results: ScenarioFigures[] = [];

afterAll(() => {
  if (results.length === 0) return;
  const file = saveResults(results);
  process.stdout.write(`\nFault-injection results (${machineLine()}):\n\n${renderTable(results)}\n\nSaved to ${file}\n`);
});

function ticketIds(prefix: string): string[] {
  return Array.from({ length: TICKETS }, (_, index) => `${prefix}-${index}`);
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Milliseconds until `predicate` held, or null when it did not within `timeoutMs`. */
async function waitUntil(predicate: () => boolean | Promise<boolean>, timeoutMs: number): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await predicate()) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return null;
}

function allDelivered(helpdesk: FlakyHelpdesk, accepted: Set<string>): boolean {
  for (const id of accepted) if (!helpdesk.created.has(`generic:${id}`)) return false;
  return true;
}

async function stop(service: ServiceProcess): Promise<number | null> {
  if (!service.alive()) return service.child.exitCode;
  service.child.kill('SIGTERM');
  return (await service.exited).code;
}

describe('fault injection against the real service', () => {
  it('SQLite: 3 concurrent deliveries per ticket, a helpdesk failing 30% 500, 10% 429, hanging 5%', { timeout: 420_000 }, async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'faults-flaky-'));
    const file = path.join(folder, 'triage.db');
    const helpdesk = await startFlakyHelpdesk({ serverError: 0.3, tooManyRequests: 0.1, hang: 0.05 });
    const service = spawnService({ environment: { DATABASE_URL: `sqlite:${file}`, GENERIC_REPLY_URL: helpdesk.replyUrl } });
    const reader = sqliteProgress(file);
    try {
      const address = await service.address;
      const ids = ticketIds('flaky');
      const delivery = await deliverTickets({ address: () => address, ids, copies: COPIES, concurrency: 8, deadlineMs: 120_000 });
      const drained = await waitUntil(() => allDelivered(helpdesk, delivery.accepted), 210_000);
      const progress = await reader.read();
      const figures = figuresFrom({
        scenario: 'SQLite, 1 process: 3x deliveries, flaky helpdesk',
        ids,
        delivery,
        helpdesk,
        progress,
        timeToRecoverSeconds: drained === null ? null : Math.round(drained / 100) / 10,
        notes:
          `time to recover = from the last webhook acknowledged until every reply was created, the helpdesk failing throughout ` +
          `(answers: ${helpdesk.answered.ok} created, ${helpdesk.answered.serverError} x 500, ${helpdesk.answered.tooManyRequests} x 429, ` +
          `${helpdesk.answered.hung} hung); outbox at the end: ${progress.outboxPending} pending, ${progress.outboxFailed} failed for good.`,
      });
      results.push(figures);
      expect(service.alive()).toBe(true);
      expect(figures.accepted).toBe(TICKETS);
      expect(figures.lost).toBe(0);
      expect(figures.doubles).toBe(0);
      expect(await stop(service)).toBe(0);
    } finally {
      if (service.alive()) service.child.kill('SIGKILL');
      reader.close();
      await helpdesk.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('SQLite: SIGTERM under load, then a restart on the same port', { timeout: 300_000 }, async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'faults-sigterm-'));
    const file = path.join(folder, 'triage.db');
    const helpdesk = await startFlakyHelpdesk(HEALTHY);
    const port = await freePort();
    const environment = { DATABASE_URL: `sqlite:${file}`, GENERIC_REPLY_URL: helpdesk.replyUrl };
    const argv = [process.execPath, 'bin/triage.js', 'serve', '--port', String(port)];
    let service = spawnService({ environment, argv });
    const reader = sqliteProgress(file);
    let exitCode: number | null | undefined;
    let restartedAt = 0;
    let restart: Promise<void> | undefined;
    try {
      await service.address;
      const ids = ticketIds('sigterm');
      const delivery = await deliverTickets({
        address: () => `http://127.0.0.1:${port}`,
        ids,
        copies: COPIES,
        concurrency: 8,
        deadlineMs: 180_000,
        onAccepted: (count) => {
          if (count !== Math.floor(TICKETS / 3)) return;
          restart = (async () => {
            exitCode = await stop(service);
            service = spawnService({ environment, argv });
            await service.address;
            restartedAt = Date.now();
          })();
        },
      });
      await restart;
      await waitUntil(() => allDelivered(helpdesk, delivery.accepted), 120_000);
      const recoveredAt = allDelivered(helpdesk, delivery.accepted) ? Date.now() : undefined;
      const progress = await reader.read();
      const figures = figuresFrom({
        scenario: 'SQLite, 1 process: SIGTERM under load, restart',
        ids,
        delivery,
        helpdesk,
        progress,
        timeToRecoverSeconds: recoveredAt === undefined ? null : Math.round((recoveredAt - restartedAt) / 100) / 10,
        notes: `SIGTERM after ${Math.floor(TICKETS / 3)} tickets acknowledged; the stopped process exited ${exitCode}; time to recover = from the restarted process listening until every reply was created.`,
      });
      results.push(figures);
      expect(exitCode).toBe(0);
      expect(figures.lost).toBe(0);
      expect(figures.doubles).toBe(0);
      expect(await stop(service)).toBe(0);
    } finally {
      if (service.alive()) service.child.kill('SIGKILL');
      reader.close();
      await helpdesk.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  /** serve (webhooks + in-process workers) and one `triage worker`, sharing a fresh database. */
  async function postgresPair(database: ScratchDatabase, databaseUrl: string, helpdesk: FlakyHelpdesk) {
    const environment = { DATABASE_URL: databaseUrl, GENERIC_REPLY_URL: helpdesk.replyUrl, QUEUE_JOB_EXPIRE_SECONDS: '20', WORKER_CONCURRENCY: '2' };
    const serve = spawnService({ environment });
    const address = await serve.address;
    // Started after serve has migrated the store and created pg-boss's schema; the scenarios start
    // their fault once it is ready, so the fault hits a running process, not one still starting.
    const startWorker = () => spawnService({ command: 'worker', environment });
    return { serve, address, startWorker, reader: postgresProgress(database) as ProgressReader };
  }

  it('PostgreSQL, 2 processes: SIGKILL of a worker mid-run, then a restart', { timeout: 300_000 }, async () => {
    const database = await createScratchDatabase('faults_kill');
    const helpdesk = await startFlakyHelpdesk(HEALTHY);
    const pair = await postgresPair(database, database.url, helpdesk);
    let worker = pair.startWorker();
    await worker.ready;
    let killedAt = 0;
    let kill: Promise<void> | undefined;
    try {
      const ids = ticketIds('kill');
      const delivery = await deliverTickets({
        address: () => pair.address,
        ids,
        copies: COPIES,
        concurrency: 8,
        deadlineMs: 180_000,
        onAccepted: (count) => {
          if (count !== Math.floor(TICKETS / 3)) return;
          kill = (async () => {
            worker.child.kill('SIGKILL');
            await worker.exited;
            killedAt = Date.now();
            worker = pair.startWorker();
          })();
        },
      });
      await kill;
      await waitUntil(() => allDelivered(helpdesk, delivery.accepted), 150_000);
      const recoveredAt = allDelivered(helpdesk, delivery.accepted) ? Date.now() : undefined;
      const progress = await pair.reader.read();
      const abandoned = await database.query<{ count: string }>(`select count(*) as count from runs where error like 'abandoned%'`);
      const figures = figuresFrom({
        scenario: 'PostgreSQL, serve + worker: SIGKILL a worker, restart',
        ids,
        delivery,
        helpdesk,
        progress,
        timeToRecoverSeconds: recoveredAt === undefined ? null : Math.round((recoveredAt - killedAt) / 100) / 10,
        notes:
          `SIGKILL of the worker process after ${Math.floor(TICKETS / 3)} tickets acknowledged, restarted at once; ` +
          `${abandoned[0]?.count ?? 0} runs it left were taken over after QUEUE_JOB_EXPIRE_SECONDS=20 (pg-boss has no heartbeat); ` +
          `time to recover = from the kill until every reply was created.`,
      });
      results.push(figures);
      expect(pair.serve.alive()).toBe(true);
      expect(figures.lost).toBe(0);
      expect(figures.doubles).toBe(0);
      expect(await stop(worker)).toBe(0);
      expect(await stop(pair.serve)).toBe(0);
    } finally {
      for (const process of [worker, pair.serve]) if (process.alive()) process.child.kill('SIGKILL');
      await helpdesk.close();
      await database.drop();
    }
  });

  it('PostgreSQL, 2 processes: the database connection cut for 8 s under load', { timeout: 300_000 }, async () => {
    const database = await createScratchDatabase('faults_cut');
    const target = new URL(database.url);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const helpdesk = await startFlakyHelpdesk(HEALTHY);
    const pair = await postgresPair(database, database.urlVia(proxy.port), helpdesk);
    const worker = pair.startWorker();
    await worker.ready;
    let restoredAt = 0;
    let outage: Promise<void> | undefined;
    try {
      const ids = ticketIds('cut');
      const delivery = await deliverTickets({
        address: () => pair.address,
        ids,
        copies: COPIES,
        concurrency: 8,
        deadlineMs: 180_000,
        onAccepted: (count) => {
          if (count !== Math.floor(TICKETS / 3)) return;
          outage = (async () => {
            await proxy.cut();
            await new Promise((resolve) => setTimeout(resolve, 8_000));
            await proxy.restore();
            restoredAt = Date.now();
          })();
        },
      });
      await outage;
      await waitUntil(() => allDelivered(helpdesk, delivery.accepted), 150_000);
      const recoveredAt = allDelivered(helpdesk, delivery.accepted) ? Date.now() : undefined;
      const progress = await pair.reader.read();
      const figures = figuresFrom({
        scenario: 'PostgreSQL, serve + worker: connection cut 8 s',
        ids,
        delivery,
        helpdesk,
        progress,
        timeToRecoverSeconds: recoveredAt === undefined ? null : Math.round((recoveredAt - restoredAt) / 100) / 10,
        notes:
          `every connection of both processes cut (TCP proxy) after ${Math.floor(TICKETS / 3)} tickets acknowledged, refused for 8 s, then restored; ` +
          `both processes alive after: ${pair.serve.alive() && worker.alive()}; time to recover = from the restore until every reply was created.`,
      });
      results.push(figures);
      expect(pair.serve.alive(), pair.serve.stderr().slice(-3000)).toBe(true);
      expect(worker.alive(), worker.stderr().slice(-3000)).toBe(true);
      expect(figures.lost).toBe(0);
      expect(figures.doubles).toBe(0);
      expect(await stop(worker)).toBe(0);
      expect(await stop(pair.serve)).toBe(0);
    } finally {
      for (const process of [worker, pair.serve]) if (process.alive()) process.child.kill('SIGKILL');
      await proxy.close();
      await helpdesk.close();
      await database.drop();
    }
  });
});
