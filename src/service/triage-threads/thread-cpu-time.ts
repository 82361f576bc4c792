/**
 * The calling thread's own CPU time. `process.cpuUsage()` counts every thread of the process, so a
 * triage thread's CPU budget would be charged for the main thread's and the other threads' work.
 * Node 20 has no per-thread clock (`process.threadCpuUsage` is Node 23); Linux shows each thread's
 * time on the CPU in nanoseconds in `/proc/thread-self/schedstat`.
 */
import { readFileSync } from 'node:fs';

const SCHEDSTAT = '/proc/thread-self/schedstat';

function readThreadCpuMs(): number {
  return Number(readFileSync(SCHEDSTAT, 'latin1').split(' ', 1)[0]) / 1e6;
}

/** A clock of the calling thread's CPU time in ms, or undefined where the system does not show it. */
export function threadCpuClock(): (() => number) | undefined {
  try {
    return Number.isFinite(readThreadCpuMs()) ? readThreadCpuMs : undefined;
  } catch {
    return undefined;
  }
}
