/**
 * The calling thread's own CPU time. `process.cpuUsage()` counts every thread of the process, so a
 * triage thread's CPU budget would be charged for the main thread's and the other threads' work.
 * Node 20 has no per-thread clock (`process.threadCpuUsage` is Node 23); Linux shows each thread's
 * time on the CPU in nanoseconds in `/proc/thread-self/schedstat`.
 */
import { closeSync, openSync, readSync } from 'node:fs';

export interface ThreadCpuClock {
  /** CPU time of the thread that opened the clock, in ms. */
  now(): number;
  close(): void;
}

/**
 * Opens the calling thread's clock, or undefined where the system does not show it. The file is
 * kept open and re-read at offset 0 (about 1 us; opening it each time costs about 9): the budget
 * reads the clock twice per stage.
 */
export function openThreadCpuClock(): ThreadCpuClock | undefined {
  let descriptor: number;
  try {
    // Resolved now, for this thread: the descriptor keeps naming it whoever reads it later.
    descriptor = openSync('/proc/thread-self/schedstat', 'r');
  } catch {
    return undefined;
  }
  const buffer = Buffer.alloc(64);
  const now = (): number => {
    const length = readSync(descriptor, buffer, 0, buffer.length, 0);
    return Number(buffer.toString('latin1', 0, length).split(' ', 1)[0]) / 1e6;
  };
  try {
    if (!Number.isFinite(now())) throw new Error('unreadable');
  } catch {
    closeSync(descriptor);
    return undefined;
  }
  return { now, close: () => closeSync(descriptor) };
}
