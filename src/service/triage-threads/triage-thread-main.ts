/** The entry of a triage thread (started by triage-thread-pool.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import type { TriageThreadData } from './thread-protocol.js';
import { serveTriageThread } from './triage-thread.js';

if (!parentPort) throw new Error('triage-thread-main runs as a worker thread; triage-thread-pool.ts starts it');
serveTriageThread(parentPort, workerData as TriageThreadData);
