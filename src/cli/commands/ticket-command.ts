import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import type { TicketOptions } from './ticket-action.js';

/** `triage "<ticket text>"` (the default command; `triage ticket "<text>"` names it). */
export function addTicketCommand(program: Command, io: CliIo, context: { explicitTicketCommand: boolean }): void {
  program
    .command('ticket', { isDefault: true })
    .description('triage one ticket (the default command): triage "<ticket text>"')
    .argument('[text...]', 'the ticket text; "-" reads it from standard input')
    .option('--email <address>', "the customer's email", 'ada@example.com')
    .option('--subject <subject>', 'the ticket subject')
    .option('--id <ticketId>', 'the ticket id (default: a new one); the same id is never answered twice')
    .option('--file <path>', 'read the ticket text from a file')
    .option('--json', 'print the outcome as JSON')
    .action(async (words: string[], options: TicketOptions) => {
      const { runTicketCommand } = await import('./ticket-action.js');
      const commandNames = program.commands.map((command) => command.name());
      await runTicketCommand(io, words, options, { ...context, commandNames });
    });
}
