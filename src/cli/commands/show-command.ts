import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';

/** `triage show <ticketId> [--json]`. */
export function addShowCommand(program: Command, io: CliIo): void {
  program
    .command('show')
    .description('show a stored ticket, its outcome and its audit events (scrubbed)')
    .argument('<ticketId>')
    .option('--json', 'print as JSON')
    .action(async (ticketId: string, options: { json?: boolean }) => {
      const { runShowCommand } = await import('./show-action.js');
      await runShowCommand(io, ticketId, options);
    });
}
