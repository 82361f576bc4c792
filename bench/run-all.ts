/**
 * `npm run bench`: every benchmark of the project in one run, printed as it goes. Each part can
 * also be run alone (see its file). Numbers are for comparing within one run on one machine.
 */
import { runRuntimeOverheadBench } from './runtime-overhead.js';
import { runTriageLatencyBench } from './triage-latency.js';

const parts: { name: string; run: () => Promise<unknown> }[] = [
  { name: 'offline triage latency', run: () => runTriageLatencyBench({ tickets: 500 }) },
  { name: 'agent runtime overhead per tool-loop step', run: () => runRuntimeOverheadBench({}) },
];

const only = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
console.log(`node ${process.version}, ${new Date().toISOString()}`);
for (const part of parts) {
  if (only.length > 0 && !only.some((word) => part.name.includes(word))) continue;
  console.log(`\n== ${part.name} ==`);
  await part.run();
}
