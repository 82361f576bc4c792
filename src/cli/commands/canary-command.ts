import type { Command } from 'commander';
import { ExitRequest, EXIT_OK, type CliIo } from '../cli-io.js';

/** `triage canary run | list | adopt [reportId]`: the daily canary by hand. */
export function addCanaryCommand(program: Command, io: CliIo): void {
  const canary = program.command('canary').description('the daily eval canary: run it now, list its reports, adopt a baseline');
  canary
    .command('run')
    .description('run the canary set now, store the report and compare it with the baseline (exit 1 on a regression)')
    .option('--set <file>', 'JSONL eval set (default: CANARY_SET)')
    .option('--json', 'print the report as JSON')
    .action(async (options: { set?: string; json?: boolean }) => {
      const { runCanaryRunCommand } = await import('./canary-action.js');
      const code = await runCanaryRunCommand(io, options);
      if (code !== EXIT_OK) throw new ExitRequest(code);
    });
  canary
    .command('list')
    .description('the latest canary reports, newest first')
    .option('--limit <n>', 'at most this many', '10')
    .option('--json', 'print as JSON')
    .action(async (options: { limit?: string; json?: boolean }) => {
      const { runCanaryListCommand } = await import('./canary-action.js');
      await runCanaryListCommand(io, options);
    });
  canary
    .command('adopt')
    .description('make a report (default: the latest finished one) the baseline later runs are compared with')
    .argument('[reportId]')
    .action(async (reportId: string | undefined) => {
      const { runCanaryAdoptCommand } = await import('./canary-action.js');
      await runCanaryAdoptCommand(io, reportId);
    });
}
