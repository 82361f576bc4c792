/**
 * Where a triage thread starts: the compiled `.js` entry when a build put it beside the pool, else
 * the tsx bootstrap with the TypeScript entry (tests, `tsx`). And the TRIAGE_THREADS setting.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ScriptedModel } from '../../../src/agentao/index.js';
import { loadConfig } from '../../../src/service/config.js';
import { resolveThreadEntry, THREAD_ENTRY_DIRECTORY } from '../../../src/service/triage-threads/thread-entry.js';
import { createTriageThreadPool, triageThreadCount } from '../../../src/service/triage-threads/triage-thread-pool.js';
import { runsOnThreads } from '../../../src/service/triage-runtime.js';

describe('the thread entry', () => {
  it('runs the compiled .js entry when one sits beside the pool', () => {
    const directory = new URL('file:///app/dist/service/triage-threads/');
    const entry = resolveThreadEntry(directory, (file) => file.endsWith('triage-thread-main.js'));
    expect(entry).toEqual({ url: new URL('triage-thread-main.js', directory) });
  });

  it('runs the TypeScript entry through the tsx bootstrap otherwise, and both files exist in the sources', () => {
    const entry = resolveThreadEntry();
    expect(entry.url.href).toBe(new URL('register-tsx.mjs', THREAD_ENTRY_DIRECTORY).href);
    expect(entry.typescriptEntry).toBe(new URL('triage-thread-main.ts', THREAD_ENTRY_DIRECTORY).href);
    expect(existsSync(fileURLToPath(entry.url))).toBe(true);
    expect(existsSync(fileURLToPath(entry.typescriptEntry!))).toBe(true);
  });

  it('starts a plain .js entry without any loader (as a compiled build does)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'thread-entry-'));
    // A stand-in for the compiled entry: speaks the pool's protocol, answers every run at once.
    writeFileSync(
      join(folder, 'triage-thread-main.js'),
      `import { parentPort, workerData } from 'node:worker_threads';
       parentPort.postMessage({ type: 'ready' });
       parentPort.on('message', (message) => {
         if (message.type === 'close') process.exit(0);
         if (message.type === 'run') parentPort.postMessage({ type: 'result', id: message.id, result: { stopReason: 'answer', typescriptEntry: workerData.entry ?? null, ticketId: message.ticket.id } });
       });`,
    );
    writeFileSync(join(folder, 'package.json'), '{"type":"module"}');
    const pool = createTriageThreadPool({
      threads: 1,
      config: loadConfig({}),
      databaseUrl: 'sqlite::memory:',
      entryDirectory: pathToFileURL(`${folder}/`),
    });
    try {
      await pool.started;
      const result = await pool.triage({ id: 'T-js', source: 'cli', customerEmail: 'ada@example.com', body: 'hi', receivedAt: '2026-12-03T10:00:00.000Z' });
      expect(result).toEqual({ stopReason: 'answer', typescriptEntry: null, ticketId: 'T-js' });
    } finally {
      await pool.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('TRIAGE_THREADS', () => {
  it('is "auto" (one thread per core) unless set; 0 keeps the triage on the main thread', () => {
    expect(loadConfig({}).TRIAGE_THREADS).toBe('auto');
    expect(triageThreadCount('auto')).toBe(availableParallelism());
    expect(loadConfig({ TRIAGE_THREADS: '0' }).TRIAGE_THREADS).toBe(0);
    expect(loadConfig({ TRIAGE_THREADS: '3' }).TRIAGE_THREADS).toBe(3);
    expect(() => loadConfig({ TRIAGE_THREADS: 'many' })).toThrow(/TRIAGE_THREADS/);
  });

  it('lowers the threads\' priority to nice 10 unless TRIAGE_THREAD_NICENESS says otherwise (0-19)', () => {
    expect(loadConfig({}).TRIAGE_THREAD_NICENESS).toBe(10);
    expect(loadConfig({ TRIAGE_THREAD_NICENESS: '0' }).TRIAGE_THREAD_NICENESS).toBe(0);
    expect(() => loadConfig({ TRIAGE_THREAD_NICENESS: '20' })).toThrow(/TRIAGE_THREAD_NICENESS/);
  });

  it('uses threads only when asked and when nothing the threads cannot rebuild was handed in', () => {
    expect(runsOnThreads({ triageThreads: 2 })).toBe(true);
    expect(runsOnThreads({})).toBe(false);
    expect(runsOnThreads({ triageThreads: 0 })).toBe(false);
    expect(runsOnThreads({ triageThreads: 2, model: new ScriptedModel([]) })).toBe(false);
  });
});
