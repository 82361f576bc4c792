/**
 * CPU time of `recordRun` alone (recorded-run.ts: a triage run's outcome, events and reply scrubbed
 * and its events serialised, as the store takes them) over real mail's runs. The runs are made
 * first (`triageTicket` over the warm-up and measured tickets of bench/triage-cpu.ts); then the
 * warm-up runs are recorded, untimed, and the measured ones timed: once ("first sight", what a
 * deployment pays for a new ticket) and again ("seen again": what a table kept between runs would
 * save on mail it had met, which only a bench that repeats its tickets meets).
 *
 * Run: npx tsx bench/record-run-cpu.ts [--json]
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/service/config.js';
import { recordRun } from '../src/service/recorded-run.js';
import { createTriageRuntime } from '../src/service/triage-runtime.js';
import { triageTicket, type TriageRunResult } from '../src/triage/pipeline.js';
import { DEFAULT_TRIAGE_CPU_SETS, DEFAULT_TRIAGE_CPU_WARMUP, readEvalTickets } from './triage-cpu.js';
import { runAsScript } from './run-as-script.js';

export interface RecordRunCpuResult {
  tickets: number;
  firstSightCpuMsPerTicket: number;
  seenAgainCpuMsPerTicket: number;
}

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

export async function runRecordRunCpuBench(): Promise<RecordRunCpuResult> {
  const measured = readEvalTickets(DEFAULT_TRIAGE_CPU_SETS);
  const warmup = [...readEvalTickets(DEFAULT_TRIAGE_CPU_WARMUP), ...measured.filter((_, index) => index % 2 === 1)];
  const tickets = measured.filter((_, index) => index % 2 === 0);
  const runtime = await createTriageRuntime(loadConfig({ DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'silent' }));
  const warmupRuns: TriageRunResult[] = [];
  const runs: TriageRunResult[] = [];
  try {
    for (const ticket of warmup) warmupRuns.push(await triageTicket(ticket, runtime.deps));
    for (const ticket of tickets) runs.push(await triageTicket(ticket, runtime.deps));
  } finally {
    await runtime.close();
  }
  for (const run of warmupRuns) recordRun(run);
  let started = cpuMs();
  for (const run of runs) recordRun(run);
  const firstSight = (cpuMs() - started) / runs.length;
  started = cpuMs();
  for (const run of runs) recordRun(run);
  const seenAgain = (cpuMs() - started) / runs.length;
  return { tickets: runs.length, firstSightCpuMsPerTicket: Number(firstSight.toFixed(3)), seenAgainCpuMsPerTicket: Number(seenAgain.toFixed(3)) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } });
  const result = await runRecordRunCpuBench();
  if (values.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  process.stdout.write(
    `recordRun over ${result.tickets} tickets' runs: ${result.firstSightCpuMsPerTicket} ms CPU per ticket at first sight, ${result.seenAgainCpuMsPerTicket} ms seen again\n`,
  );
}

runAsScript(import.meta.url, main);
