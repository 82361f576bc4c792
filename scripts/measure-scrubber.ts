/**
 * The scrubber's cost per ticket on the product's own held-out inbox (data/eval/inbox-heldout.jsonl,
 * subject and text): `npx tsx scripts/measure-scrubber.ts [rounds] [scrubber module]`. Prints
 * microseconds per ticket (median and min of rounds) for scrubText, and for the detectors run with
 * and without their pre-checks (scrubber-triggers.ts). The optional module path measures another
 * copy of the scrubber (e.g. main's, extracted with `git archive`).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { GATED_DETECTORS } from '../src/triage/scrubber-detect.js';

const rounds = Number(process.argv[2] ?? 9);
const modulePath = process.argv[3] ? pathToFileURL(resolve(process.argv[3])).href : '../src/triage/scrubber.js';
const { scrubText } = (await import(modulePath)) as typeof import('../src/triage/scrubber.js');
const tickets = readFileSync(new URL('../data/eval/inbox-heldout.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim().length > 0)
  .map((line) => JSON.parse(line) as { subject?: string; text: string });
const texts = tickets.flatMap((ticket) => [ticket.subject ?? '', ticket.text]);

function measure(name: string, run: (text: string) => void): void {
  for (const text of texts) run(text); // warm-up: compile the regexes, let the JIT settle
  const timings: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const started = performance.now();
    for (let repeat = 0; repeat < 5; repeat += 1) for (const text of texts) run(text);
    timings.push(((performance.now() - started) * 1000) / (5 * tickets.length));
  }
  timings.sort((left, right) => left - right);
  console.log(`${name}: median ${timings[Math.floor(rounds / 2)]!.toFixed(1)} µs per ticket, min ${timings[0]!.toFixed(1)}`);
}

const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / tickets.length;
console.log(`${tickets.length} tickets, ${bytes.toFixed(0)} bytes each on average`);
measure('scrubText', (text) => scrubText(text));
if (!process.argv[3]) {
  measure('detectors with pre-checks', (text) => {
    for (const { detector, trigger } of GATED_DETECTORS) if (trigger.test(text)) for (const _ of detector.find(text));
  });
  measure('detectors without pre-checks', (text) => {
    for (const { detector } of GATED_DETECTORS) for (const _ of detector.find(text));
  });
}
