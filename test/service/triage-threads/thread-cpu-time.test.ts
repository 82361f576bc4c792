/**
 * The triage threads' CPU clock counts the calling thread only (Linux); the process clock counts
 * every thread. Counted, not timed: another thread does a fixed amount of work while this one waits.
 */
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { openThreadCpuClock } from '../../../src/service/triage-threads/thread-cpu-time.js';

const processCpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

describe('the thread CPU clock', () => {
  // Undefined where the system shows no per-thread CPU time (not Linux): these tests say skipped there.
  const clock = openThreadCpuClock();
  afterAll(() => clock?.close());

  it.skipIf(clock === undefined)('counts the work of this thread, not of another thread of the process', async () => {
    const threadClock = clock!.now;
    const flag = new Int32Array(new SharedArrayBuffer(4));
    // Another thread spins through a fixed count of iterations, then wakes this one.
    const worker = new Worker(
      `const { workerData } = require('node:worker_threads');
       let x = 0; for (let i = 0; i < 3e8; i++) x = (x + i) | 0;
       Atomics.store(workerData.flag, 0, x === 0.5 ? 2 : 1); Atomics.notify(workerData.flag, 0);`,
      { eval: true, workerData: { flag } },
    );
    const online = new Promise((resolve) => worker.once('online', resolve));
    await online;
    const threadBefore = threadClock();
    const processBefore = processCpuMs();
    // Blocks this thread without using CPU until the other thread is done.
    Atomics.wait(flag, 0, 0);
    const threadSpent = threadClock() - threadBefore;
    const processSpent = processCpuMs() - processBefore;
    await worker.terminate();
    expect(processSpent).toBeGreaterThan(0);
    expect(threadSpent).toBeLessThan(processSpent / 4);
  });

  it.skipIf(clock === undefined)('advances with the work of this thread', () => {
    const threadClock = clock!.now;
    const before = threadClock();
    let x = 0;
    for (let i = 0; i < 1e8; i++) x = (x + i) | 0;
    expect(x).not.toBe(0.5);
    expect(threadClock()).toBeGreaterThan(before);
  });
});
