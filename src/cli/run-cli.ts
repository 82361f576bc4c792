/**
 * The `triage` command line, as a function of argv and I/O so tests run it in-process. This file
 * only wires commander: each subcommand is defined in `commands/<name>-command.ts`, and its work
 * in `commands/<name>-action.ts`, imported when the command runs. That keeps `triage --help`
 * from loading the store, the models and the scrubber (most of the start-up time).
 */
import { Command, CommanderError } from 'commander';
import { ConfigError, InputError } from '../service/errors.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, ExitRequest, type CliIo } from './cli-io.js';
import { addCanaryCommand } from './commands/canary-command.js';
import { addDecisionsCommand } from './commands/decisions-command.js';
import { addEvalCommand } from './commands/eval-command.js';
import { addExportTrainingCommand } from './commands/export-training-command.js';
import { addServeCommand } from './commands/serve-command.js';
import { addShowCommand } from './commands/show-command.js';
import { addTicketCommand } from './commands/ticket-command.js';
import { addWorkerCommand } from './commands/worker-command.js';
import { packageVersion } from './package-version.js';

export type { CliIo } from './cli-io.js';

function buildProgram(io: CliIo, context: { explicitTicketCommand: boolean }): Command {
  const program = new Command('triage')
    .version(packageVersion(), '-V, --version', 'print the version')
    .description('Triage helpdesk tickets with an AI agent: reply when confident and allowed, otherwise draft for a human.')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined })
    .showSuggestionAfterError(true);
  addTicketCommand(program, io, context);
  addShowCommand(program, io);
  addDecisionsCommand(program, io);
  addEvalCommand(program, io);
  addExportTrainingCommand(program, io);
  addCanaryCommand(program, io);
  addServeCommand(program, io);
  addWorkerCommand(program, io);
  return program;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  // `triage ticket "show"` triages the word "show"; only the implicit default command guesses typos.
  const program = buildProgram(io, { explicitTicketCommand: argv.find((arg) => !arg.startsWith('-')) === 'ticket' });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof ExitRequest) return error.code;
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT_OK; // --help, --version
      io.stderr(`triage: ${error.message.replace(/^error:\s*/i, '')}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof InputError || error instanceof ConfigError) {
      io.stderr(`triage: ${error.message}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`triage: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
    return EXIT_FAILURE;
  }
}
