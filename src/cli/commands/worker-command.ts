import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';

/** `triage worker`: queue workers only (PostgreSQL: several processes share the work). */
export function addWorkerCommand(program: Command, io: CliIo): void {
  program
    .command('worker')
    .description('run queue workers only (PostgreSQL: several processes share the work)')
    .action(async () => {
      const [{ runWorkerProcess }, { loadConfig }] = await Promise.all([import('../../service/server.js'), import('../../service/config.js')]);
      await runWorkerProcess(loadConfig(io.environment), { log: io.stderr });
    });
}
