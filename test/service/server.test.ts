import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { ServiceStartError } from '../../src/service/errors.js';
import { loadConfig } from '../../src/service/config.js';
import { serve } from '../../src/service/server.js';

describe('triage serve', () => {
  it('accepts a signed webhook, triages it in-process, reports it, and stops cleanly', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'triage-serve-'));
    const secret = 's3cret';
    const config = loadConfig({
      DATABASE_URL: `sqlite:${join(folder, 'serve.db')}`,
      // On the main thread: triage threads have tests of their own (test/service/triage-threads/).
      TRIAGE_THREADS: '0',
      GENERIC_WEBHOOK_SECRET: secret,
      GENERIC_REPLY_URL: 'http://127.0.0.1:9/unused',
      LOG_LEVEL: 'silent',
    });
    const logs: string[] = [];
    let stop: (() => void) | undefined;
    let served: Promise<void> | undefined;
    const address = await new Promise<string>((resolve) => {
      served = serve(config, {
        port: 0,
        log: (line) => logs.push(line),
        onListening: (listeningAt, stopServer) => {
          stop = stopServer;
          resolve(listeningAt);
        },
        worker: { signals: [], sweepIntervalMs: 0 },
      });
    });
    try {
      const token = /this run's token is (\S+)/.exec(logs.join(''))?.[1];
      expect(token).toBeTruthy();
      const body = JSON.stringify({ id: 'S-1', customer_email: 'linus@example.com', body: 'Please cancel my subscription' });
      const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
      const accepted = await fetch(`${address}/webhooks/generic`, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-signature': signature } });
      expect(accepted.status).toBe(202);
      let ticket: { status: string; outcome: { tags: string[] } | null } | undefined;
      // Bounded by count, generous for a loaded machine: the test waits on the outcome, not a clock.
      for (let attempt = 0; attempt < 600; attempt++) {
        const response = await fetch(`${address}/api/tickets/generic:S-1`, { headers: { authorization: `Bearer ${token}` } });
        ticket = (await response.json()) as typeof ticket;
        if (ticket?.outcome) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(ticket?.status).toBe('drafted');
      expect(ticket?.outcome?.tags).toContain('retention');
      const metrics = await (await fetch(`${address}/metrics`)).text();
      expect(metrics).toMatch(/triage_tickets_drafted_total 1/);
      expect((await fetch(`${address}/healthz`)).status).toBe(200);
      expect((await fetch(`${address}/`)).status).toBe(200);
    } finally {
      stop?.();
      await served;
      rmSync(folder, { recursive: true, force: true, maxRetries: 3 });
    }
  });

  it('fails (and the CLI exits 1) when it cannot listen, instead of a clean exit', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'triage-serve-busy-'));
    const blocker = createServer();
    const port = await new Promise<number>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)));
    const environment = { DATABASE_URL: `sqlite:${join(folder, 'serve.db')}`, LOG_LEVEL: 'silent', REVIEWER_TOKEN: 'token-for-the-test', TRIAGE_THREADS: '0' };
    try {
      await expect(
        serve(loadConfig(environment), { port, host: '127.0.0.1', log: () => undefined, worker: { signals: [], sweepIntervalMs: 0 } }),
      ).rejects.toBeInstanceOf(ServiceStartError);
      let stderr = '';
      const code = await runCli(['serve', '--port', String(port)], {
        stdout: () => undefined,
        stderr: (text) => (stderr += text),
        readStdin: () => new Uint8Array(),
        stderrIsTty: false,
        environment,
      });
      expect(code).toBe(1);
      expect(stderr).toMatch(/cannot listen on 127\.0\.0\.1:\d+: .*EADDRINUSE/);
    } finally {
      blocker.close();
      rmSync(folder, { recursive: true, force: true, maxRetries: 3 });
    }
  });
});
