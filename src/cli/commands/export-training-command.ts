import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import type { ExportTrainingOptions } from './export-training-action.js';

/** `triage export-training [--since 30d] [--output FILE]`. */
export function addExportTrainingCommand(program: Command, io: CliIo): void {
  program
    .command('export-training')
    .description("reviewers' approved, edited and rejected drafts as labelled examples (JSONL) for npm run train -- --include-reviewed")
    .option('--since <when>', 'reviews since, e.g. 30d or an ISO date (default: all)')
    .option('--output <file>', 'write to a file (default: standard output)')
    .action(async (options: ExportTrainingOptions) => {
      const { runExportTrainingCommand } = await import('./export-training-action.js');
      await runExportTrainingCommand(io, options);
    });
}
