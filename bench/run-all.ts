/**
 * `npm run bench`: every benchmark of the project in one run, printed as it goes. Each part can
 * also be run alone (see its file). Numbers are for comparing within one run on one machine.
 *
 * `npm run bench -- webhook queue` runs only the parts whose name contains one of the words.
 */
import { availableParallelism, loadavg } from 'node:os';
import { formatStartupReport, runCliStartupBench } from './cli-startup.js';
import { runConnectorPostBench } from './connector-post.js';
import { formatQueueReport, runQueueThroughputBench } from './queue-throughput.js';
import { runRuntimeOverheadBench } from './runtime-overhead.js';
import { runTriageLatencyBench } from './triage-latency.js';
import { formatWebhookReport, runWebhookThroughputBench } from './webhook-throughput.js';

const log = (line: string): void => console.log(line);

const parts: { name: string; run: () => Promise<unknown> }[] = [
  {
    name: 'CLI start-up',
    run: async () => {
      const report = await runCliStartupBench({ runs: 10 });
      log(`${report.builtFirst ? 'built dist/ first; ' : ''}a new process per run\n${formatStartupReport(report)}`);
    },
  },
  { name: 'offline triage latency', run: () => runTriageLatencyBench({ tickets: 500 }) },
  {
    name: 'agent runtime overhead per tool-loop step',
    run: async () => {
      const report = await runRuntimeOverheadBench({});
      for (const result of report.results) {
        log(
          `${result.name}: ${result.msPerStep.toFixed(3)} ms/step, ${result.stepsPerSecond.toFixed(0)} steps/s, ${result.ratioToOurs.toFixed(2)}x ours; ` +
            `CPU ${result.cpuMsPerStep.toFixed(3)} ms/step, ${result.cpuOverFloorMsPerStep.toFixed(3)} over raw fetch`,
        );
      }
    },
  },
  {
    name: 'connector reply post',
    run: async () => {
      const report = await runConnectorPostBench({ posts: 2000, rounds: 2 });
      for (const result of report.results) log(`round ${result.round}, ${result.transport}: ${result.cpuMsPerPost.toFixed(3)} ms CPU per post`);
    },
  },
  {
    name: 'webhook accept throughput',
    run: async () => {
      const report = await runWebhookThroughputBench({ durationSeconds: 5, warmupSeconds: 1, connections: 10, log });
      log(`\n${report.connections} connections, ${report.durationSeconds} s per case after ${report.warmupSeconds} s warm-up\n${formatWebhookReport(report)}`);
    },
  },
  {
    name: 'end-to-end queue throughput',
    run: async () => {
      const report = await runQueueThroughputBench({ tickets: 1000, log });
      log(`\n${report.tickets} tickets per case\n${formatQueueReport(report)}`);
    },
  },
];

const only = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const [oneMinute, fiveMinutes, fifteenMinutes] = loadavg().map((load) => load.toFixed(2));
console.log(
  `node ${process.version}, ${new Date().toISOString()}, ${availableParallelism()} cores, load average ${oneMinute} ${fiveMinutes} ${fifteenMinutes}`,
);
const started = performance.now();
for (const part of parts) {
  if (only.length > 0 && !only.some((word) => part.name.includes(word))) continue;
  console.log(`\n== ${part.name} ==`);
  await part.run();
}
console.log(`\nall parts: ${((performance.now() - started) / 1000).toFixed(0)} s, load average now ${loadavg().map((load) => load.toFixed(2)).join(' ')}`);
// pg-boss and pools may keep timers alive for a moment; the run is over.
process.exit(0);
