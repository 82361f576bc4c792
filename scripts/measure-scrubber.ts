/**
 * The scrubber's cost per ticket on the product's own held-out inbox (data/eval/inbox-heldout.jsonl,
 * subject and text): `npx tsx scripts/measure-scrubber.ts [rounds]`. Prints microseconds per ticket
 * (median of rounds) so a change to the detectors can be compared before and after.
 */
import { readFileSync } from 'node:fs';
import { scrubText } from '../src/triage/scrubber.js';

const rounds = Number(process.argv[2] ?? 7);
const tickets = readFileSync(new URL('../data/eval/inbox-heldout.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim().length > 0)
  .map((line) => JSON.parse(line) as { subject?: string; text: string });

const texts = tickets.flatMap((ticket) => [ticket.subject ?? '', ticket.text]);
for (const text of texts) scrubText(text); // warm-up: compile the regexes, let the JIT settle
const timings: number[] = [];
for (let round = 0; round < rounds; round += 1) {
  const started = performance.now();
  for (let repeat = 0; repeat < 5; repeat += 1) for (const text of texts) scrubText(text);
  timings.push(((performance.now() - started) * 1000) / (5 * tickets.length));
}
timings.sort((left, right) => left - right);
const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / tickets.length;
console.log(`${tickets.length} tickets, ${bytes.toFixed(0)} bytes each on average`);
console.log(`scrubText: median ${timings[Math.floor(rounds / 2)]!.toFixed(1)} µs per ticket (min ${timings[0]!.toFixed(1)}, max ${timings.at(-1)!.toFixed(1)})`);
