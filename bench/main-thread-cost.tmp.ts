import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/service/config.js';
import { createOutboxDispatcher } from '../src/service/outbox/outbox-dispatcher.js';
import { scrubTicket } from '../src/service/process-ticket.js';
import { createJobQueue } from '../src/service/queue/create-job-queue.js';
import { silentLogger } from '../src/service/queue/logger.js';
import { insertTicketIfAbsent } from '../src/service/store/repositories/ticket-repository.js';
import { createTriageRuntime } from '../src/service/triage-runtime.js';
import { createFailedJobHandler, createWorker } from '../src/service/worker/worker.js';
import { SAMPLE_TICKETS } from './triage-latency.js';

const threads = Number(process.argv[2] ?? '2');
const count = Number(process.argv[3] ?? '300');
const folder = mkdtempSync(join(tmpdir(), 'cost-'));
const config = loadConfig({ DATABASE_URL: `sqlite:${join(folder, 'b.db')}`, TRIAGE_THREADS: String(threads) });
const runtime = await createTriageRuntime(config, { triageThreads: threads });
const dispatcher = createOutboxDispatcher({ db: runtime.store.db, connectors: {}, logger: silentLogger, cipher: runtime.outboxCipher });
const queue = await createJobQueue({ store: runtime.store, databaseUrl: config.DATABASE_URL, onFailed: createFailedJobHandler({ runtime, dispatcher, logger: silentLogger }), logger: silentLogger });
await runtime.store.db.transaction().execute(async (transaction) => {
  for (let index = 0; index < count; index++) {
    const sample = SAMPLE_TICKETS[index % SAMPLE_TICKETS.length]!;
    const { ticket } = await insertTicketIfAbsent(transaction, scrubTicket({ id: `b-${index}`, source: 'cli', customerEmail: sample.email, body: sample.body, receivedAt: new Date().toISOString() }));
    await queue.enqueue({ ticketId: ticket.id }, { transaction });
  }
});
let done = 0;
let resolveDone!: () => void;
const finished = new Promise<void>((resolve) => (resolveDone = resolve));
const worker = createWorker({ runtime, queue, dispatcher, concurrency: 4, logger: silentLogger, sweepIntervalMs: 0, observeOutcome: () => { if (++done === count) resolveDone(); } });
const elu0 = performance.eventLoopUtilization();
const t0 = performance.now();
await worker.start();
await finished;
const elu = performance.eventLoopUtilization(elu0);
const seconds = (performance.now() - t0) / 1000;
console.log(`threads ${threads}: ${count} tickets in ${seconds.toFixed(1)} s (${(count / seconds).toFixed(0)}/s), main event loop busy ${(elu.active / count).toFixed(2)} ms per ticket, utilization ${(elu.utilization * 100).toFixed(0)}%`);
await worker.stop({ timeoutMs: 1000 });
await runtime.close();
process.exit(0);
