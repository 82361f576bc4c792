/** `triage "<ticket text>"`: triage one ticket, store it with its audit trail, print the outcome. */
import { readFileSync } from 'node:fs';
import { InputError } from '../../service/errors.js';
import { newTicketId, processTicket } from '../../service/process-ticket.js';
import { decodeUtf8, validateTicketInput } from '../../service/ticket-input.js';
import { json, type CliIo } from '../cli-io.js';
import { suggestCommand } from '../command-suggestion.js';
import { formatOutcome } from '../format-outcome.js';
import { withCommandRuntime } from '../open-runtime.js';

export interface TicketOptions {
  email: string;
  subject?: string;
  id?: string;
  file?: string;
  json?: boolean;
}

export interface TicketContext {
  /** `triage ticket "show"` triages the word "show"; only the implicit default command guesses typos. */
  explicitTicketCommand: boolean;
  commandNames: readonly string[];
}

export async function runTicketCommand(io: CliIo, words: string[], options: TicketOptions, context: TicketContext): Promise<void> {
  const text = ticketText(io, words, options, context);
  const input = validateTicketInput({ text, email: options.email, subject: options.subject, id: options.id });
  await withCommandRuntime(io, async (runtime) => {
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
}

function ticketText(io: CliIo, words: string[], options: TicketOptions, context: TicketContext): string {
  if (options.file) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(options.file);
    } catch (error) {
      throw new InputError(`cannot read ${options.file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    return decodeUtf8(bytes);
  }
  if (words.length === 1 && words[0] === '-') return decodeUtf8(io.readStdin());
  const meant = context.explicitTicketCommand ? undefined : suggestCommand(words, context.commandNames);
  if (meant) {
    throw new InputError(
      `"${words[0]}" is not a command: did you mean "${meant}"? (to triage a ticket with this text, write: triage ticket "${words.join(' ')}")`,
    );
  }
  if (words.length === 0) throw new InputError('give the ticket text: triage "I forgot my password"');
  return words.join(' ');
}
