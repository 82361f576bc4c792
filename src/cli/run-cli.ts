/**
 * The `triage` command line, as a function of argv and I/O so tests run it in-process.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import { loadConfig, type Config } from '../service/config.js';
import { ConfigError, InputError } from '../service/errors.js';
import { newTicketId, processTicket } from '../service/process-ticket.js';
import { createTriageRuntime, type TriageRuntime } from '../service/triage-runtime.js';
import { decodeUtf8, validateTicketInput } from '../service/ticket-input.js';
import { parseConfidence, parseTimeWindow } from '../service/time-range.js';
import { getTicket } from '../service/store/repositories/ticket-repository.js';
import { getDecision, queryDecisions } from '../service/store/repositories/decision-repository.js';
import { listAuditEvents } from '../service/store/repositories/audit-repository.js';
import { getOutboxForTicket } from '../service/store/repositories/outbox-repository.js';
import { formatDecisionRow, formatOutcome } from './format-outcome.js';
import { runEvalCommand } from './eval-command.js';
import { suggestCommand } from './command-suggestion.js';
import { PROJECT_ROOT } from '../service/paths.js';
import { runExportTrainingCommand } from './export-training-command.js';
import { runCanaryAdoptCommand, runCanaryListCommand, runCanaryRunCommand } from './canary-command.js';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Uint8Array;
  stderrIsTty: boolean;
  environment: NodeJS.ProcessEnv;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** Set by a command that wants a non-zero exit without an error (an eval regression). */
class ExitRequest extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

async function withRuntime<T>(io: CliIo, fn: (runtime: TriageRuntime, config: Config) => Promise<T>, databaseUrl?: string): Promise<T> {
  const config = loadConfig(io.environment);
  const runtime = await createTriageRuntime(config, { databaseUrl, warn: (message) => io.stderr(`${message}\n`) });
  try {
    return await fn(runtime, config);
  } finally {
    await runtime.close();
  }
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'package.json'), 'utf8')) as { version?: string };
  return manifest.version ?? '0.0.0';
}

function buildProgram(io: CliIo, buildOptions: { explicitTicketCommand: boolean }): Command {
  const program = new Command('triage')
    .version(packageVersion(), '-V, --version', 'print the version')
    .description('Triage helpdesk tickets with an AI agent: reply when confident and allowed, otherwise draft for a human.')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined })
    .showSuggestionAfterError(true);

  program
    .command('ticket', { isDefault: true })
    .description('triage one ticket (the default command): triage "<ticket text>"')
    .argument('[text...]', 'the ticket text; "-" reads it from standard input')
    .option('--email <address>', "the customer's email", 'ada@example.com')
    .option('--subject <subject>', 'the ticket subject')
    .option('--id <ticketId>', 'the ticket id (default: a new one); the same id is never answered twice')
    .option('--file <path>', 'read the ticket text from a file')
    .option('--json', 'print the outcome as JSON')
    .action(async (words: string[], ticketOptions: { email: string; subject?: string; id?: string; file?: string; json?: boolean }) => {
      const options = { ...ticketOptions, explicitTicketCommand: buildOptions.explicitTicketCommand };
      let text: string;
      if (options.file) {
        let bytes: Buffer;
        try {
          bytes = readFileSync(options.file);
        } catch (error) {
          throw new InputError(`cannot read ${options.file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
        }
        text = decodeUtf8(bytes);
      } else if (words.length === 1 && words[0] === '-') {
        text = decodeUtf8(io.readStdin());
      } else {
        const meant = options.explicitTicketCommand ? undefined : suggestCommand(words, program.commands.map((command) => command.name()));
        if (meant) {
          throw new InputError(
            `"${words[0]}" is not a command: did you mean "${meant}"? (to triage a ticket with this text, write: triage ticket "${words.join(' ')}")`,
          );
        }
        text = words.join(' ');
      }
      if (!text.trim() && words.length === 0 && !options.file) throw new InputError('give the ticket text: triage "I forgot my password"');
      const input = validateTicketInput({ text, email: options.email, subject: options.subject, id: options.id });
      await withRuntime(io, async (runtime) => {
        const { outcome, duplicate } = await processTicket(runtime, {
          id: input.id ?? newTicketId(),
          source: 'cli',
          customerEmail: input.email,
          subject: input.subject,
          body: input.text,
          receivedAt: new Date().toISOString(),
        });
        io.stdout(options.json ? json(outcome) : `${formatOutcome(outcome, { duplicate })}\n`);
      });
    });

  program
    .command('show')
    .description('show a stored ticket, its outcome and its audit events (scrubbed)')
    .argument('<ticketId>')
    .option('--json', 'print as JSON')
    .action(async (ticketId: string, options: { json?: boolean }) => {
      await withRuntime(io, async (runtime) => {
        const { db } = runtime.store;
        const ticket = await getTicket(db, ticketId);
        if (!ticket) throw new InputError(`no ticket with id "${ticketId}"`, 'not_found');
        const [outcome, events, outbox] = await Promise.all([
          getDecision(db, ticketId),
          listAuditEvents(db, ticketId),
          getOutboxForTicket(db, ticketId),
        ]);
        if (options.json) {
          io.stdout(json({ ticket, outcome: outcome ?? null, outbox, events }));
          return;
        }
        io.stdout(`Ticket ${ticket.id} from ${ticket.customerEmail} (${ticket.source}), status ${ticket.status}\n`);
        if (ticket.subject) io.stdout(`Subject: ${ticket.subject}\n`);
        io.stdout(`${ticket.body}\n\n`);
        if (outcome) io.stdout(`${formatOutcome(outcome)}\n\n`);
        io.stdout(`Audit trail (${events.length} events):\n`);
        for (const event of events) {
          const data = event.data as Record<string, unknown>;
          const detail = [data.toolName, data.decision, data.status, data.reason, data.stopReason].filter(Boolean).join(' ');
          io.stdout(`  ${String(event.seq).padStart(3)} ${event.ts} ${event.type.padEnd(20)} ${detail}\n`);
        }
      });
    });

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
    .action(async (options: Record<string, string | boolean | undefined>) => {
      const decision = options.decision as string | undefined;
      if (decision !== undefined && decision !== 'sent' && decision !== 'drafted' && decision !== 'noted') {
        throw new InputError(`--decision must be sent, drafted or noted, got "${decision}"`);
      }
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new InputError('--limit must be a whole number from 1 to 10000');
      const filter = {
        minConfidence: options.minConfidence === undefined ? undefined : parseConfidence(String(options.minConfidence), '--min-confidence'),
        maxConfidence: options.maxConfidence === undefined ? undefined : parseConfidence(String(options.maxConfidence), '--max-confidence'),
        ...parseTimeWindow(
          { since: options.since as string | undefined, until: options.until as string | undefined },
          { since: '--since', until: '--until' },
        ),
        decision: decision as 'sent' | 'drafted' | 'noted' | undefined,
        tag: options.tag as string | undefined,
        limit,
      };
      if (filter.minConfidence !== undefined && filter.maxConfidence !== undefined && filter.minConfidence > filter.maxConfidence) {
        throw new InputError('--min-confidence is above --max-confidence');
      }
      await withRuntime(io, async (runtime) => {
        const rows = await queryDecisions(runtime.store.db, filter);
        if (options.json) {
          io.stdout(json(rows));
          return;
        }
        io.stdout(`${rows.length} decision(s)\n`);
        for (const row of rows) io.stdout(`${formatDecisionRow(row)}\n`);
      });
    });

  program
    .command('eval')
    .description('the eval canary: triage every line of a JSONL set as a fresh ticket and score it')
    .option('--set <file>', 'JSONL eval set', 'data/eval/canary.jsonl')
    .option('--baseline <file>', 'an earlier `triage eval --json` output to compare with')
    .option('--model <file>', 'a candidate intent classifier (from npm run train) instead of the adopted one')
    .option('--max-regressions <n>', 'lines that newly fail their expectations before exit 1', '0')
    .option('--max-new-sends <n>', 'lines newly sent instead of drafted before exit 1', '0')
    .option('--max-accuracy-drop <x>', 'drop of intent accuracy (fraction) before exit 1', '0.02')
    .option('--store', 'keep the eval tickets in the main store (default: an isolated in-memory store)')
    .option('--json', 'print the report as JSON')
    .option('--output <file>', 'write the report to this file instead of standard output')
    .action(async (options: Record<string, string | boolean | undefined>) => {
      const code = await runEvalCommand(io, options);
      if (code !== EXIT_OK) throw new ExitRequest(code);
    });

  program
    .command('export-training')
    .description("reviewers' approved, edited and rejected drafts as labelled examples (JSONL) for npm run train -- --include-reviewed")
    .option('--since <when>', 'reviews since, e.g. 30d or an ISO date (default: all)')
    .option('--output <file>', 'write to a file (default: standard output)')
    .action((options: { since?: string; output?: string }) => runExportTrainingCommand(io, options));

  const canary = program.command('canary').description('the daily eval canary: run it now, list its reports, adopt a baseline');
  canary
    .command('run')
    .description('run the canary set now, store the report and compare it with the baseline (exit 1 on a regression)')
    .option('--set <file>', 'JSONL eval set (default: CANARY_SET)')
    .option('--json', 'print the report as JSON')
    .action(async (options: { set?: string; json?: boolean }) => {
      const code = await runCanaryRunCommand(io, options);
      if (code !== EXIT_OK) throw new ExitRequest(code);
    });
  canary
    .command('list')
    .description('the latest canary reports, newest first')
    .option('--limit <n>', 'at most this many', '10')
    .option('--json', 'print as JSON')
    .action((options: { limit?: string; json?: boolean }) => runCanaryListCommand(io, options));
  canary
    .command('adopt')
    .description('make a report (default: the latest finished one) the baseline later runs are compared with')
    .argument('[reportId]')
    .action((reportId: string | undefined) => runCanaryAdoptCommand(io, reportId));

  program
    .command('serve')
    .description('run the webhook service, the API and the review console')
    .option('--port <port>', 'port to listen on (default: PORT or 8080)')
    .option('--host <host>', 'address to bind (default: HOST or 127.0.0.1)')
    .action(async (options: { port?: string; host?: string }) => {
      const { serve } = await import('../service/server.js');
      await serve(loadConfig(io.environment), { port: options.port, host: options.host, log: io.stderr });
    });

  program
    .command('worker')
    .description('run queue workers only (PostgreSQL: several processes share the work)')
    .action(async () => {
      const { runWorkerProcess } = await import('../service/server.js');
      await runWorkerProcess(loadConfig(io.environment), { log: io.stderr });
    });

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
