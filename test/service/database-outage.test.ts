/**
 * The real `triage serve` on PostgreSQL (pg-boss) through a TCP proxy the test cuts and restores:
 * the process stays alive through the outage, /healthz answers 503 naming the store while the
 * database is gone and 200 once it is back, webhooks answer 503 (retry) rather than 202 meanwhile,
 * and tickets queued before and after are processed with no restart. A process started while
 * the database is down waits for it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startStandInHelpdesk, type StandInHelpdesk } from './outbox/support/stand-in-helpdesk.js';
import { createScratchDatabase, type ScratchDatabase } from '../faults/support/scratch-database.js';
import { healthStatus, postGenericWebhook, spawnService, type ServiceProcess } from '../faults/support/service-process.js';
import { startTcpProxy, type TcpProxy } from '../faults/support/tcp-proxy.js';

describe('a PostgreSQL outage under triage serve', () => {
  let database: ScratchDatabase | undefined;
  let proxy: TcpProxy | undefined;
  let helpdesk: StandInHelpdesk | undefined;
  let service: ServiceProcess | undefined;

  afterEach(async () => {
    if (service?.alive()) service.child.kill('SIGKILL');
    await service?.exited;
    await proxy?.close();
    await helpdesk?.close();
    await database?.drop();
  });

  async function decided(): Promise<number> {
    const rows = await database!.query<{ count: string }>('select count(*) as count from decisions');
    return Number(rows[0]?.count ?? 0);
  }

  it('a worker started while the database is down waits for it, and stops cleanly if told to meanwhile', { timeout: 180_000 }, async () => {
    database = await createScratchDatabase('outage_start');
    proxy = await startTcpProxy({ host: new URL(database.url).hostname, port: Number(new URL(database.url).port || 5432) });
    await proxy.cut();
    const environment = { DATABASE_URL: database.urlVia(proxy.port) };
    const waiting = (process: ServiceProcess) => process.stderr().includes('the database cannot be reached; waiting for it');
    const stoppedWhileWaiting = spawnService({ command: 'worker', environment });
    service = spawnService({ command: 'worker', environment });
    await vi.waitFor(() => expect(waiting(stoppedWhileWaiting) && waiting(service!)).toBe(true), { timeout: 60_000, interval: 250 });

    stoppedWhileWaiting.child.kill('SIGTERM');
    expect(await stoppedWhileWaiting.exited).toEqual({ code: 0, signal: null });

    await proxy.restore();
    await service.ready;
    expect(service.alive()).toBe(true);
    service.child.kill('SIGTERM');
    expect(await service.exited).toEqual({ code: 0, signal: null });
  });

  it('keeps the process alive, reports 503 while the store is gone, and resumes work when it is back', { timeout: 180_000 }, async () => {
    database = await createScratchDatabase('outage');
    proxy = await startTcpProxy({ host: new URL(database.url).hostname, port: Number(new URL(database.url).port || 5432) });
    helpdesk = await startStandInHelpdesk();
    service = spawnService({
      environment: { DATABASE_URL: database.urlVia(proxy.port), GENERIC_REPLY_URL: helpdesk.replyUrl, HEALTH_CHECK_TIMEOUT_MS: '1000' },
    });
    const address = await service.address;
    const body = 'How do I reset my password? I cannot log in.';

    for (let index = 0; index < 5; index += 1) expect(await postGenericWebhook(address, `before-${index}`, body)).toBe(202);
    await vi.waitFor(async () => expect(await decided()).toBe(5), { timeout: 60_000, interval: 250 });

    await proxy.cut();
    await vi.waitFor(async () => expect((await healthStatus(address)).failing).toContain('store'), { timeout: 20_000, interval: 250 });
    expect((await healthStatus(address)).status).toBe(503);
    // A webhook that cannot be stored is not acknowledged: the helpdesk retries it.
    const duringOutage = await Promise.all([0, 1, 2].map((index) => postGenericWebhook(address, `during-${index}`, body)));
    expect(duringOutage.every((status) => status === 503)).toBe(true);
    // Several poll and maintenance rounds of pg-boss fail meanwhile; the process must outlive them.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(service.alive()).toBe(true);

    await proxy.restore();
    await vi.waitFor(async () => expect((await healthStatus(address)).status).toBe(200), { timeout: 60_000, interval: 500 });
    for (let index = 0; index < 5; index += 1) expect(await postGenericWebhook(address, `after-${index}`, body)).toBe(202);
    await vi.waitFor(async () => expect(await decided()).toBe(10), { timeout: 90_000, interval: 500 });
    expect(service.alive()).toBe(true);

    service.child.kill('SIGTERM');
    expect(await service.exited).toEqual({ code: 0, signal: null });
  });
});
