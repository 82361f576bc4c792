/**
 * Start-up of the `triage` command as a user runs it (`node bin/triage.js ...`, a new process each
 * time): `--help`, `--version` and a one-line offline triage on a fresh SQLite file, each run
 * several times; the median wall time and the median CPU time of the process (user + system, every
 * thread). For comparison, `--help` from the TypeScript sources through tsx (what the bin falls
 * back to when dist/ is stale). Builds dist/ first when it is stale.
 *
 * Run: npx tsx bench/cli-startup.ts [--runs 10] [--json]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureBuilt, PROJECT_ROOT } from '../scripts/ensure-built.js';

const CPU_PRELOAD = join(PROJECT_ROOT, 'bench', 'report-cpu-usage.mjs');

export const STARTUP_CASES = {
  help: ['bin/triage.js', '--help'],
  version: ['bin/triage.js', '--version'],
  'offline triage': ['bin/triage.js', 'I forgot my password'],
  'help from sources (tsx)': ['--import', 'tsx', 'src/cli.ts', '--help'],
} as const satisfies Record<string, readonly string[]>;
export type StartupCaseName = keyof typeof STARTUP_CASES;

export interface StartupResult {
  case: StartupCaseName;
  command: string;
  runs: number;
  medianWallMs: number;
  medianCpuMs: number;
  maxWallMs: number;
}

export interface StartupReport {
  builtFirst: boolean;
  results: StartupResult[];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function runOnce(args: readonly string[], folder: string, index: number): { wallMs: number; cpuMs: number } {
  const cpuFile = join(folder, `cpu-${index}.json`);
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--import', pathToFileURL(CPU_PRELOAD).href, ...args], {
    cwd: PROJECT_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      DATABASE_URL: `sqlite:${join(folder, 'triage.db')}`,
      TRIAGE_BENCH_CPU_FILE: cpuFile,
    },
    encoding: 'utf8',
  });
  const wallMs = performance.now() - started;
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} exited ${child.status}: ${child.stderr}`);
  const { userMicros, systemMicros } = JSON.parse(readFileSync(cpuFile, 'utf8')) as { userMicros: number; systemMicros: number };
  return { wallMs, cpuMs: (userMicros + systemMicros) / 1000 };
}

export async function runCliStartupBench(options: { runs?: number; cases?: StartupCaseName[] } = {}): Promise<StartupReport> {
  const runs = options.runs ?? 10;
  const builtFirst = await ensureBuilt();
  const folder = mkdtempSync(join(tmpdir(), 'triage-startup-bench-'));
  try {
    const results: StartupResult[] = [];
    for (const name of options.cases ?? (Object.keys(STARTUP_CASES) as StartupCaseName[])) {
      const args = STARTUP_CASES[name];
      runOnce(args, folder, -1); // warm the file cache and create the database once
      const samples = Array.from({ length: runs }, (_, index) => runOnce(args, folder, index));
      results.push({
        case: name,
        command: `node ${args.join(' ')}`,
        runs,
        medianWallMs: median(samples.map((sample) => sample.wallMs)),
        medianCpuMs: median(samples.map((sample) => sample.cpuMs)),
        maxWallMs: Math.max(...samples.map((sample) => sample.wallMs)),
      });
    }
    return { builtFirst, results };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export function formatStartupReport(report: StartupReport): string {
  const header = '| command | runs | median wall ms | median CPU ms | max wall ms |\n|---|---|---|---|---|';
  const rows = report.results.map(
    (result) => `| \`${result.command}\` | ${result.runs} | ${result.medianWallMs.toFixed(0)} | ${result.medianCpuMs.toFixed(0)} | ${result.maxWallMs.toFixed(0)} |`,
  );
  return [header, ...rows].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' }, json: { type: 'boolean', default: false } } });
  const report = await runCliStartupBench({ runs: Number(values.runs) });
  console.log(values.json ? JSON.stringify(report, null, 2) : formatStartupReport(report));
}
