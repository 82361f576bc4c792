/**
 * One scenario's figures, from what the load driver saw, what the helpdesk stand-in received and
 * what the store holds at the end, and the table the suite prints (and docs/reliability.md keeps).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FlakyHelpdesk } from './flaky-helpdesk.js';
import type { DeliveryStats } from './load-driver.js';
import type { Progress } from './progress.js';
import { PROJECT_ROOT } from './service-process.js';

export interface ScenarioFigures {
  scenario: string;
  tickets: number;
  /** Tickets the service acknowledged with 202. */
  accepted: number;
  /** Accepted tickets with a decision at the end. */
  processed: number;
  /** Tickets that reached the helpdesk exactly once (one reply or note created). */
  exactlyOnce: number;
  /** Tickets with more than one reply or note created on the helpdesk. */
  doubles: number;
  /** Accepted tickets the store does not hold: acknowledged and gone. */
  lost: number;
  /** Webhook answers with a 5xx status (503 = "not stored, retry"). */
  serverErrors: number;
  /** Webhook requests with no answer (service restarting). */
  noAnswer: number;
  /** Accepted tickets not delivered at the end of the scenario (outbox pending or no decision). */
  stuck: number;
  /** From the end of the fault (restart, restore) until every accepted ticket was delivered; null if never within the scenario. */
  timeToRecoverSeconds: number | null;
  notes: string;
}

export function figuresFrom(input: {
  scenario: string;
  ids: string[];
  delivery: DeliveryStats;
  helpdesk: FlakyHelpdesk;
  progress: Progress;
  timeToRecoverSeconds: number | null;
  notes: string;
}): ScenarioFigures {
  const { ids, delivery, helpdesk, progress } = input;
  const accepted = ids.filter((id) => delivery.accepted.has(id));
  const ticketId = (id: string) => `generic:${id}`;
  const createdCount = (id: string) => helpdesk.created.get(ticketId(id)) ?? 0;
  return {
    scenario: input.scenario,
    tickets: ids.length,
    accepted: accepted.length,
    processed: progress.decided,
    exactlyOnce: accepted.filter((id) => createdCount(id) === 1).length,
    doubles: accepted.filter((id) => createdCount(id) > 1).length,
    lost: accepted.filter((id) => !progress.storedIds.has(ticketId(id))).length,
    serverErrors: delivery.serverErrors,
    noAnswer: delivery.noAnswer,
    stuck: accepted.filter((id) => createdCount(id) === 0).length,
    timeToRecoverSeconds: input.timeToRecoverSeconds,
    notes: input.notes,
  };
}

const COLUMNS: [keyof ScenarioFigures, string][] = [
  ['scenario', 'scenario'],
  ['tickets', 'tickets'],
  ['accepted', 'accepted'],
  ['processed', 'processed'],
  ['exactlyOnce', 'exactly once'],
  ['doubles', 'doubles'],
  ['lost', 'lost'],
  ['serverErrors', '5xx'],
  ['noAnswer', 'no answer'],
  ['stuck', 'stuck'],
  ['timeToRecoverSeconds', 'time to recover (s)'],
];

export function renderTable(results: ScenarioFigures[]): string {
  const header = `| ${COLUMNS.map(([, title]) => title).join(' | ')} |`;
  const rule = `|${COLUMNS.map(() => '---').join('|')}|`;
  const rows = results.map((result) => `| ${COLUMNS.map(([key]) => String(result[key] ?? 'never')).join(' | ')} |`);
  const notes = results.map((result) => `- ${result.scenario}: ${result.notes}`);
  return [header, rule, ...rows, '', ...notes].join('\n');
}

export function machineLine(): string {
  const cpus = os.cpus();
  return `${cpus.length} x ${cpus[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${os
    .loadavg()
    .map((value) => value.toFixed(1))
    .join(' ')} at the end`;
}

/** Written to var/faults/ (ignored by git); docs/reliability.md quotes a run. */
export function saveResults(results: ScenarioFigures[]): string {
  const folder = path.join(PROJECT_ROOT, 'var', 'faults');
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, 'results.json');
  writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), machine: machineLine(), results }, null, 2)}\n`);
  return file;
}
