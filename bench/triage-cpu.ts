/**
 * CPU time per ticket of the offline triage alone (`triageTicket`: local model, the CRM in the
 * runtime's in-memory SQLite store, no storage of the result) over real mail: the labelled eval
 * sets, not the eight short sample tickets of triage-latency.ts. The warm-up runs first: the
 * warm-up set and every other line of the measured set (so that the warm-up holds mail of every
 * language and form the measured set has: V8 compiles each large pattern once per kind of string,
 * which costs up to 0.3 s on the first German mail a process reads, and that is start-up, not a
 * ticket's cost). Then the measured set's other lines are triaged once, mail the process has not
 * seen ("first sight", what a deployment pays), and again (`--passes`), where anything kept between
 * tickets (a cache keyed on the words of a mail) shows as a difference from the first. Timed with
 * `process.cpuUsage` (user + system) and the wall clock.
 *
 *   npx tsx bench/triage-cpu.ts [--warmup data/eval/sends-apart.jsonl] [--sets data/eval/inbox-heldout.jsonl] [--passes 3] [--json]
 *   node --cpu-prof --cpu-prof-dir /tmp/prof --import tsx bench/triage-cpu.ts
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parseLabelledEvalSet } from '../src/service/inbox-evaluation.js';
import { loadConfig } from '../src/service/config.js';
import { createTriageRuntime } from '../src/service/triage-runtime.js';
import { validateTicketInput } from '../src/service/ticket-input.js';
import { triageTicket } from '../src/triage/pipeline.js';
import type { Ticket } from '../src/triage/types.js';

export const DEFAULT_TRIAGE_CPU_WARMUP = ['data/eval/sends-apart.jsonl'];
export const DEFAULT_TRIAGE_CPU_SETS = ['data/eval/inbox-heldout.jsonl'];

export interface TriageCpuResult {
  tickets: number;
  /** Passes over the measured set: the first sight, then the set again. */
  passes: number;
  firstSight: { cpuMsPerTicket: number; wallMsPerTicket: number };
  /** Passes 2 and later; absent with one pass. */
  seenAgain?: { cpuMsPerTicket: number; wallMsPerTicket: number };
  sent: number;
}

export function readEvalTickets(sets: readonly string[]): Ticket[] {
  return sets.flatMap((set) =>
    parseLabelledEvalSet(readFileSync(set, 'utf8'), set).map(({ line }) => {
      // As `triage eval` reads a line (run-eval.ts): the same defaults and trimming.
      const input = validateTicketInput({ text: line.text, email: line.email, subject: line.subject });
      return {
        id: `cpu-${line.id}`,
        source: 'eval',
        customerEmail: input.email,
        subject: input.subject,
        body: input.text,
        receivedAt: '2026-12-04T00:00:00.000Z',
      };
    }),
  );
}

export async function runTriageCpuBench(
  options: { warmup?: readonly string[]; sets?: readonly string[]; passes?: number; limit?: number; log?: (line: string) => void } = {},
): Promise<TriageCpuResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const passes = Math.max(1, options.passes ?? 3);
  const measured = readEvalTickets(options.sets ?? DEFAULT_TRIAGE_CPU_SETS);
  const warmup = [
    ...readEvalTickets(options.warmup ?? DEFAULT_TRIAGE_CPU_WARMUP),
    ...measured.filter((_, index) => index % 2 === 1),
  ].slice(0, options.limit);
  const tickets = measured.filter((_, index) => index % 2 === 0).slice(0, options.limit);
  const runtime = await createTriageRuntime(loadConfig({ DATABASE_URL: 'sqlite::memory:' }));
  try {
    for (const ticket of warmup) await triageTicket(ticket, runtime.deps);
    let sent = 0;
    const timePasses = async (count: number, countSent: boolean) => {
      const cpu = process.cpuUsage();
      const started = performance.now();
      for (let pass = 0; pass < count; pass++) {
        for (const ticket of tickets) {
          const { outcome } = await triageTicket(ticket, runtime.deps);
          if (countSent && pass === 0 && outcome.decision === 'sent') sent++;
        }
      }
      const wall = performance.now() - started;
      const used = process.cpuUsage(cpu);
      const runs = Math.max(1, tickets.length * count);
      return { cpuMsPerTicket: Number(((used.user + used.system) / 1000 / runs).toFixed(3)), wallMsPerTicket: Number((wall / runs).toFixed(3)) };
    };
    const firstSight = await timePasses(1, true);
    const seenAgain = passes > 1 ? await timePasses(passes - 1, false) : undefined;
    const result: TriageCpuResult = { tickets: tickets.length, passes, firstSight, ...(seenAgain ? { seenAgain } : {}), sent };
    log(`triage CPU, ${tickets.length} eval tickets after ${warmup.length} warm-up tickets (${sent} sent)`);
    log(`  first sight: CPU ${firstSight.cpuMsPerTicket} ms/ticket, wall ${firstSight.wallMsPerTicket} ms/ticket`);
    if (seenAgain) log(`  seen again (${passes - 1} passes): CPU ${seenAgain.cpuMsPerTicket} ms/ticket, wall ${seenAgain.wallMsPerTicket} ms/ticket`);
    return result;
  } finally {
    await runtime.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: { warmup: { type: 'string' }, sets: { type: 'string' }, passes: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } },
  });
  const result = await runTriageCpuBench({
    warmup: values.warmup ? values.warmup.split(',') : undefined,
    sets: values.sets ? values.sets.split(',') : undefined,
    passes: values.passes ? Number(values.passes) : undefined,
    limit: values.limit ? Number(values.limit) : undefined,
    log: values.json ? () => undefined : undefined,
  });
  if (values.json) console.log(JSON.stringify(result, null, 2));
}
