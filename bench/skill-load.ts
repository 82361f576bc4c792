/**
 * What loading the skills costs each new agent (the worker builds one per ticket): a fresh
 * SkillManager reading every SKILL.md under `skills/`, as `new Agent({skills: {directories}})` does.
 * CPU time (user + system) and wall time per load, after a warm-up.
 *
 * Run: npx tsx bench/skill-load.ts [--loads 2000]
 */
import { parseArgs } from 'node:util';
import { SkillManager } from '../src/agentao/skills.js';
import { isScript } from './run-as-script.js';

export interface SkillLoadReport {
  loads: number;
  skills: number;
  cpuMsPerLoad: number;
  wallMsPerLoad: number;
}

export function runSkillLoadBench(options: { loads?: number; warmup?: number; directories?: string[] } = {}): SkillLoadReport {
  const loads = options.loads ?? 2000;
  const directories = options.directories ?? [new URL('../skills', import.meta.url).pathname];
  const load = (): SkillManager => {
    const manager = new SkillManager({ directories });
    manager.load();
    return manager;
  };
  for (let index = 0; index < (options.warmup ?? 200); index += 1) load();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let skills = 0;
  for (let index = 0; index < loads; index += 1) skills = load().list().length;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    loads,
    skills,
    cpuMsPerLoad: (cpu.user + cpu.system) / 1000 / loads,
    wallMsPerLoad: (performance.now() - started) / loads,
  };
}

if (isScript(import.meta.url)) {
  const { values } = parseArgs({ options: { loads: { type: 'string', default: '2000' } } });
  const report = runSkillLoadBench({ loads: Number(values.loads) });
  process.stdout.write(
    `skill load per agent (${report.skills} skills, ${report.loads} loads, Node ${process.version}): ` +
      `${report.cpuMsPerLoad.toFixed(3)} ms CPU, ${report.wallMsPerLoad.toFixed(3)} ms wall\n`,
  );
}
