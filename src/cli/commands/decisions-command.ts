import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import type { DecisionsOptions } from './decisions-action.js';

/** `triage decisions [--min-confidence X] [--max-confidence Y] [--since 7d] [--decision D] [--tag T] [--json]`. */
export function addDecisionsCommand(program: Command, io: CliIo): void {
  program
    .command('decisions')
    .description('query past decisions, e.g. --min-confidence 0.85 --max-confidence 0.92 --since 7d')
    .option('--min-confidence <x>', 'lowest confidence, inclusive')
    .option('--max-confidence <y>', 'highest confidence, inclusive')
    .option('--since <when>', 'e.g. 30m, 24h, 7d, 2w or an ISO date')
    .option('--until <when>', 'e.g. 1d or an ISO date')
    .option('--decision <decision>', 'sent, drafted or noted')
    .option('--tag <tag>', 'only decisions with this tag')
    .option('--limit <n>', 'at most this many rows', '100')
    .option('--json', 'print as JSON')
    .action(async (options: DecisionsOptions) => {
      const { runDecisionsCommand } = await import('./decisions-action.js');
      await runDecisionsCommand(io, options);
    });
}
