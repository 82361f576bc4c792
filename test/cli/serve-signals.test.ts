/**
 * SIGTERM stops the service however it was started: `node bin/triage.js serve` (the documented way)
 * exits 0 and frees its port; under `npm run triage -- serve`, where npm's shell does not pass the
 * signal on, the orphaned service notices and stops the same graceful way.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { spawnService, type ServiceProcess } from '../faults/support/service-process.js';
import { ensureBuilt } from './support/run-process.js';

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

function processIsGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

/** The pid pino writes in the service's own log lines (not npm's or the shell's). */
function servicePid(service: ServiceProcess): number {
  return Number(/"pid":(\d+)[^\n]*"msg":"triage service listening"/.exec(service.stderr())?.[1]);
}

describe('signals reach the service', () => {
  let folder: string;
  let service: ServiceProcess | undefined;

  // The compiled service, as deployed (a stale dist/ would run the sources instead).
  beforeAll(ensureBuilt, 180_000);

  afterEach(async () => {
    const pid = service ? servicePid(service) : NaN;
    if (Number.isInteger(pid) && !processIsGone(pid)) process.kill(pid, 'SIGKILL');
    if (service?.alive()) service.child.kill('SIGKILL');
    await service?.exited;
    rmSync(folder, { recursive: true, force: true });
  });

  it('node bin/triage.js serve: SIGTERM exits 0 and frees the port', { timeout: 120_000 }, async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'serve-signals-'));
    service = spawnService({ environment: { DATABASE_URL: `sqlite:${path.join(folder, 'triage.db')}` } });
    const port = Number(new URL(await service.address).port);
    expect(await portIsFree(port)).toBe(false);

    service.child.kill('SIGTERM');
    expect(await service.exited).toEqual({ code: 0, signal: null });
    expect(await portIsFree(port)).toBe(true);
    expect(service.stderr()).toMatch(/triage worker stopped/);
  });

  it('npm run triage -- serve: the service stops gracefully although npm does not wait for it', { timeout: 120_000 }, async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'serve-signals-'));
    service = spawnService({
      environment: { DATABASE_URL: `sqlite:${path.join(folder, 'triage.db')}` },
      argv: ['npm', 'run', '--silent', 'triage', '--', 'serve', '--port', '0'],
    });
    const port = Number(new URL(await service.address).port);
    const pid = servicePid(service);
    expect(pid).not.toBe(service.child.pid);

    service.child.kill('SIGTERM');
    await service.exited;
    await vi.waitFor(() => expect(processIsGone(pid)).toBe(true), { timeout: 30_000, interval: 200 });
    expect(await portIsFree(port)).toBe(true);
    expect(service.stderr()).toMatch(/triage worker stopped/);
  });
});
